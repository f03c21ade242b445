using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Staff;

/// <summary>What the tests of StaffManagementTests and StaffRoleTests share.</summary>
public abstract class StaffManagementTestsBase(AccountsFactory factory)
{
    protected AccountsFactory Factory { get; } = factory;

    protected const string Url = "/admin/equipe";
    protected const string LastAdministrator = "Impossible : la collectivité doit garder au moins un administrateur actif. Nommez d'abord un autre administrateur.";
    protected const string SuspendedAtSignIn = "Votre compte est suspendu : adressez-vous à un administrateur de votre collectivité.";

    protected async Task<(TenantBuilder.Tenant Tenant, StaffJourney.StaffAccount Admin, PageClient Client)> AdministratorAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(Factory);
        var admin = await StaffJourney.CreateAsync(Factory, tenant.MunicipalityId, Roles.Administrator);
        return (tenant, admin, await StaffJourney.SignInAsync(Factory, admin));
    }

    /// <summary>Posts one of the row buttons of « Équipe » with the page's anti-forgery token.</summary>
    internal static async Task<HttpResponseMessage> ActAsync(PageClient client, string pageUrl, string handler, string accountId, string? newRole = null)
    {
        var page = await client.GetPageAsync(pageUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
        if (newRole is not null)
        {
            form["newRole"] = newRole;
        }
        return await client.Http.PostAsync($"{pageUrl}?handler={handler}&accountId={Uri.EscapeDataString(accountId)}", new FormUrlEncodedContent(form));
    }

    protected async Task<T> ReadAsync<T>(Func<FamilyPortalDbContext, UserManager<PortalAccount>, Task<T>> read)
    {
        await using var scope = Factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        return await read(db, scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>());
    }

    protected Task<List<JournalEntry>> JournalOfAsync(int municipalityId, string accountId) =>
        ReadAsync((db, _) => db.JournalEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(j => j.MunicipalityId == municipalityId && j.EntityType == nameof(PortalAccount) && j.EntityKey == accountId)
            .OrderBy(j => j.Id).ToListAsync());

    protected Task<bool> IsInRoleAsync(string accountId, string role) =>
        ReadAsync(async (_, users) => await users.FindByIdAsync(accountId) is { } account && await users.IsInRoleAsync(account, role));

    protected static async Task<HttpResponseMessage> PasswordStepAsync(StaffJourney.StaffAccount staff, PortalFactory Factory) =>
        await PageClient.For(Factory).PostFormAsync("/connexion", new Dictionary<string, string?> { ["Identifiant"] = staff.Login, ["Password"] = StaffJourney.Password });

    protected static string RefusalOf(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector(".notice-error")?.TextContent.Trim() ?? "";
}
