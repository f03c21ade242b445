using System.Globalization;
using FamilyPortal.Web.Features.Families.Rules;

namespace FamilyPortal.Web.Features.Families.MyFile;

/// <summary>The fiche sanitaire form of the parents.</summary>
public sealed class HealthInput
{
    public string? FoodAllergies { get; set; }
    public string? FoodAllergiesAction { get; set; }
    public string? MedicationAllergies { get; set; }
    public string? MedicationAllergiesAction { get; set; }
    public string? OtherAllergies { get; set; }
    public string? OtherAllergiesAction { get; set; }
    public bool NoPork { get; set; }
    public bool NoMeat { get; set; }
    public bool Vegetarian { get; set; }
    public string? AllergenFree { get; set; }
    public string? OtherDiet { get; set; }
    public bool HasPai { get; set; }
    /// <summary>yyyy-MM-dd, as a date field sends it.</summary>
    public string? DtpLastInjection { get; set; }
    public string? OtherVaccinations { get; set; }
    public string? DoctorName { get; set; }
    public string? DoctorPhone { get; set; }
    public string? Observations { get; set; }
    public bool ImageRights { get; set; }
    public bool MayLeaveAlone { get; set; }
    public bool EmergencyCare { get; set; }

    public static HealthInput From(HealthSheet s) => new()
    {
        FoodAllergies = s.FoodAllergies,
        FoodAllergiesAction = s.FoodAllergiesAction,
        MedicationAllergies = s.MedicationAllergies,
        MedicationAllergiesAction = s.MedicationAllergiesAction,
        OtherAllergies = s.OtherAllergies,
        OtherAllergiesAction = s.OtherAllergiesAction,
        NoPork = s.NoPork,
        NoMeat = s.NoMeat,
        Vegetarian = s.Vegetarian,
        AllergenFree = s.AllergenFree,
        OtherDiet = s.OtherDiet,
        HasPai = s.HasPai,
        DtpLastInjection = s.DtpLastInjection?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        OtherVaccinations = s.OtherVaccinations,
        DoctorName = s.DoctorName,
        DoctorPhone = FamilyInput.Shown(s.DoctorPhone),
        Observations = s.Observations,
        ImageRights = s.ImageRights,
        MayLeaveAlone = s.MayLeaveAlone,
        EmergencyCare = s.EmergencyCare,
    };

    /// <summary>The sheet, or null after <paramref name="fail"/> for each wrong field.</summary>
    public HealthSheet? Validate(DateOnly today, int? childAge, int minimumAgeToLeaveAlone, Action<string, string> fail)
    {
        ArgumentNullException.ThrowIfNull(fail);
        var ok = true;
        void Fail(string field, string message)
        {
            fail(field, message);
            ok = false;
        }
        DateOnly? dtp = null;
        if (!string.IsNullOrWhiteSpace(DtpLastInjection))
        {
            if (DateOnly.TryParseExact(DtpLastInjection.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || DateOnly.TryParseExact(DtpLastInjection.Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            {
                dtp = day;
            }
            else
            {
                Fail(nameof(DtpLastInjection), "Saisissez une date, par exemple 15/03/2024.");
            }
        }
        var doctorPhone = FamilyInput.CheckPhone(DoctorPhone, nameof(DoctorPhone), Fail);
        var sheet = new HealthSheet
        {
            FoodAllergies = Clean(FoodAllergies),
            FoodAllergiesAction = Clean(FoodAllergiesAction),
            MedicationAllergies = Clean(MedicationAllergies),
            MedicationAllergiesAction = Clean(MedicationAllergiesAction),
            OtherAllergies = Clean(OtherAllergies),
            OtherAllergiesAction = Clean(OtherAllergiesAction),
            NoPork = NoPork,
            NoMeat = NoMeat,
            Vegetarian = Vegetarian,
            AllergenFree = Clean(AllergenFree),
            OtherDiet = Clean(OtherDiet),
            HasPai = HasPai,
            DtpLastInjection = dtp,
            OtherVaccinations = Clean(OtherVaccinations),
            DoctorName = Clean(DoctorName),
            DoctorPhone = doctorPhone,
            Observations = Clean(Observations),
            ImageRights = ImageRights,
            MayLeaveAlone = MayLeaveAlone,
            EmergencyCare = EmergencyCare,
        };
        foreach (var (field, message) in HealthSheetFields.Check(sheet, today, childAge, minimumAgeToLeaveAlone))
        {
            Fail(field, message);
        }
        return ok ? sheet : null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
}
