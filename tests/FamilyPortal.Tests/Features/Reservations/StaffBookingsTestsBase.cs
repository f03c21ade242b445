using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Reservations;

/// <summary>What the tests of StaffBookingsTests and StaffCancellationTests share.</summary>
public abstract class StaffBookingsTestsBase(AccountsFactory factory)
{
    protected AccountsFactory Factory { get; } = factory;

    protected static readonly DateOnly Tuesday = new(2026, 11, 17);
    protected static readonly DateOnly BookedFriday = new(2026, 11, 20);

    protected static string Url(int childId) => $"/admin/enfants/{childId}/reservations?du=2026-11-01&au=2026-11-30";

    protected static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected async Task<(TenantBuilder.Tenant Tenant, StaffJourney.StaffAccount Staff, PageClient Client)> AgentAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(Factory);
        var staff = await StaffJourney.CreateAsync(Factory, tenant.MunicipalityId, Roles.Agent);
        return (tenant, staff, await StaffJourney.SignInAsync(Factory, staff));
    }

    protected async Task<T> ReadAsync<T>(Func<FamilyPortalDbContext, Task<T>> read)
    {
        await using var scope = Factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        return await read(db);
    }

    protected Task<List<Booking>> BookingsOfAsync(int childId) =>
        ReadAsync(db => db.Bookings.IgnoreQueryFilters().AsNoTracking().Where(b => b.ChildId == childId).OrderBy(b => b.Date).ToListAsync());

    protected Task<int> LoadAsync(int activityId, DateOnly day) =>
        ReadAsync(db => db.ActivityDayLoads.IgnoreQueryFilters().Where(l => l.ActivityId == activityId && l.Date == day).Select(l => l.Booked).SingleOrDefaultAsync());

    protected Task<int> JournalCountAsync(int municipalityId) =>
        ReadAsync(db => db.JournalEntries.IgnoreQueryFilters().CountAsync(j => j.MunicipalityId == municipalityId && j.ActorIsStaff));

    protected static Dictionary<string, string?> BookForm(int activityId, DateOnly from, DateOnly? to = null, string? reason = "Oubli de la famille") => new()
    {
        ["Book.ActivityId"] = activityId.ToString(CultureInfo.InvariantCulture),
        ["Book.From"] = Iso(from),
        ["Book.To"] = to is { } end ? Iso(end) : "",
        ["Book.Reason"] = reason,
    };

    protected static async Task<HttpResponseMessage> BookAsync(PageClient client, int childId, Dictionary<string, string?> form) =>
        await client.PostFormAsync(Url(childId), form, formAction: "handler=Book");
}
