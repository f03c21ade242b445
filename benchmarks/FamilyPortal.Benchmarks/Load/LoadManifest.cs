using System.Text.Json;

namespace FamilyPortal.Benchmarks.Load;

/// <param name="Activity">The activity the parent fills the month with: the morning care for even families, the late evening care for odd ones.</param>
/// <param name="Siblings">The family has two children: « Appliquer aussi aux frères et sœurs ».</param>
internal sealed record LoadAccount(string Login, string Email, int Child, string Service, int Activity, bool Siblings);

internal sealed record LoadLimit(string Activity, DateOnly? Date, int Capacity, int TakenBefore);

/// <summary>
/// What the seeded database holds for the load scenario, written next to it as manifest.json: the
/// locustfile reads its accounts and months, the report its counts.
/// </summary>
internal sealed record LoadManifest(
    string Municipality,
    string SchoolYear,
    string Password,
    int Families,
    int Children,
    int Bookings,
    double SeedSeconds,
    IReadOnlyList<LoadMonth> Months,
    IReadOnlyList<LoadLimit> Limits,
    IReadOnlyList<LoadAccount> Accounts)
{
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public void Write(string folder) => File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));
}
