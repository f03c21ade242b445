using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Invoices;

/// <summary>
/// Bookings of October 2026 (over at the factory's clock, Monday 16/11/2026) and short ways to issue and read
/// invoices. The test collectivité's activity costs 4,10 € (« Tranche A » for families with a quotient).
/// </summary>
public static class BillingKit
{
    public static readonly BillingMonth October = new(2026, 10);

    public const string GenerateUrl = "/admin/factures/generer";

    public static DateOnly Oct(int day) => new(2026, 10, day);

    public static async Task AddBookingsAsync(PortalFactory factory, int municipalityId, int childId, int activityId, IEnumerable<int> octoberDays,
        CancellationKind cancellation = CancellationKind.None, bool justified = false)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        foreach (var day in octoberDays)
        {
            db.Bookings.Add(new Booking
            {
                MunicipalityId = municipalityId,
                ChildId = childId,
                ActivityId = activityId,
                Date = Oct(day),
                CancelledAtUtc = cancellation == CancellationKind.None ? null : Oct(day).AddDays(-1).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
                Cancellation = cancellation,
                CancellationJustified = justified,
            });
        }
        await db.SaveChangesAsync();
    }

    public static async Task<T> ReadAsync<T>(PortalFactory factory, int municipalityId, Func<FamilyPortalDbContext, Task<T>> read)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        return await read(db);
    }

    public static Task<List<Invoice>> InvoicesAsync(PortalFactory factory, int municipalityId, BillingMonth? month = null) =>
        ReadAsync(factory, municipalityId, db => db.Invoices.AsNoTracking().Include(i => i.Lines)
            .Where(i => i.Month == (month ?? October).FirstDay).OrderBy(i => i.Sequence).ToListAsync());

    public static async Task<InvoiceIssuer.Outcome> IssueAsync(PortalFactory factory, int municipalityId, BillingMonth? month = null)
    {
        await using var scope = factory.Scope();
        scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().Tenant.Enter(municipalityId);
        var issuer = scope.ServiceProvider.GetRequiredService<InvoiceIssuer>();
        return await issuer.IssueAsync(municipalityId, month ?? October, issuer.DefaultDueDate, expected: null, default);
    }

    /// <summary>A parent of the family, signed in through the form.</summary>
    public static async Task<PageClient> ParentAsync(PortalFactory factory, int municipalityId, int familyId)
    {
        var (login, _) = await LinkAccountAsync(factory, municipalityId, familyId);
        var client = PageClient.For(factory);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await Accounts.AccountJourney.SignInAsync(client, login, ParentPassword)).StatusCode);
        return client;
    }

    public static async Task<PageClient> StaffAsync(PortalFactory factory, int municipalityId, string role = Roles.Agent) =>
        await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, municipalityId, role));

    public const string ParentPassword = "Une phrase de passe pour les factures";

    /// <summary>Another account linked to the family (confirmed or not), with the password <see cref="ParentPassword"/>.</summary>
    public static async Task<(string Login, string Email)> LinkAccountAsync(PortalFactory factory, int municipalityId, int familyId, bool confirmed = true)
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var account = new PortalAccount
        {
            UserName = "facture-" + Guid.NewGuid().ToString("N")[..10],
            Email = $"{Guid.NewGuid():N}@exemple.test",
            EmailConfirmed = confirmed,
            LastName = "MARTIN",
            FirstName = "Alex",
        };
        Assert.True((await users.CreateAsync(account, ParentPassword)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        db.Memberships.Add(new Membership { MunicipalityId = municipalityId, FamilyId = familyId, AccountId = account.Id });
        await db.SaveChangesAsync();
        return (account.UserName, account.Email!);
    }

    /// <summary>The text of the page's main content, spaces normalised (no-break spaces become plain ones).</summary>
    public static string TextOf(AngleSharp.Html.Dom.IHtmlDocument page) => Normalize(page.QuerySelector("main")!.TextContent);

    public static string Normalize(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.Replace('\u00A0', ' ').Replace('\u202F', ' '), @"\s+", " ").Trim();
}
