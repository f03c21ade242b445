using FamilyPortal.Web.Data.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Benchmarks;

/// <summary>The few reference rows (collectivité, sites, activities, school year, holidays), written through the app's own model.</summary>
internal static class ReferenceData
{
    private static readonly (string Prefix, string Name)[] SiteNames = [("GN", "Groupe scolaire Nord"), ("GS", "Groupe scolaire Sud")];

    public static async Task<Town> CreateAsync(BenchPortal portal, BenchCalendar calendar, int capacity, CancellationToken ct)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        var town = new Municipality
        {
            Name = "COMMUNE DE BANC-D'ESSAI",
            ShortName = "banc-essai",
            ContactEmail = "mairie@banc-essai.exemple.fr",
            CreatedAtUtc = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        db.Municipalities.Add(town);
        await db.SaveChangesAsync(ct);

        var meal = new ServiceKind { MunicipalityId = town.Id, Name = "Restauration scolaire" };
        var care = new ServiceKind { MunicipalityId = town.Id, Name = "Périscolaire" };
        var sites = SiteNames.Select(s => new Site { MunicipalityId = town.Id, Name = s.Name, Prefix = s.Prefix }).ToList();
        db.AddRange(meal, care);
        db.Sites.AddRange(sites);
        db.SchoolYears.Add(new SchoolYear
        {
            MunicipalityId = town.Id,
            Label = calendar.Label,
            StartDate = calendar.YearStart,
            EndDate = calendar.YearEnd,
        });
        foreach (var (start, end, reason) in calendar.Holidays)
        {
            db.Closures.Add(new Closure { MunicipalityId = town.Id, StartDate = start, EndDate = end, Reason = reason });
        }
        await db.SaveChangesAsync(ct);

        var activities = sites.Select(site => ActivitiesOf(town.Id, site, meal, care, capacity)).ToList();
        db.Activities.AddRange(activities.SelectMany(a => a));
        await db.SaveChangesAsync(ct);
        return new Town(town.Id, sites.Select((site, i) => new TownSite(
            site.Id,
            activities[i][0].Id,
            activities[i].Skip(1).Select(a => a.Id).ToList(),
            $"{site.Id}-{care.Id}")).ToList());
    }

    /// <summary>The canteen first, then the five after-school activities, with the règlements of the demo collectivité.</summary>
    private static List<Activity> ActivitiesOf(int municipalityId, Site site, ServiceKind meal, ServiceKind care, int capacity)
    {
        var p = site.Prefix;
        (string Label, ServiceKind Kind, TimeOnly Start, TimeOnly End, decimal Price)[] rows =
        [
            ($"{p} - RESTAURATION", meal, new(11, 45), new(13, 30), 4.10m),
            ($"{p} - PERISCOLAIRE MATIN", care, new(7, 30), new(8, 20), 1.60m),
            ($"{p} - PERISCOLAIRE MIDI", care, new(11, 45), new(13, 30), 1.20m),
            ($"{p} - PERI SOIR - 16H05/17H05", care, new(16, 5), new(17, 5), 1.80m),
            ($"{p} - PERI SOIR - 17H05/18H05", care, new(17, 5), new(18, 5), 1.80m),
            ($"{p} - PERI SOIR - 18H05/18H35", care, new(18, 5), new(18, 35), 0.90m),
        ];
        return rows.Select((row, i) => new Activity
        {
            MunicipalityId = municipalityId,
            SiteId = site.Id,
            ServiceKindId = row.Kind.Id,
            Label = row.Label,
            StartTime = row.Start,
            EndTime = row.End,
            UnitPrice = row.Price,
            SortOrder = i,
            Capacity = capacity,
            Days = BenchCalendar.ActivityDays,
            Rule = row.Kind == meal ? DemoData.MealRule : DemoData.CareRule,
        }).ToList();
    }
}
