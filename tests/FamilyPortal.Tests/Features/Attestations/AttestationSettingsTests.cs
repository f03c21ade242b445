using System.Net;
using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;

namespace FamilyPortal.Tests.Features.Attestations;

public class AttestationSettingsTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Url = "/admin/factures/attestations";

    [Fact]
    public async Task Administrators_record_the_siret_and_signatory_a_wrong_siret_is_refused_and_agents_get_403()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var agent = await StaffAsync(factory, tenant.MunicipalityId);
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);

        var wrong = await admin.PostFormAsync(Url, new Dictionary<string, string?> { ["Input.Siret"] = "21540323600019", ["Input.SignatoryName"] = "Marie DURAND" }, "Save");
        var byAgent = await agent.Http.PostAsync(Url + "/Save", new FormUrlEncodedContent([new("Input.Siret", AttestationKit.Siret)]));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.StartsWith("Le SIRET compte 14 chiffres", PageClient.ErrorOf(await PageClient.ParseAsync(wrong), "Input.Siret"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal("", DatabaseFingerprint.Differences(before, await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId)));

        var saved = await admin.PostFormAsync(Url, new Dictionary<string, string?>
        {
            ["Input.Siret"] = "215 403 236 00015",
            ["Input.SignatoryName"] = "Marie DURAND",
            ["Input.SignatoryTitle"] = "Maire",
        }, "Save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var municipality = await ReadAsync(factory, tenant.MunicipalityId, db => db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == tenant.MunicipalityId));
        Assert.Equal((AttestationKit.Siret, "Marie DURAND", "Maire"), (municipality.Siret, municipality.SignatoryName, municipality.SignatoryTitle));
    }

    [Fact]
    public async Task A_canteen_activity_cannot_be_marked_eligible_but_an_after_school_one_can()
    {
        var world = await AttestationKit.CreateAsync(factory);
        var admin = await StaffAsync(factory, world.Tenant.MunicipalityId, Roles.Administrator);
        var canteen = $"/admin/prestations/fiche/{world.Tenant.ActivityId}";
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, world.Tenant.MunicipalityId);

        var refused = await admin.PostFormAsync(canteen, new Dictionary<string, string?> { ["Input.TaxCreditEligible"] = "true" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Une prestation de restauration scolaire n'est jamais éligible à l'attestation fiscale : seuls les frais de garde le sont.",
            PageClient.ErrorOf(await PageClient.ParseAsync(refused), "Input.TaxCreditEligible"));
        Assert.Equal("", DatabaseFingerprint.Differences(before, await DatabaseFingerprint.OfMunicipalityAsync(factory, world.Tenant.MunicipalityId)));

        var evening = $"/admin/prestations/fiche/{world.EveningId}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(evening, new Dictionary<string, string?> { ["Input.TaxCreditEligible"] = null })).StatusCode);
        Assert.False(await ReadAsync(factory, world.Tenant.MunicipalityId, db => db.Activities.Where(a => a.Id == world.EveningId).Select(a => a.TaxCreditEligible).SingleAsync()));
    }
}
