using FamilyPortal.Web.Data.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Data;

public sealed class DemoDataTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Demo_data_reproduces_the_guide_and_keeps_the_code_unreadable_in_the_database()
    {
        await using var scope = _factory.Scope();
        var demo = scope.ServiceProvider.GetRequiredService<DemoData>();
        Assert.True(await demo.IsNeededAsync(default));
        await demo.SeedAsync(default);
        Assert.False(await demo.IsNeededAsync(default));

        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var commune = await db.Municipalities.SingleAsync();
        Assert.Equal("COMMUNE D'ECROUVES", commune.Name);

        var all = new[] { FamilyPortalDbContext.TenantFilter };
        // Direct debit: the collectivité's ICS and account pass their checks, the DUPOND family has an active mandate.
        Assert.True(CreditorIdentifier.TryParse(commune.CreditorIdentifier, out _, out _));
        Assert.True(Iban.TryParse(commune.CreditorIban, out _, out _) && Bic.IsValid(commune.CreditorBic!));
        var mandate = await db.DebitMandates.IgnoreQueryFilters(all).SingleAsync();
        Assert.Equal((MandateStatus.Active, "FR76 **** **** 0189"), (mandate.Status, mandate.MaskedIban));
        Assert.True(MandateReference.IsValid(mandate.Reference));
        var sites = await db.Sites.IgnoreQueryFilters(all).Select(s => s.Name).ToListAsync();
        Assert.Equal(["Centre Bautzen", "Groupe scolaire Justice"], sites.Order());
        var labels = await db.Activities.IgnoreQueryFilters(all).Select(a => a.Label).ToListAsync();
        Assert.Contains("JUSTICE - RESTAURATION", labels);
        Assert.Contains("GJ - PERISCOLAIRE MATIN", labels);
        Assert.Contains("GJ - PERI SOIR - 16H05/17H05", labels);
        Assert.Contains("BC - PERI SOIR - 18H05/18H35", labels);
        var centre = await db.Activities.IgnoreQueryFilters(all).SingleAsync(a => a.Label == DemoEnrolments.HolidayCentreLabel);
        Assert.Equal((EnrolmentMode.Period, "Vacances d'hiver 2027", true), (centre.Enrolment.Mode, centre.Enrolment.PeriodLabel, centre.Enrolment.AutoAccept));
        Assert.Equal(1, await db.WaitingEntries.IgnoreQueryFilters(all).CountAsync(e => e.State == WaitingState.Waiting));
        var campaign = await db.AllocationCampaigns.IgnoreQueryFilters(all).Include(c => c.Activities).SingleAsync();
        Assert.Equal(("ALSH hiver 2027", centre.Id, 24, centre.Enrolment.PeriodStart!.Value), (campaign.Name, campaign.Activities.Single().ActivityId,
            campaign.Activities.Single().Places, campaign.PeriodStart));
        var today = ParisClock.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), ParisClock.Zone);
        Assert.Contains(campaign.StageOn(today), new[] { CampaignStage.Open, CampaignStage.Closed });

        var health = await db.HealthRecords.IgnoreQueryFilters(all).Include(h => h.Child).SingleAsync();
        var sheet = scope.ServiceProvider.GetRequiredService<SensitiveData>().OpenJson<FamilyPortal.Web.Features.Families.Rules.HealthSheet>(health.SealedSheet);
        Assert.Equal(("ANNE", true, "Arachide (cacahuète)"), (health.Child!.FirstName, sheet.HasPai, sheet.FoodAllergies));
        Assert.Equal(2, await db.FamilyContacts.IgnoreQueryFilters(all).CountAsync());

        var types = await db.Set<SupportingDocumentType>().IgnoreQueryFilters(all).OrderBy(t => t.Name)
            .Select(t => new { t.Name, t.PerChild, t.ValidityMonths, t.IsActive }).ToListAsync();
        Assert.Equal([new { Name = DemoDocuments.InsuranceType, PerChild = true, ValidityMonths = (int?)12, IsActive = true },
            new { Name = DemoDocuments.QuotientType, PerChild = false, ValidityMonths = (int?)12, IsActive = true }], types);
        var deposited = await db.Set<SupportingDocument>().IgnoreQueryFilters(all).Include(d => d.Type).SingleAsync();
        Assert.Equal((DocumentStatus.Deposited, DemoDocuments.QuotientType, (int?)null, "application/pdf", DemoDocuments.DepositedFileName),
            (deposited.Status, deposited.Type!.Name, deposited.ChildId, deposited.ContentType, deposited.FileName));
        // Sealed as an upload is: the database holds no PDF, the opened content is one the upload checks accept, with its hash.
        Assert.Null(UploadRules.KindOf(deposited.SealedContent));
        var content = scope.ServiceProvider.GetRequiredService<SensitiveData>().Open(deposited.SealedContent);
        var (checkedAgain, problem) = DocumentFiles.Prepare(content, "again.pdf");
        Assert.Null(problem);
        Assert.Equal((deposited.Sha256, deposited.Size), (checkedAgain!.Sha256, (long)content.Length));
        Assert.Contains("startxref", System.Text.Encoding.Latin1.GetString(content), StringComparison.Ordinal);

        var news = await db.NewsItems.IgnoreQueryFilters(all).OrderBy(n => n.PublishFromUtc).Select(n => n.Title).ToListAsync();
        Assert.Equal(["Inscriptions périscolaires", "Menus de la semaine"], news);

        var vault = scope.ServiceProvider.GetRequiredService<AdhesionCodeVault>();
        var lookup = vault.Lookup(AdhesionCode.Normalize("wkmly-75koa")!);
        var family = await db.Families.IgnoreQueryFilters(all).Include(f => f.Children).Include(f => f.Adults).SingleAsync(f => f.AdhesionCodeLookup == lookup);
        Assert.Equal("DUPOND", family.HouseholdName);
        Assert.Equal(2, family.Children.Count);
        Assert.Equal([("Mme", "Marie", "Mère"), ("M.", "Paul", "Père")],
            family.Adults.OrderBy(a => a.Position).Select(a => (a.Civility, a.FirstName, a.Relationship)));
        Assert.DoesNotContain(DemoData.FamilyCode, family.AdhesionCodeLookup, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoData.FamilyCode, family.AdhesionCodeProtected, StringComparison.Ordinal);
        Assert.Equal(DemoData.FamilyCode, vault.Reveal(family.AdhesionCodeProtected));

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var admin = await users.FindByNameAsync(DemoData.AdministratorLogin.ToUpperInvariant());
        Assert.NotNull(admin);
        Assert.Equal(commune.Id, admin.StaffMunicipalityId);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Administrator));
        Assert.True(await users.CheckPasswordAsync(admin, DemoData.AdministratorPassword));
        var op = await users.FindByNameAsync(DemoData.OperatorLogin);
        Assert.NotNull(op);
        Assert.True(await users.IsInRoleAsync(op, Roles.Operator));
    }
}
