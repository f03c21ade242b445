namespace FamilyPortal.Web.Features.Attendance.Rules;

/// <summary>The French words of the pointage, and the codes the forms and the device send.</summary>
public static class AttendanceTexts
{
    public static readonly IReadOnlyList<(string Code, AbsenceMotif Motif, string Label)> Motifs =
    [
        ("maladie", AbsenceMotif.Illness, "Maladie"),
        ("prevenue", AbsenceMotif.Announced, "Absence prévenue"),
        ("non-prevenue", AbsenceMotif.Unannounced, "Absence non prévenue"),
        ("autre", AbsenceMotif.Other, "Autre"),
    ];

    public static readonly IReadOnlyList<(string Code, MarkAction Action, string Label)> Actions =
    [
        ("present", MarkAction.Present, "Présent"),
        ("absent", MarkAction.Absent, "Absent"),
        ("arrive", MarkAction.Arrived, "Arrivé"),
        ("parti", MarkAction.Left, "Parti"),
    ];

    public static AbsenceMotif? ParseMotif(string? code) =>
        Motifs.Where(m => string.Equals(m.Code, code, StringComparison.Ordinal)).Select(m => (AbsenceMotif?)m.Motif).FirstOrDefault();

    public static MarkAction? ParseAction(string? code) =>
        Actions.Where(a => string.Equals(a.Code, code, StringComparison.Ordinal)).Select(a => (MarkAction?)a.Action).FirstOrDefault();

    public static string MotifLabel(AbsenceMotif? motif) => Motifs.FirstOrDefault(m => m.Motif == motif).Label ?? "";

    /// <summary>« Présent — arrivé à 08:05 », « Absent (Maladie) », or « Non pointé ».</summary>
    public static string Describe(MarkState? state) => state switch
    {
        null => "Non pointé",
        { Status: AttendanceStatus.Absent } => $"Absent ({MotifLabel(state.Motif)})",
        _ => "Présent" + (state.ArrivedAt is { } arrived ? $" — arrivé à {arrived:HH\\:mm}" : "")
            + (state.LeftAt is { } left ? $" — parti à {left:HH\\:mm}" : ""),
    };

    /// <summary>Under 6 on the day, 6 and over, or unknown without a birth date (the CAF counts them apart).</summary>
    public static string AgeBracket(DateOnly? birthDate, DateOnly day)
    {
        if (birthDate is not { } birth)
        {
            return "âge inconnu";
        }
        return birth.AddYears(6) > day ? "moins de 6 ans" : "6 ans et plus";
    }
}
