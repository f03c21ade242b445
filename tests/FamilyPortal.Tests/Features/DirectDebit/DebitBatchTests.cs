using System.Net;
using System.Xml.Linq;
using FamilyPortal.Tests.Features.Invoices;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Tests.Features.DirectDebit;

/// <summary>« Prélèvements »: the month's file built from the invoices of families with a mandate, read back as pain.008.001.02.</summary>
public sealed class DebitBatchTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private static readonly XNamespace Ns = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02";

    private async Task<(TenantBuilder.Tenant Tenant, int SecondFamilyId, PageClient Admin)> TwoFamiliesAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await DirectDebitKit.OfferAsync(factory, tenant.MunicipalityId);
        await BillingKit.AddBookingsAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId, [1, 2, 5]);
        var second = await DirectDebitKit.SecondFamilyAsync(factory, tenant);
        await BillingKit.IssueAsync(factory, tenant.MunicipalityId);
        await DirectDebitKit.MandateAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        await DirectDebitKit.MandateAsync(factory, tenant.MunicipalityId, second, iban: "FR7630006000011234567890189", firstDone: true);
        return (tenant, second, await BillingKit.StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator));
    }

    [Fact]
    public async Task The_file_has_every_mandatory_element_and_its_counts_and_sums_at_both_levels_split_first_and_recurrent()
    {
        var (tenant, second, admin) = await TwoFamiliesAsync();
        var page = BillingKit.TextOf(await admin.GetPageAsync($"{DirectDebitKit.AdminUrl}?mois=2026-10"));
        Assert.Contains("Factures de octobre 2026 à prélever (2)", page, StringComparison.Ordinal);
        Assert.Contains("DE89 **** **** 3000", page, StringComparison.Ordinal);
        Assert.DoesNotContain("370400440532", page, StringComparison.Ordinal);

        using var built = await DirectDebitKit.BuildAsync(admin);
        Assert.Equal(HttpStatusCode.Redirect, built.StatusCode);
        var batch = (await DirectDebitKit.BatchesAsync(factory, tenant.MunicipalityId)).Single();
        using var download = await admin.Http.GetAsync($"/admin/prelevements/fichiers/{batch.Id}/File");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/xml", download.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await download.Content.ReadAsStringAsync());

        var root = xml.Root!;
        Assert.Equal(Ns + "Document", root.Name);
        var initiation = root.Element(Ns + "CstmrDrctDbtInitn")!;
        var header = initiation.Element(Ns + "GrpHdr")!;
        Assert.Equal(batch.MessageId, header.Element(Ns + "MsgId")!.Value);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$", header.Element(Ns + "CreDtTm")!.Value);
        Assert.Equal("2", header.Element(Ns + "NbOfTxs")!.Value);
        // 3 × 4,10 € for the first family, 2 × 4,10 € for the second.
        Assert.Equal("20.50", header.Element(Ns + "CtrlSum")!.Value);
        Assert.NotEmpty(header.Element(Ns + "InitgPty")!.Element(Ns + "Nm")!.Value);

        var blocks = initiation.Elements(Ns + "PmtInf").ToList();
        Assert.Equal(["FRST", "RCUR"], blocks.Select(b => b.Element(Ns + "PmtTpInf")!.Element(Ns + "SeqTp")!.Value));
        foreach (var block in blocks)
        {
            Assert.NotEmpty(block.Element(Ns + "PmtInfId")!.Value);
            Assert.Equal("DD", block.Element(Ns + "PmtMtd")!.Value);
            var transactions = block.Elements(Ns + "DrctDbtTxInf").ToList();
            Assert.Equal(transactions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), block.Element(Ns + "NbOfTxs")!.Value);
            Assert.Equal(transactions.Sum(t => decimal.Parse(t.Element(Ns + "InstdAmt")!.Value, System.Globalization.CultureInfo.InvariantCulture)),
                decimal.Parse(block.Element(Ns + "CtrlSum")!.Value, System.Globalization.CultureInfo.InvariantCulture));
            var type = block.Element(Ns + "PmtTpInf")!;
            Assert.Equal("SEPA", type.Element(Ns + "SvcLvl")!.Element(Ns + "Cd")!.Value);
            Assert.Equal("CORE", type.Element(Ns + "LclInstrm")!.Element(Ns + "Cd")!.Value);
            Assert.Equal("2026-11-19", block.Element(Ns + "ReqdColltnDt")!.Value);
            Assert.StartsWith("COMMUNE TEST", block.Element(Ns + "Cdtr")!.Element(Ns + "Nm")!.Value, StringComparison.Ordinal);
            Assert.Equal(DirectDebitKit.CreditorIban, block.Element(Ns + "CdtrAcct")!.Element(Ns + "Id")!.Element(Ns + "IBAN")!.Value);
            Assert.Equal(DirectDebitKit.CreditorBic, block.Element(Ns + "CdtrAgt")!.Element(Ns + "FinInstnId")!.Element(Ns + "BIC")!.Value);
            var scheme = block.Element(Ns + "CdtrSchmeId")!.Element(Ns + "Id")!.Element(Ns + "PrvtId")!.Element(Ns + "Othr")!;
            Assert.Equal(DirectDebitKit.Ics, scheme.Element(Ns + "Id")!.Value);
            Assert.Equal("SEPA", scheme.Element(Ns + "SchmeNm")!.Element(Ns + "Prtry")!.Value);
            foreach (var t in transactions)
            {
                Assert.Matches(@"^2026-\d{6}$", t.Element(Ns + "PmtId")!.Element(Ns + "EndToEndId")!.Value);
                Assert.Equal("EUR", t.Element(Ns + "InstdAmt")!.Attribute("Ccy")!.Value);
                var mandate = t.Element(Ns + "DrctDbtTx")!.Element(Ns + "MndtRltdInf")!;
                Assert.Matches(@"^TEST-[0-9A-F]{8}-F\d{6}-0\d$", mandate.Element(Ns + "MndtId")!.Value);
                Assert.Equal("2026-09-01", mandate.Element(Ns + "DtOfSgntr")!.Value);
                Assert.Equal(DirectDebitKit.FamilyBic, t.Element(Ns + "DbtrAgt")!.Element(Ns + "FinInstnId")!.Element(Ns + "BIC")!.Value);
                Assert.Equal("Camille Martin-Lefevre", t.Element(Ns + "Dbtr")!.Element(Ns + "Nm")!.Value);
                Assert.NotEmpty(t.Element(Ns + "DbtrAcct")!.Element(Ns + "Id")!.Element(Ns + "IBAN")!.Value);
                Assert.StartsWith("Facture " + t.Element(Ns + "PmtId")!.Element(Ns + "EndToEndId")!.Value, t.Element(Ns + "RmtInf")!.Element(Ns + "Ustrd")!.Value, StringComparison.Ordinal);
            }
        }
        var first = blocks[0].Elements(Ns + "DrctDbtTxInf").Single();
        Assert.Equal(DirectDebitKit.FamilyIban, first.Element(Ns + "DbtrAcct")!.Element(Ns + "Id")!.Element(Ns + "IBAN")!.Value);
        Assert.Equal("12.30", first.Element(Ns + "InstdAmt")!.Value);
        Assert.Equal("8.20", blocks[1].Elements(Ns + "DrctDbtTxInf").Single().Element(Ns + "InstdAmt")!.Value);

        // The batch is recorded, the mandate of the first collection is recurrent from now on, the file's hash is kept.
        Assert.Equal((2, 20.50m), (batch.TransactionCount, batch.Total));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await download.Content.ReadAsByteArrayAsync())), batch.FileSha256);
        Assert.All(await DirectDebitKit.MandatesAsync(factory, tenant.MunicipalityId, tenant.FamilyId), m => Assert.True(m.FirstDebitDone || m.Status == MandateStatus.Revoked));
        _ = second;
    }

    [Fact]
    public async Task Invoices_are_marked_prevu_for_parents_and_staff_and_never_go_in_a_second_file()
    {
        var (tenant, _, admin) = await TwoFamiliesAsync();
        using (var built = await DirectDebitKit.BuildAsync(admin))
        {
            Assert.Equal(HttpStatusCode.Redirect, built.StatusCode);
        }
        var parent = await BillingKit.ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        Assert.Contains("prélèvement prévu le 19/11/2026", BillingKit.TextOf(await parent.GetPageAsync("/factures")), StringComparison.Ordinal);
        Assert.Contains("prélèvement prévu le 19/11/2026", BillingKit.TextOf(await admin.GetPageAsync("/admin/factures?mois=2026-10")), StringComparison.Ordinal);

        Assert.Contains("à prélever (0)", BillingKit.TextOf(await admin.GetPageAsync($"{DirectDebitKit.AdminUrl}?mois=2026-10")), StringComparison.Ordinal);
        var token = (await admin.GetPageAsync(DirectDebitKit.AdminUrl)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var again = await admin.Http.PostAsync($"{DirectDebitKit.AdminUrl}/Build?mois=2026-10",
            new FormUrlEncodedContent([new("CollectionDate", "2026-11-24"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Aucune facture de ce mois", BillingKit.TextOf(await PageClient.ParseAsync(again)), StringComparison.Ordinal);
        Assert.Single(await DirectDebitKit.BatchesAsync(factory, tenant.MunicipalityId));
    }

    [Theory]
    [InlineData("2026-11-17", "au plus tôt")]
    [InlineData("2026-11-21", "week-end")]
    [InlineData("", "Saisissez la date")]
    public async Task A_collection_date_too_soon_or_on_a_bank_holiday_is_refused_and_nothing_is_written(string date, string message)
    {
        var (tenant, _, admin) = await TwoFamiliesAsync();
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);
        using var response = await admin.PostFormAsync($"{DirectDebitKit.AdminUrl}?mois=2026-10", new Dictionary<string, string?> { ["CollectionDate"] = date }, "/Build");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, PageClient.ErrorOf(await PageClient.ParseAsync(response), "CollectionDate"), StringComparison.Ordinal);
        var after = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);
        Assert.True(before.SequenceEqual(after), DatabaseFingerprint.Differences(before, after));
    }

    [Fact]
    public async Task An_agent_sees_the_invoices_to_debit_but_cannot_make_a_file()
    {
        var (tenant, _, _) = await TwoFamiliesAsync();
        var agent = await BillingKit.StaffAsync(factory, tenant.MunicipalityId);
        var page = await agent.GetPageAsync($"{DirectDebitKit.AdminUrl}?mois=2026-10");
        Assert.Contains("Seuls les administrateurs créent les fichiers", BillingKit.TextOf(page), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[name='Input.CreditorIdentifier']"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var forced = await agent.Http.PostAsync($"{DirectDebitKit.AdminUrl}/Build?mois=2026-10",
            new FormUrlEncodedContent([new("CollectionDate", "2026-11-19"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Forbidden, forced.StatusCode);
        Assert.Empty(await DirectDebitKit.BatchesAsync(factory, tenant.MunicipalityId));
    }

    [Fact]
    public async Task An_administrator_sets_the_creditor_identifier_and_account_and_wrong_ones_are_refused()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await BillingKit.StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);
        using var wrong = await admin.PostFormAsync(DirectDebitKit.AdminUrl, new Dictionary<string, string?>
        {
            ["Input.CreditorIdentifier"] = "FR73ZZZ123456",
            ["Input.Iban"] = "FR14 2004 1010 0505 0001 3M02 607",
            ["Input.Bic"] = "PSST",
        }, "/Settings");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var page = await PageClient.ParseAsync(wrong);
        Assert.Contains("clé de contrôle", PageClient.ErrorOf(page, "Input.CreditorIdentifier"), StringComparison.Ordinal);
        Assert.Contains("clé de contrôle", PageClient.ErrorOf(page, "Input.Iban"), StringComparison.Ordinal);
        Assert.Contains("8 ou 11 caractères", PageClient.ErrorOf(page, "Input.Bic"), StringComparison.Ordinal);
        var after = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);
        Assert.True(before.SequenceEqual(after), DatabaseFingerprint.Differences(before, after));

        using var saved = await admin.PostFormAsync(DirectDebitKit.AdminUrl, new Dictionary<string, string?>
        {
            ["Input.CreditorIdentifier"] = "fr72 zzz 123456",
            ["Input.Iban"] = "FR14 2004 1010 0505 0001 3M02 606",
            ["Input.Bic"] = "psstfrppncy",
        }, "/Settings");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var municipality = await factory.InTenantAsync(tenant.MunicipalityId, db => db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == tenant.MunicipalityId));
        Assert.Equal((DirectDebitKit.Ics, DirectDebitKit.CreditorIban, DirectDebitKit.CreditorBic),
            (municipality.CreditorIdentifier, municipality.CreditorIban, municipality.CreditorBic));
    }
}
