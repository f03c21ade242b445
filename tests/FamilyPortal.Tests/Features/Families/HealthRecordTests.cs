using System.Net;
using FamilyPortal.Tests.Features.Invoices;
using FamilyPortal.Web.Features.Families.Rules;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Families.FamilyFileKit;

namespace FamilyPortal.Tests.Features.Families;

/// <summary>The fiche sanitaire: a parent's change waits for staff, is sealed in the database, and its reading by staff is journalled.</summary>
public class HealthRecordTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task A_parent_change_waits_en_attente_de_validation_then_staff_accept_it_and_the_parent_gets_an_email()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var parent = await BillingKit.ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var url = $"/mon-dossier/enfants/{tenant.ChildId}";

        var sent = await parent.PostFormAsync(url, PeanutSheet);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Null((await SheetAsync(factory, tenant.MunicipalityId, tenant.ChildId))!.FoodAllergies);
        var request = Assert.Single(await RequestsAsync(factory, tenant.MunicipalityId));
        Assert.Equal(ChangeRequestStatus.Pending, request.Status);
        Assert.Equal(ChangeSection.Health, request.Section);
        Assert.Null(request.Values);
        var page = await parent.GetPageAsync(url);
        Assert.Contains("en attente de validation", page.QuerySelector("#Input_FoodAllergies-attente")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Arachide (cacahuète) et fruits à coque", page.QuerySelector("#Input_FoodAllergies")!.TextContent);
        Assert.Null(page.QuerySelector("#Input_Observations-attente"));

        var agent = await BillingKit.StaffAsync(factory, tenant.MunicipalityId);
        var queue = await agent.GetPageAsync("/admin/demandes");
        var rows = queue.QuerySelectorAll(".change-request tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Allergies alimentaires", StringComparison.Ordinal) && r.Contains("Arachide", StringComparison.Ordinal));
        var accepted = await agent.SubmitAsync(queue, "/admin/demandes", new Dictionary<string, string?>(), "handler=Accept");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var sheet = await SheetAsync(factory, tenant.MunicipalityId, tenant.ChildId);
        Assert.Equal("Arachide (cacahuète) et fruits à coque", sheet!.FoodAllergies);
        Assert.True(sheet.HasPai);
        Assert.Equal(new DateOnly(2024, 3, 15), sheet.DtpLastInjection);
        var decided = Assert.Single(await RequestsAsync(factory, tenant.MunicipalityId));
        Assert.Equal(ChangeRequestStatus.Accepted, decided.Status);
        Assert.NotNull(decided.DecidedAtUtc);
        var mail = await ReadAsync(factory, tenant.MunicipalityId, db => db.OutboxMessages.Where(m => m.MunicipalityId == tenant.MunicipalityId).ToListAsync());
        Assert.Contains(mail, m => m.Subject.StartsWith("Votre demande de modification est acceptée", StringComparison.Ordinal));
        Assert.Null((await parent.GetPageAsync(url)).QuerySelector(".pending"));
    }

    [Fact]
    public async Task A_wrong_sheet_gets_french_messages_and_writes_nothing()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await SetBirthDateAsync(factory, tenant.MunicipalityId, tenant.ChildId, new DateOnly(2022, 1, 10));
        var parent = await BillingKit.ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);

        var response = await parent.PostFormAsync($"/mon-dossier/enfants/{tenant.ChildId}", new Dictionary<string, string?>
        {
            ["Input.DtpLastInjection"] = "2099-01-01",
            ["Input.MayLeaveAlone"] = "true",
            ["Input.DoctorPhone"] = "12",
            ["Input.Observations"] = new string('x', 501),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Equal("La date du dernier rappel ne peut pas être dans le futur.", PageClient.ErrorOf(page, "Input.DtpLastInjection"));
        Assert.Equal("La collectivité n'autorise la sortie seul(e) qu'à partir de 8 ans.", PageClient.ErrorOf(page, "Input.MayLeaveAlone"));
        Assert.Equal(AdultFields.PhoneMessage, PageClient.ErrorOf(page, "Input.DoctorPhone"));
        Assert.Equal(HealthSheetFields.TooLong, PageClient.ErrorOf(page, "Input.Observations"));
        Assert.Equal("", DatabaseFingerprint.Differences(before, await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId)));
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task The_allergy_is_not_in_clear_in_the_database_file()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var parent = await BillingKit.ParentAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        const string allergy = "Allergie-témoin-kiwi-7F3A";
        Assert.Equal(HttpStatusCode.Redirect, (await parent.PostFormAsync($"/mon-dossier/enfants/{tenant.ChildId}",
            new Dictionary<string, string?> { ["Input.FoodAllergies"] = allergy })).StatusCode);
        var agent = await BillingKit.StaffAsync(factory, tenant.MunicipalityId);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync("/admin/demandes", new Dictionary<string, string?>(), "handler=Accept")).StatusCode);
        Assert.Equal(allergy, (await SheetAsync(factory, tenant.MunicipalityId, tenant.ChildId))!.FoodAllergies);

        var connectionString = DatabaseFingerprint.ConnectionString(factory);
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
        {
            byte[] bytes;
            await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                using var memory = new MemoryStream();
                await stream.CopyToAsync(memory);
                bytes = memory.ToArray();
            }
            Assert.Equal(-1, bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(allergy)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes(allergy)));
        }
        Assert.True(new FileInfo(path).Length > 0);
    }

    [Fact]
    public async Task Staff_reading_a_fiche_sanitaire_is_journalled_and_other_families_and_collectivites_get_404()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var other = await TenantBuilder.CreateAsync(factory, childFirstName: "Noé");
        var agent = await BillingKit.StaffAsync(factory, tenant.MunicipalityId);
        var url = $"/admin/familles/enfants/{tenant.ChildId}/fiche-sanitaire";

        var page = await agent.GetPageAsync(url);

        Assert.Contains("Fiche sanitaire de Lou", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var entry = Assert.Single(await ReadAsync(factory, tenant.MunicipalityId, db => db.JournalEntries
            .Where(j => j.Action == JournalAction.Viewed).ToListAsync()));
        Assert.Equal(nameof(HealthRecord), entry.EntityType);
        Assert.Equal(tenant.ChildId.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityKey);
        Assert.True(entry.ActorIsStaff);
        Assert.NotNull(entry.ActorLogin);

        var otherAgent = await BillingKit.StaffAsync(factory, other.MunicipalityId);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAgent.Http.GetAsync(url)).StatusCode);
        var otherParent = await BillingKit.ParentAsync(factory, other.MunicipalityId, other.FamilyId);
        Assert.Equal(HttpStatusCode.NotFound, (await otherParent.Http.GetAsync($"/mon-dossier/enfants/{tenant.ChildId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherParent.Http.GetAsync(url)).StatusCode);
        Assert.Single(await ReadAsync(factory, tenant.MunicipalityId, db => db.JournalEntries.Where(j => j.Action == JournalAction.Viewed).ToListAsync()));
    }
}
