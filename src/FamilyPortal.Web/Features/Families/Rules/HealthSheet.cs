namespace FamilyPortal.Web.Features.Families.Rules;

/// <summary>
/// A child's « fiche sanitaire » as the parents fill it in. Never stored as columns: the whole sheet is
/// sealed as one value, so that a copy of the database shows none of it.
/// </summary>
public sealed record HealthSheet
{
    public string? FoodAllergies { get; init; }
    public string? FoodAllergiesAction { get; init; }
    public string? MedicationAllergies { get; init; }
    public string? MedicationAllergiesAction { get; init; }
    public string? OtherAllergies { get; init; }
    public string? OtherAllergiesAction { get; init; }
    public bool NoPork { get; init; }
    public bool NoMeat { get; init; }
    public bool Vegetarian { get; init; }
    /// <summary>« Sans allergène » with the allergen named; null when not asked.</summary>
    public string? AllergenFree { get; init; }
    /// <summary>« Autre » régime, described.</summary>
    public string? OtherDiet { get; init; }
    /// <summary>Projet d'accueil individualisé.</summary>
    public bool HasPai { get; init; }
    public DateOnly? DtpLastInjection { get; init; }
    public string? OtherVaccinations { get; init; }
    public string? DoctorName { get; init; }
    public string? DoctorPhone { get; init; }
    public string? Observations { get; init; }
    public bool ImageRights { get; init; }
    public bool MayLeaveAlone { get; init; }
    public bool EmergencyCare { get; init; }

    public static readonly HealthSheet Empty = new();

    /// <summary>Allergies in one line for lists: « Alimentaires : arachide ; Médicaments : … ».</summary>
    public string AllergySummary => string.Join(" ; ", new[]
    {
        FoodAllergies is null ? null : $"Alimentaires : {FoodAllergies}",
        MedicationAllergies is null ? null : $"Médicaments : {MedicationAllergies}",
        OtherAllergies is null ? null : $"Autres : {OtherAllergies}",
    }.Where(s => s is not null));

    /// <summary>The régime in one line: « sans porc, sans allergène (arachide) ».</summary>
    public string DietSummary => string.Join(", ", new[]
    {
        NoPork ? "sans porc" : null,
        NoMeat ? "sans viande" : null,
        Vegetarian ? "végétarien" : null,
        AllergenFree is null ? null : $"sans allergène ({AllergenFree})",
        OtherDiet is null ? null : $"autre : {OtherDiet}",
    }.Where(s => s is not null));
}
