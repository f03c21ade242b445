using System.Net;
using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Attestations.AttestationKit;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;

namespace FamilyPortal.Tests.Features.Attestations;

public class AttestationPagesTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task The_attestation_fiscale_shows_the_payments_of_the_year_for_eligible_activities_prorated_and_never_the_canteen()
    {
        var world = await CreateAsync(factory);
        var parent = await ParentAsync(factory, world.Tenant.MunicipalityId, world.Tenant.FamilyId);

        var text = await PdfTextAsync(parent, await PostAsync(parent, "Tax", Tax(world.Tenant.ChildId, 2025)));

        // November 2025: 40 € of evenings and 40 € of meals, 40 € paid in December 2025 → 20 € for the evenings.
        // December 2025 was paid in January 2026: not in 2025.
        foreach (var expected in new[]
        {
            world.Tenant.Name, "SIRET : 215 403 236 00015", "Attestation fiscale", "Frais de garde des enfants de moins de 6 ans",
            "N° AT-2026-000001", "Je soussigné(e) Marie DURAND, Maire, atteste que la famille MARTIN (Mme Camille MARTIN) a payé en 2025",
            "la somme de 20,00 €", "Lou MARTIN, né(e) le 10/05/2021,", "GT - PERI SOIR 20,00 €", "Montant total payé en 2025 20,00 €",
            "Fait le 16/11/2026", "Marie DURAND", "Maire",
        })
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"« {expected} » not in the PDF text: {text}");
        }
        Assert.DoesNotContain("GT - RESTAURATION", text, StringComparison.Ordinal);
        var stored = Assert.Single(await AttestationsAsync(factory, world.Tenant.MunicipalityId), a => a.Kind == AttestationKind.Tax);
        Assert.Equal((20m, 2025, "AT-2026-000001"), (stored.Amount!.Value, stored.PeriodStart.Year, stored.Number));
    }

    [Fact]
    public async Task Asking_again_gives_the_same_number_and_the_same_content_even_after_a_new_payment()
    {
        var world = await CreateAsync(factory);
        var parent = await ParentAsync(factory, world.Tenant.MunicipalityId, world.Tenant.FamilyId);
        var first = await PdfTextAsync(parent, await PostAsync(parent, "Tax", Tax(world.Tenant.ChildId, 2025)));
        await ReadAsync(factory, world.Tenant.MunicipalityId, async db =>
        {
            var invoice = await db.Invoices.FirstAsync(i => i.Number == "2025-0000110");
            db.Payments.Add(new Payment { MunicipalityId = world.Tenant.MunicipalityId, InvoiceId = invoice.Id, Date = new DateOnly(2025, 12, 30), Amount = 10m, Means = PaymentMeans.Cash });
            return await db.SaveChangesAsync();
        });

        var again = await PdfTextAsync(parent, await PostAsync(parent, "Tax", Tax(world.Tenant.ChildId, 2025)));

        Assert.Equal(first, again);
        Assert.Single(await AttestationsAsync(factory, world.Tenant.MunicipalityId), a => a.Kind == AttestationKind.Tax);
        var page = TextOf(await parent.GetPageAsync(Url));
        Assert.Contains("AT-2026-000001 Attestation fiscale Lou MARTIN année 2025 20,00 €", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_six_on_1_January_gets_a_french_message_and_nothing_is_written()
    {
        var world = await CreateAsync(factory);
        await ReadAsync(factory, world.Tenant.MunicipalityId, db => db.Children.Where(c => c.Id == world.Tenant.ChildId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.BirthDate, new DateOnly(2018, 12, 31))));
        var parent = await ParentAsync(factory, world.Tenant.MunicipalityId, world.Tenant.FamilyId);
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, world.Tenant.MunicipalityId);

        var response = await PostAsync(parent, "Tax", Tax(world.Tenant.ChildId, 2025));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Lou MARTIN avait 6 ans ou plus au 1er janvier 2025 : les frais de garde de cette année-là n'ouvrent pas droit au crédit d'impôt.",
            PageClient.ErrorOf(await PageClient.ParseAsync(response), "Tax.ChildId"));
        Assert.Equal("", DatabaseFingerprint.Differences(before, await DatabaseFingerprint.OfMunicipalityAsync(factory, world.Tenant.MunicipalityId)));
    }

    [Fact]
    public async Task Without_siret_and_signatory_the_parent_is_sent_to_the_town_hall_and_a_year_not_offered_is_refused()
    {
        var world = await CreateAsync(factory, configured: false);
        var parent = await ParentAsync(factory, world.Tenant.MunicipalityId, world.Tenant.FamilyId);
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, world.Tenant.MunicipalityId);

        var missing = await PostAsync(parent, "Tax", Tax(world.Tenant.ChildId, 2025));
        var thisYear = await PostAsync(parent, "Tax", Tax(world.Tenant.ChildId, 2026));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains(AttestationIssuer.NotConfigured, TextOf(await PageClient.ParseAsync(missing)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, thisYear.StatusCode);
        Assert.Equal("Choisissez une année de la liste.", PageClient.ErrorOf(await PageClient.ParseAsync(thisYear), "Tax.Year"));
        Assert.Equal("", DatabaseFingerprint.Differences(before, await DatabaseFingerprint.OfMunicipalityAsync(factory, world.Tenant.MunicipalityId)));
    }

    [Fact]
    public async Task The_attestation_de_presence_lists_the_days_booked_and_not_cancelled_per_activity()
    {
        var world = await CreateAsync(factory);
        await AddBookingsAsync(factory, world.Tenant.MunicipalityId, world.Tenant.ChildId, world.Tenant.ActivityId, [5, 6]);
        await AddBookingsAsync(factory, world.Tenant.MunicipalityId, world.Tenant.ChildId, world.EveningId, [5]);
        await AddBookingsAsync(factory, world.Tenant.MunicipalityId, world.Tenant.ChildId, world.Tenant.ActivityId, [8], CancellationKind.InTime);
        var parent = await ParentAsync(factory, world.Tenant.MunicipalityId, world.Tenant.FamilyId);

        var text = await PdfTextAsync(parent, await PostAsync(parent, "Presence", Presence(world.Tenant.ChildId, "2026-10-01", "2026-10-31")));

        foreach (var expected in new[]
        {
            "Attestation de présence", "N° AT-2026-000001", "l'enfant Lou MARTIN, né(e) le 10/05/2021, de la famille MARTIN",
            "du 01/10/2026 au 31/10/2026", "GT - PERI SOIR 1 jour", "05/10/2026", "GT - RESTAURATION 2 jours", "05/10/2026, 06/10/2026",
        })
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"« {expected} » not in the PDF text: {text}");
        }
        Assert.DoesNotContain("08/10/2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_future_period_is_refused_with_a_french_message()
    {
        var world = await CreateAsync(factory);
        var parent = await ParentAsync(factory, world.Tenant.MunicipalityId, world.Tenant.FamilyId);
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, world.Tenant.MunicipalityId);

        var response = await PostAsync(parent, "Presence", Presence(world.Tenant.ChildId, "2026-11-01", "2026-12-31"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("La période attestée doit être passée : choisissez une date de fin au plus tard aujourd'hui.",
            PageClient.ErrorOf(await PageClient.ParseAsync(response), "Attendance.To"));
        Assert.Equal("", DatabaseFingerprint.Differences(before, await DatabaseFingerprint.OfMunicipalityAsync(factory, world.Tenant.MunicipalityId)));
    }

    [Fact]
    public async Task Another_familys_child_and_attestation_answer_404()
    {
        var mine = await CreateAsync(factory);
        var other = await CreateAsync(factory);
        var parent = await ParentAsync(factory, mine.Tenant.MunicipalityId, mine.Tenant.FamilyId);
        var theirs = await AttestationsAsync(factory, other.Tenant.MunicipalityId);

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(parent, "Tax", Tax(other.Tenant.ChildId, 2025))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(parent, "Presence", Presence(other.Tenant.ChildId, "2026-10-01", "2026-10-31"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await parent.Http.GetAsync($"/factures/attestations/{theirs[0].Id}/pdf")).StatusCode);
    }
}
