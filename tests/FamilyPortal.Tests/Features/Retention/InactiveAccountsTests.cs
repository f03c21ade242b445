using System.Net;
using FamilyPortal.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;
using static FamilyPortal.Tests.Features.Retention.RetentionKit;

namespace FamilyPortal.Tests.Features.Retention;

/// <summary>
/// A parent account unused for 3 years is warned by email, then deleted 30 days later unless it signs in again;
/// staff accounts are never deleted by retention.
/// </summary>
public class InactiveAccountsTests
{
    private static readonly DateTime LastUse = Utc(2026, 11, 16, 7).UtcDateTime;

    [Fact]
    public async Task An_account_unused_for_three_years_is_warned_once_then_deleted_thirty_days_later_staff_are_not()
    {
        using var factory = new PortalFactory();
        var tenant = await TenantBuilder.CreateAsync(factory);
        var parentId = tenant.LinkedAccountId!;
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        await LastSignInAsync(factory, parentId, LastUse);
        await LastSignInAsync(factory, staff.Id, LastUse);
        var login = await ReadAsync(factory, tenant.MunicipalityId, db => db.Users.Where(u => u.Id == parentId).Select(u => u.UserName!).SingleAsync());

        MoveTo(factory, Utc(2029, 11, 16, 6, 59));
        await RunAsync<InactiveAccountsJob>(factory);
        Assert.Null(await WarnedAtAsync(factory, parentId));
        Assert.Empty(await WarningsAsync(factory, tenant.FamilyEmail));

        var warnedAt = Utc(2029, 11, 16, 7, 1);
        MoveTo(factory, warnedAt);
        await RunAsync<InactiveAccountsJob>(factory);
        Assert.Equal(warnedAt.UtcDateTime, await WarnedAtAsync(factory, parentId));
        var mail = Assert.Single(await WarningsAsync(factory, tenant.FamilyEmail));
        Assert.Contains("Bonjour Camille MARTIN,", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Vous ne vous êtes pas connecté à votre compte depuis 3 ans.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("il sera supprimé à partir du 16/12/2029 si vous ne l'utilisez pas d'ici là", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(login, mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(tenant.Name, mail.TextBody, StringComparison.Ordinal);
        Assert.Null(mail.HeldForAccountId);
        Assert.Null(await WarnedAtAsync(factory, staff.Id));

        // A second run does not warn again.
        MoveTo(factory, Utc(2029, 11, 17, 7));
        await RunAsync<InactiveAccountsJob>(factory);
        Assert.Single(await WarningsAsync(factory, tenant.FamilyEmail));

        MoveTo(factory, warnedAt.AddDays(30).AddMinutes(-1));
        await RunAsync<InactiveAccountsJob>(factory);
        Assert.True(await ExistsAsync(factory, parentId));

        MoveTo(factory, warnedAt.AddDays(30).AddMinutes(1));
        await RunAsync<InactiveAccountsJob>(factory);
        Assert.False(await ExistsAsync(factory, parentId));
        Assert.True(await ExistsAsync(factory, staff.Id));
        Assert.False(await ReadAsync(factory, tenant.MunicipalityId, db => db.Memberships.AnyAsync(m => m.AccountId == parentId)));
        Assert.True(await ReadAsync(factory, tenant.MunicipalityId, db => db.Families.AnyAsync(f => f.Id == tenant.FamilyId)));
        Assert.Equal([$"Compte {login} de la famille MARTIN supprimé après 3 ans sans connexion (conservation des données)"],
            await RetentionJournalAsync(factory, tenant.MunicipalityId));
    }

    [Fact]
    public async Task Signing_in_after_the_warning_keeps_the_account()
    {
        using var factory = new PortalFactory();
        var tenant = await TenantBuilder.CreateAsync(factory, linkAccount: false);
        var (login, email) = await LinkAccountAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var id = await ReadAsync(factory, tenant.MunicipalityId, db => db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync());
        await LastSignInAsync(factory, id, LastUse);

        MoveTo(factory, Utc(2029, 11, 16, 8));
        await RunAsync<InactiveAccountsJob>(factory);
        Assert.NotNull(await WarnedAtAsync(factory, id));
        Assert.Single(await WarningsAsync(factory, email));

        MoveTo(factory, Utc(2029, 11, 20, 8));
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.AccountJourney.SignInAsync(PageClient.For(factory), login, ParentPassword)).StatusCode);
        Assert.Null(await WarnedAtAsync(factory, id));

        MoveTo(factory, Utc(2030, 1, 1, 8));
        await RunAsync<InactiveAccountsJob>(factory);
        Assert.True(await ExistsAsync(factory, id));
        Assert.Null(await WarnedAtAsync(factory, id));
        Assert.Single(await WarningsAsync(factory, email));
    }

    [Fact]
    public async Task An_address_never_confirmed_keeps_the_warning_held_and_the_deletion_abandons_it()
    {
        using var factory = new PortalFactory();
        var tenant = await TenantBuilder.CreateAsync(factory, linkAccount: false);
        var (login, email) = await LinkAccountAsync(factory, tenant.MunicipalityId, tenant.FamilyId, confirmed: false);
        var id = await ReadAsync(factory, tenant.MunicipalityId, db => db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync());
        await LastSignInAsync(factory, id, LastUse);

        MoveTo(factory, Utc(2029, 11, 16, 8));
        await RunAsync<InactiveAccountsJob>(factory);
        Assert.Equal(id, Assert.Single(await WarningsAsync(factory, email)).HeldForAccountId);

        MoveTo(factory, Utc(2029, 12, 17, 8));
        await RunAsync<InactiveAccountsJob>(factory);
        Assert.False(await ExistsAsync(factory, id));
        Assert.Equal(EmailOutbox.AccountDeleted, Assert.Single(await WarningsAsync(factory, email)).AbandonReason);
    }

    private static async Task LastSignInAsync(PortalFactory factory, string accountId, DateTime at)
    {
        await using var scope = factory.Scope();
        await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().Users.Where(u => u.Id == accountId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAtUtc, at));
    }

    private static async Task<DateTime?> WarnedAtAsync(PortalFactory factory, string accountId)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().Users.Where(u => u.Id == accountId)
            .Select(u => u.InactivityWarnedAtUtc).SingleOrDefaultAsync();
    }

    private static async Task<bool> ExistsAsync(PortalFactory factory, string accountId)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().Users.AnyAsync(u => u.Id == accountId);
    }

    private static async Task<List<OutboxMessage>> WarningsAsync(PortalFactory factory, string address)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.ToAddress == address && m.Subject == RetentionEmails.InactiveAccountSubject).OrderBy(m => m.Id).ToListAsync();
    }
}
