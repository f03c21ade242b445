using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Enrolments.EnrolmentKit;

namespace FamilyPortal.Tests.Features.Enrolments;

/// <summary>The family-file conditions an activity may ask for: the dossier confirmed for the year, the pièces justificatives valid.</summary>
public class FileConditionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task ChangeAsync(int municipalityId, Func<FamilyPortalDbContext, Task> change)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        await change(db);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task An_activity_asking_for_the_confirmed_file_refuses_until_the_family_confirms_the_year()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await RequireAsync(factory, tenant.MunicipalityId, tenant.ActivityId, new EnrolmentSettings { Mode = EnrolmentMode.SchoolYear, RequireConfirmedFile = true });
        var yearId = 0;
        await ChangeAsync(tenant.MunicipalityId, async db =>
        {
            var year = await db.SchoolYears.SingleAsync(y => y.StartDate <= YearStart && y.EndDate >= YearStart);
            (year.FileUpdateRequired, yearId) = (true, year.Id);
        });
        // The builder's family confirmed the year already: a family of its own that has not.
        var (session, childId) = await OtherFamilyAsync(factory, tenant, "DOSSIER");
        await using var _ = session;

        var refused = await Assert.ThrowsAsync<EnrolmentRefusedException>(() =>
            session.Get<EnrolmentService>().RequestAsync(session.Parent, childId, tenant.ActivityId, YearStart, default));
        Assert.StartsWith("Inscription impossible : le dossier famille n'est pas confirmé pour l'année ", refused.Message, StringComparison.Ordinal);

        await ChangeAsync(tenant.MunicipalityId, db =>
        {
            db.FamilyFileConfirmations.Add(new FamilyFileConfirmation { MunicipalityId = tenant.MunicipalityId, FamilyId = session.Parent.FamilyId, SchoolYearId = yearId });
            return Task.CompletedTask;
        });
        Assert.Equal(EnrolmentState.Pending, (await session.Get<EnrolmentService>().RequestAsync(session.Parent, childId, tenant.ActivityId, YearStart, default)).State);
    }

    [Fact]
    public async Task An_activity_asking_for_valid_documents_refuses_until_each_is_validated_and_says_which()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await RequireAsync(factory, tenant.MunicipalityId, tenant.ActivityId, new EnrolmentSettings { Mode = EnrolmentMode.SchoolYear, RequireValidDocuments = true });
        var types = await Documents.DocumentKit.AddTypesAsync(factory, tenant.MunicipalityId);
        await using var session = await Reservations.ParentSession.OpenAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var service = session.Get<EnrolmentService>();

        var refused = await Assert.ThrowsAsync<EnrolmentRefusedException>(() => service.RequestAsync(session.Parent, tenant.ChildId, tenant.ActivityId, YearStart, default));
        Assert.StartsWith("Inscription impossible : pièces justificatives à fournir ou en attente de validation : ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Carnet de vaccinations", refused.Message, StringComparison.Ordinal);

        await ChangeAsync(tenant.MunicipalityId, db =>
        {
            var sealedPdf = session.Get<SensitiveData>().Seal(Documents.DocumentKit.Pdf());
            foreach (var (typeId, childId) in new[] { (types.FamilyTypeId, (int?)null), (types.ChildTypeId, tenant.ChildId) })
            {
                db.Add(new SupportingDocument
                {
                    MunicipalityId = tenant.MunicipalityId,
                    FamilyId = tenant.FamilyId,
                    ChildId = childId,
                    TypeId = typeId,
                    Status = DocumentStatus.Validated,
                    UploadedAtUtc = factory.Clock.GetUtcNow().UtcDateTime,
                    FileName = "piece.pdf",
                    ContentType = "application/pdf",
                    Sha256 = "",
                    SealedContent = sealedPdf,
                });
            }
            return Task.CompletedTask;
        });
        Assert.Equal(EnrolmentState.Pending, (await service.RequestAsync(session.Parent, tenant.ChildId, tenant.ActivityId, YearStart, default)).State);
    }
}
