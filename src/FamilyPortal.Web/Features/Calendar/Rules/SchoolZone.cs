namespace FamilyPortal.Web.Features.Calendar.Rules;

/// <summary>The school-holiday zone of a collectivité: a metropolitan zone, Corse, or an overseas academy.</summary>
public enum SchoolZone
{
    A,
    B,
    C,
    Corse,
    Guadeloupe,
    Martinique,
    Guyane,
    LaReunion,
    Mayotte,
}

public static class SchoolZones
{
    public static IReadOnlyList<SchoolZone> All { get; } = Enum.GetValues<SchoolZone>();

    public static string Label(SchoolZone zone) => zone switch
    {
        SchoolZone.A => "Zone A",
        SchoolZone.B => "Zone B",
        SchoolZone.C => "Zone C",
        SchoolZone.LaReunion => "La Réunion",
        _ => zone.ToString(),
    };

    /// <summary>The zone's names in the « Zones » column of the ministry's open-data file (« Réunion » there).</summary>
    private static IEnumerable<string> FileNames(SchoolZone zone) => zone == SchoolZone.LaReunion ? ["Réunion", "La Réunion"] : [Label(zone)];

    /// <summary>The zone of the file that is the collectivité's, compared without case or accents.</summary>
    public static string? FindIn(IEnumerable<string> fileZones, SchoolZone zone)
    {
        var names = FileNames(zone).Select(HolidayFile.Normalize).ToList();
        return fileZones.FirstOrDefault(z => names.Contains(HolidayFile.Normalize(z)));
    }

    /// <summary>A value posted by a form (the enum's name), or null when it names no zone.</summary>
    public static SchoolZone? Parse(string? text) =>
        All.Cast<SchoolZone?>().FirstOrDefault(z => string.Equals(z.ToString(), text?.Trim(), StringComparison.Ordinal));
}
