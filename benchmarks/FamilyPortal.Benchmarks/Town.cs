namespace FamilyPortal.Benchmarks;

/// <summary>The collectivité of the benchmark: its sites, each with a canteen and five after-school activities.</summary>
internal sealed record Town(int MunicipalityId, IReadOnlyList<TownSite> Sites)
{
    public IEnumerable<int> ActivityIds => Sites.SelectMany(s => s.CareActivityIds.Prepend(s.MealActivityId));
}

/// <param name="CareService">The grid's « service » value of the site's after-school activities (« siteId-kindId »).</param>
internal sealed record TownSite(int Id, int MealActivityId, IReadOnlyList<int> CareActivityIds, string CareService);
