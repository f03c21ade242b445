using System.Globalization;

namespace FamilyPortal.Web.Features.Invoices.Rules;

/// <summary>
/// The numbers of invoices and credit notes: one unbroken sequence per collectivité, kind and year of issue,
/// as French rules on invoicing expect (a missing number has to be explained to an auditor).
/// </summary>
public static class DocumentNumber
{
    public static string Invoice(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{year}-{sequence:D6}");

    public static string CreditNote(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"AV-{year}-{sequence:D6}");

    public static string Attestation(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"AT-{year}-{sequence:D6}");
}

/// <summary>The independent sequences a collectivité numbers.</summary>
public enum DocumentSeries
{
    Invoice = 1,
    CreditNote = 2,
    Attestation = 3,
}
