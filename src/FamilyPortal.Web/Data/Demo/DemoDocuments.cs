using System.Globalization;
using System.Text;

namespace FamilyPortal.Web.Data.Demo;

/// <summary>
/// The collectivité's two pièces justificatives (the family's quotient attestation, each child's insurance
/// attestation) and the DUPOND family's quotient attestation waiting for staff: a one-page PDF made here,
/// checked and sealed by the same code as a parent's upload.
/// </summary>
public static class DemoDocuments
{
    public const string QuotientType = "Attestation de quotient familial";
    public const string InsuranceType = "Attestation d'assurance scolaire";
    public const string DepositedFileName = "attestation-quotient-dupond.pdf";

    public static async Task SeedAsync(FamilyPortalDbContext db, SensitiveData sensitive, TimeProvider time, Family family, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(family);
        var quotient = new SupportingDocumentType { MunicipalityId = family.MunicipalityId, Name = QuotientType, ValidityMonths = 12 };
        var insurance = new SupportingDocumentType { MunicipalityId = family.MunicipalityId, Name = InsuranceType, PerChild = true, ValidityMonths = 12 };
        db.AddRange(quotient, insurance);
        await db.SaveChangesAsync(ct);

        var (file, problem) = DocumentFiles.Prepare(OnePagePdf("Attestation de quotient familial - famille DUPOND - QF 640"), DepositedFileName);
        if (file is null)
        {
            throw new InvalidOperationException("The demo document is refused: " + problem);
        }
        var documents = new SupportingDocuments(db, sensitive, time);
        problem = await documents.DepositAsync(family.MunicipalityId, family.Id, quotient.Id, null, file, accountId: null, ct);
        if (problem is not null)
        {
            throw new InvalidOperationException("The demo document could not be deposited: " + problem);
        }
    }

    /// <summary>A PDF 1.4 of one A4 page with one line of Helvetica: objects, cross-reference table and trailer.</summary>
    public static byte[] OnePagePdf(string line)
    {
        var text = line.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
        var stream = $"BT /F1 14 Tf 56 780 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            $"<< /Length {Encoding.Latin1.GetByteCount(stream)} >>\nstream\n{stream}\nendstream",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}
