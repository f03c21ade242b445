using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Journal;

/// <summary>What the tests of JournalTests and JournalConsultationTests share.</summary>
public abstract class JournalTestsBase(AccountsFactory factory)
{
    protected AccountsFactory Factory { get; } = factory;

    protected const string Url = "/admin/journal";

    protected async Task<(TenantBuilder.Tenant Tenant, StaffJourney.StaffAccount Staff, PageClient Client)> AdministratorAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(Factory);
        var staff = await StaffJourney.CreateAsync(Factory, tenant.MunicipalityId, Roles.Administrator);
        return (tenant, staff, await StaffJourney.SignInAsync(Factory, staff));
    }

    protected async Task<T> ReadAsync<T>(Func<FamilyPortalDbContext, Task<T>> read)
    {
        await using var scope = Factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        return await read(db);
    }

    protected Task<List<JournalEntry>> EntriesAsync(int municipalityId) =>
        ReadAsync(db => db.JournalEntries.IgnoreQueryFilters().AsNoTracking().Where(j => j.MunicipalityId == municipalityId).OrderBy(j => j.Id).ToListAsync());

    protected static JournalChange Change(JournalEntry entry, string field) => JournalValues.Parse(entry.Changes).Single(c => c.Field == field);

    protected async Task SeedAsync(int municipalityId, params JournalEntry[] entries) => await ReadAsync(async db =>
    {
        foreach (var entry in entries)
        {
            entry.MunicipalityId = municipalityId;
        }
        db.JournalEntries.AddRange(entries);
        return await db.SaveChangesAsync();
    });

    protected static JournalEntry Entry(string summary, DateTime atUtc, string? actor = "a1", bool staff = true, string type = nameof(Family)) => new()
    {
        Summary = summary,
        AtUtc = atUtc,
        ActorAccountId = actor,
        ActorName = actor switch { "a1" => "Anne UN", "b2" => "Bruno DEUX", _ => "Parent TROIS" },
        ActorLogin = actor,
        ActorIsStaff = staff,
        EntityType = type,
        Action = JournalAction.Modified,
    };

    protected static List<string> Summaries(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("tbody th[scope=row]").Select(th => th.ChildNodes[0].TextContent.Trim()).ToList();
}
