using System.Net.Http.Json;
using System.Text.Json;
using FamilyPortal.Web.Features.Families.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Attendance;

/// <summary>A collectivité with an agent signed in and children booked on the factory's today (Monday 16/11/2026).</summary>
internal static class PointageKit
{
    public static readonly DateOnly Today = new(2026, 11, 16);

    public static string Url(TenantBuilder.Tenant tenant, int? activityId = null) =>
        $"/admin/pointage?prestation={activityId ?? tenant.ActivityId}&jour=2026-11-16";

    public static async Task<(TenantBuilder.Tenant Tenant, PageClient Agent, string AgentId)> AgentAsync(PortalFactory factory)
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var account = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        return (tenant, await StaffJourney.SignInAsync(factory, account), account.Id);
    }

    /// <summary>A child of the tenant's family, booked on the day unless told otherwise.</summary>
    public static async Task<int> ChildAsync(PortalFactory factory, TenantBuilder.Tenant tenant, string lastName, bool booked = true,
        HealthSheet? health = null, DateOnly? birthDate = null, DateOnly? day = null)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(tenant.MunicipalityId);
        var child = new Child
        {
            MunicipalityId = tenant.MunicipalityId,
            FamilyId = tenant.FamilyId,
            FirstName = "Max",
            LastName = lastName,
            SchoolClass = "CM1",
            SiteId = tenant.SiteId,
            BirthDate = birthDate,
        };
        db.Children.Add(child);
        await db.SaveChangesAsync();
        if (health is not null)
        {
            db.HealthRecords.Add(new HealthRecord
            {
                MunicipalityId = tenant.MunicipalityId,
                ChildId = child.Id,
                SealedSheet = scope.ServiceProvider.GetRequiredService<SensitiveData>().SealJson(health),
            });
        }
        if (booked)
        {
            db.Bookings.Add(new Booking { MunicipalityId = tenant.MunicipalityId, ChildId = child.Id, ActivityId = tenant.ActivityId, Date = day ?? Today });
        }
        await db.SaveChangesAsync();
        return child.Id;
    }

    public static Task<List<AttendanceMark>> MarksAsync(PortalFactory factory, TenantBuilder.Tenant tenant) =>
        factory.InTenantAsync(tenant.MunicipalityId, db => db.AttendanceMarks.AsNoTracking().Where(m => m.Date == Today).OrderBy(m => m.Id).ToListAsync());

    public static Task<List<JournalEntry>> JournalAsync(PortalFactory factory, TenantBuilder.Tenant tenant) =>
        factory.InTenantAsync(tenant.MunicipalityId, db => db.JournalEntries.AsNoTracking()
            .Where(j => j.EntityType == nameof(AttendanceMark)).OrderBy(j => j.Id).ToListAsync());

    public static object Mark(string id, int childId, int activityId, string action, DateTimeOffset takenAt, string? motif = null, string? heure = null) =>
        new { id, enfant = childId, prestation = activityId, jour = "2026-11-16", action, motif, heure, prisLe = takenAt };

    /// <summary>Posts a device's batch as the page's script does: JSON, with the page's anti-forgery token in a header.</summary>
    public static async Task<(HttpResponseMessage Response, JsonElement Answer)> SendAsync(PageClient agent, TenantBuilder.Tenant tenant, params object[] marks)
    {
        var page = await agent.GetPageAsync(Url(tenant));
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/pointage?handler=Marks") { Content = JsonContent.Create(new { marks }) };
        request.Headers.Add("RequestVerificationToken", token);
        var response = await agent.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }
}
