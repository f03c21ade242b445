namespace FamilyPortal.Web.Features.Reservations;

/// <summary>
/// An entry of « Sélectionnez le service / le site »: one service at one site, named as the guide names it
/// (« JUSTICE - RESTAURATION » when it is one activity, « GJ - PÉRISCOLAIRE » for several).
/// </summary>
public sealed record ServiceOption(string Value, string Label, IReadOnlyList<Activity> Activities)
{
    public static IReadOnlyList<ServiceOption> From(IEnumerable<Activity> activities) =>
        activities.GroupBy(a => (a.SiteId, a.ServiceKindId))
            .Select(g =>
            {
                var list = g.ToList();
                var first = list[0];
                var label = list.Count == 1
                    ? first.Label
                    : $"{first.Site?.Prefix} - {first.ServiceKind?.Name.ToUpper(FrenchDates.Culture)}";
                return new ServiceOption($"{g.Key.SiteId}-{g.Key.ServiceKindId}", label, list);
            })
            .ToList();
}
