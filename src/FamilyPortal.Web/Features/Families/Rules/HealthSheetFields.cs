using System.Globalization;

namespace FamilyPortal.Web.Features.Families.Rules;

/// <summary>The fields of the fiche sanitaire with their French labels and values as a person reads them.</summary>
public static class HealthSheetFields
{
    public const int MaxTextLength = 500;
    public const string TooLong = "500 caractères au plus.";

    public static readonly IReadOnlyList<(string Field, string Label, Func<HealthSheet, string?> Value)> All =
    [
        (nameof(HealthSheet.FoodAllergies), "Allergies alimentaires", s => s.FoodAllergies),
        (nameof(HealthSheet.FoodAllergiesAction), "Conduite à tenir (alimentaires)", s => s.FoodAllergiesAction),
        (nameof(HealthSheet.MedicationAllergies), "Allergies médicamenteuses", s => s.MedicationAllergies),
        (nameof(HealthSheet.MedicationAllergiesAction), "Conduite à tenir (médicaments)", s => s.MedicationAllergiesAction),
        (nameof(HealthSheet.OtherAllergies), "Autres allergies", s => s.OtherAllergies),
        (nameof(HealthSheet.OtherAllergiesAction), "Conduite à tenir (autres)", s => s.OtherAllergiesAction),
        (nameof(HealthSheet.NoPork), "Sans porc", s => YesNo(s.NoPork)),
        (nameof(HealthSheet.NoMeat), "Sans viande", s => YesNo(s.NoMeat)),
        (nameof(HealthSheet.Vegetarian), "Végétarien", s => YesNo(s.Vegetarian)),
        (nameof(HealthSheet.AllergenFree), "Sans allergène", s => s.AllergenFree),
        (nameof(HealthSheet.OtherDiet), "Autre régime", s => s.OtherDiet),
        (nameof(HealthSheet.HasPai), "PAI", s => YesNo(s.HasPai)),
        (nameof(HealthSheet.DtpLastInjection), "DTP : dernier rappel", s => s.DtpLastInjection?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
        (nameof(HealthSheet.OtherVaccinations), "Autres vaccinations", s => s.OtherVaccinations),
        (nameof(HealthSheet.DoctorName), "Médecin traitant", s => s.DoctorName),
        (nameof(HealthSheet.DoctorPhone), "Téléphone du médecin", s => s.DoctorPhone),
        (nameof(HealthSheet.Observations), "Observations", s => s.Observations),
        (nameof(HealthSheet.ImageRights), "Droit à l'image", s => YesNo(s.ImageRights)),
        (nameof(HealthSheet.MayLeaveAlone), "Sortie seul(e)", s => YesNo(s.MayLeaveAlone)),
        (nameof(HealthSheet.EmergencyCare), "Soins et hospitalisation d'urgence", s => YesNo(s.EmergencyCare)),
    ];

    /// <summary>The fields whose values differ, as (field, label, before, after).</summary>
    public static IReadOnlyList<FieldChange> Differences(HealthSheet before, HealthSheet after) =>
        All.Where(f => f.Value(before) != f.Value(after))
            .Select(f => new FieldChange(f.Field, f.Label, f.Value(before), f.Value(after))).ToList();

    /// <summary>
    /// French messages by field for what cannot be kept: a text too long, a vaccination in the future, a
    /// child too young to leave alone under the collectivité's rule.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Check(HealthSheet sheet, DateOnly today, int? childAgeInYears, int minimumAgeToLeaveAlone)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var errors = new Dictionary<string, string>();
        foreach (var (field, _, value) in All)
        {
            if (value(sheet) is { Length: > MaxTextLength })
            {
                errors[field] = TooLong;
            }
        }
        if (sheet.DtpLastInjection is { } dtp && dtp > today)
        {
            errors[nameof(HealthSheet.DtpLastInjection)] = "La date du dernier rappel ne peut pas être dans le futur.";
        }
        if (sheet.MayLeaveAlone && (childAgeInYears is null || childAgeInYears < minimumAgeToLeaveAlone))
        {
            errors[nameof(HealthSheet.MayLeaveAlone)] =
                $"La collectivité n'autorise la sortie seul(e) qu'à partir de {minimumAgeToLeaveAlone} ans.";
        }
        if (sheet.Vegetarian && sheet.NoMeat)
        {
            errors[nameof(HealthSheet.NoMeat)] = "Choisissez « sans viande » ou « végétarien », pas les deux.";
        }
        return errors;
    }

    /// <summary>Age in whole years on a day.</summary>
    public static int? AgeOn(DateOnly? birthDate, DateOnly day)
    {
        if (birthDate is not { } birth)
        {
            return null;
        }
        var age = day.Year - birth.Year;
        return birth.AddYears(age) > day ? age - 1 : age;
    }

    private static string YesNo(bool value) => value ? "oui" : "non";
}

/// <summary>One field of a demande de modification, as staff and parents read it.</summary>
public sealed record FieldChange(string Field, string Label, string? Before, string? After);
