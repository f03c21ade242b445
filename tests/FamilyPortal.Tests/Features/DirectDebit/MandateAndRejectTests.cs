using System.Net;
using FamilyPortal.Tests.Features.Invoices;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Tests.Features.DirectDebit;

/// <summary>Mandates signed by parents in « Mes factures » or entered by staff, revoked; rejects entered per line.</summary>
public sealed class MandateAndRejectTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Sign = "/factures/prelevement/Sign";

    private async Task<(TenantBuilder.Tenant Tenant, PageClient Parent)> OfferedAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await DirectDebitKit.OfferAsync(factory, tenant.MunicipalityId);
        return (tenant, await BillingKit.ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId));
    }

    private static async Task<HttpResponseMessage> SignAsync(PageClient parent, string iban, string bic = "BNPAFRPP", string holder = "Camille MARTIN", string? accept = "true") =>
        await parent.SubmitAsync(await parent.GetPageAsync("/factures"), "/factures", new Dictionary<string, string?>
        {
            ["Input.AccountHolder"] = holder,
            ["Input.Iban"] = iban,
            ["Input.Bic"] = bic,
            ["Input.Accept"] = accept,
        }, "/factures/prelevement/Sign");

    [Fact]
    public async Task A_parent_signs_a_mandate_in_mes_factures_sees_it_masked_and_revokes_it()
    {
        var (tenant, parent) = await OfferedAsync();
        var before = BillingKit.TextOf(await parent.GetPageAsync("/factures"));
        Assert.Contains("Prélèvement automatique", before, StringComparison.Ordinal);
        Assert.Contains($"identifiant créancier SEPA {DirectDebitKit.Ics}", before, StringComparison.Ordinal);
        Assert.Contains(tenant.Name, before, StringComparison.Ordinal);

        using var signed = await SignAsync(parent, "fr76 3000 6000 0112 3456 7890 189");
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var mandate = (await DirectDebitKit.MandatesAsync(factory, tenant.MunicipalityId, tenant.FamilyId)).Single(m => m.Status == MandateStatus.Active);
        Assert.Equal(("FR76 **** **** 0189", "BNPAFRPP", MandateSource.Parent, new DateOnly(2026, 11, 16), false),
            (mandate.MaskedIban, mandate.Bic, mandate.Source, mandate.SignedOn, mandate.FirstDebitDone));
        Assert.EndsWith("-02", mandate.Reference, StringComparison.Ordinal);
        Assert.DoesNotContain("3000600001", System.Text.Encoding.ASCII.GetString(mandate.SealedIban), StringComparison.Ordinal);
        var page = BillingKit.TextOf(await parent.GetPageAsync("/factures"));
        Assert.Contains("FR76 **** **** 0189", page, StringComparison.Ordinal);
        Assert.Contains(mandate.Reference, page, StringComparison.Ordinal);
        Assert.DoesNotContain("3000 6000", page, StringComparison.Ordinal);

        using var revoked = await parent.SubmitAsync(await parent.GetPageAsync("/factures"), "/factures", new Dictionary<string, string?>(), "/factures/prelevement/Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.All(await DirectDebitKit.MandatesAsync(factory, tenant.MunicipalityId, tenant.FamilyId), m => Assert.Equal(MandateStatus.Revoked, m.Status));
    }

    [Theory]
    [InlineData("FR7630006000011234567890188", "BNPAFRPP", "Camille", "true", "Input.Iban", "clé de contrôle")]
    [InlineData("FR76300060000112345678901", "BNPAFRPP", "Camille", "true", "Input.Iban", "compte 27 caractères")]
    [InlineData("<script>alert(1)</script>", "BNPAFRPP", "Camille", "true", "Input.Iban", "que des lettres et des chiffres")]
    [InlineData("FR7630006000011234567890189", "BNPA", "Camille", "true", "Input.Bic", "8 ou 11 caractères")]
    [InlineData("FR7630006000011234567890189", "COBADEFF", "Camille", "true", "Input.Bic", "autre pays")]
    [InlineData("FR7630006000011234567890189", "BNPAFRPP", "<img src=x onerror=alert(1)>", "true", "Input.AccountHolder", "ne peut contenir que")]
    [InlineData("FR7630006000011234567890189", "BNPAFRPP", "Camille", null, "Input.Accept", "Cochez la case")]
    public async Task A_wrong_mandate_is_refused_in_french_next_to_its_field_and_nothing_is_written(string iban, string bic, string holder, string? accept, string field, string message)
    {
        var (tenant, parent) = await OfferedAsync();
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);
        using var response = await SignAsync(parent, iban, bic, holder, accept);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, PageClient.ErrorOf(await PageClient.ParseAsync(response), field), StringComparison.Ordinal);
        var after = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);
        Assert.True(before.SequenceEqual(after), DatabaseFingerprint.Differences(before, after));
    }

    [Fact]
    public async Task Without_an_ics_the_block_is_not_shown_and_signing_answers_404()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var parent = await BillingKit.ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var page = await parent.GetPageAsync("/factures");
        Assert.Null(page.QuerySelector("#prelevement"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var forced = await parent.Http.PostAsync(Sign, new FormUrlEncodedContent([new("Input.AccountHolder", "X"), new("Input.Iban", DirectDebitRows.Iban),
            new("Input.Bic", "BNPAFRPP"), new("Input.Accept", "true"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, forced.StatusCode);
    }

    [Fact]
    public async Task Staff_enter_a_paper_mandate_with_its_date_then_revoke_it_and_another_collectivites_family_answers_404()
    {
        var (tenant, _) = await OfferedAsync();
        var agent = await BillingKit.StaffAsync(factory, tenant.MunicipalityId);
        var url = $"/admin/familles/{tenant.FamilyId}/prelevement";
        using var wrong = await agent.PostFormAsync(url, new Dictionary<string, string?>
        {
            ["Input.AccountHolder"] = "Camille MARTIN",
            ["Input.Iban"] = DirectDebitKit.FamilyIban,
            ["Input.Bic"] = DirectDebitKit.FamilyBic,
            ["Input.SignedOn"] = "2026-12-01",
        }, "/Sign");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("aujourd'hui au plus tard", PageClient.ErrorOf(await PageClient.ParseAsync(wrong), "Input.SignedOn"), StringComparison.Ordinal);

        using var saved = await agent.PostFormAsync(url, new Dictionary<string, string?>
        {
            ["Input.AccountHolder"] = "Camille MARTIN",
            ["Input.Iban"] = DirectDebitKit.FamilyIban,
            ["Input.Bic"] = DirectDebitKit.FamilyBic,
            ["Input.SignedOn"] = "2026-11-02",
        }, "/Sign");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var text = BillingKit.TextOf(await agent.GetPageAsync(url));
        Assert.Contains("DE89 **** **** 3000", text, StringComparison.Ordinal);
        Assert.Contains("signé le 02/11/2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("370400440532", text, StringComparison.Ordinal);
        // Staff changes are journalled, the IBAN only masked.
        var journal = await factory.InTenantAsync(tenant.MunicipalityId, db => db.JournalEntries.AsNoTracking().Where(j => j.EntityType == nameof(DebitMandate)).ToListAsync());
        Assert.NotEmpty(journal);
        Assert.Contains(journal, j => (j.Changes ?? "").Contains("DE89 **** **** 3000", StringComparison.Ordinal));
        Assert.All(journal, j => Assert.DoesNotContain("370400440532", (j.Changes ?? "") + j.Summary, StringComparison.Ordinal));

        var other = await TenantBuilder.CreateAsync(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync($"/admin/familles/{other.FamilyId}/prelevement")).StatusCode);

        using var revoked = await agent.PostFormAsync(url, new Dictionary<string, string?>(), "/Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.DoesNotContain(await DirectDebitKit.MandatesAsync(factory, tenant.MunicipalityId, tenant.FamilyId), m => m.Status == MandateStatus.Active);
    }

    [Fact]
    public async Task A_reject_reopens_the_invoice_emails_the_family_and_makes_the_next_debit_a_first_one_again()
    {
        var (tenant, parent) = await OfferedAsync();
        var batch = await DirectDebitKit.ScheduledInvoiceAsync(factory, tenant);
        var url = $"/admin/prelevements/fichiers/{batch.Id}";
        var agent = await BillingKit.StaffAsync(factory, tenant.MunicipalityId);

        using var noReason = await agent.PostFormAsync(url, new Dictionary<string, string?> { ["Reason"] = "ZZ99" }, "/Reject");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Choisissez le motif", PageClient.ErrorOf(await PageClient.ParseAsync(noReason), "Reason"), StringComparison.Ordinal);

        using var rejected = await agent.PostFormAsync(url, new Dictionary<string, string?> { ["Reason"] = "AM04" }, "/Reject");
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        var line = (await DirectDebitKit.BatchesAsync(factory, tenant.MunicipalityId)).Single().Lines.Single();
        Assert.Equal((DebitLineStatus.Rejected, "AM04"), (line.Status, line.RejectReason));
        Assert.Contains("Rejeté : AM04 – Provision insuffisante", BillingKit.TextOf(await agent.GetPageAsync(url)), StringComparison.Ordinal);
        Assert.DoesNotContain("prélèvement prévu le 19/11/2026", BillingKit.TextOf(await parent.GetPageAsync("/factures")), StringComparison.Ordinal);
        var mails = await factory.InTenantAsync(tenant.MunicipalityId, db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.MunicipalityId == tenant.MunicipalityId && m.Subject.StartsWith("Prélèvement rejeté")).ToListAsync());
        Assert.Contains(mails, m => m.ToAddress == tenant.FamilyEmail);
        var mandate = (await DirectDebitKit.MandatesAsync(factory, tenant.MunicipalityId, tenant.FamilyId)).Single(m => m.Status == MandateStatus.Active);
        Assert.False(mandate.FirstDebitDone);

        // Once rejected the line has no form any more, and a second reject of it answers 404; so does another collectivité's file.
        var token = (await agent.GetPageAsync(url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var twice = await agent.Http.PostAsync($"{url}/Reject?debitLineId={line.Id}", new FormUrlEncodedContent([new("Reason", "AC01"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, twice.StatusCode);
        var other = await TenantBuilder.CreateAsync(factory);
        var otherBatch = await factory.InTenantAsync(other.MunicipalityId, db => db.DebitBatches.AsNoTracking().Select(b => b.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync($"/admin/prelevements/fichiers/{otherBatch}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync($"/admin/prelevements/fichiers/{otherBatch}/File")).StatusCode);
    }
}
