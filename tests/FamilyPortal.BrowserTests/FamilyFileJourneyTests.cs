using System.Text;
using FamilyPortal.BrowserTests.Support;
using FamilyPortal.Tests.Support;
using FamilyPortal.Web.Data;
using FamilyPortal.Web.Data.Demo;
using FamilyPortal.Web.Features.Accounts;
using FamilyPortal.Web.Features.Documents;
using FamilyPortal.Web.Features.Documents.Rules;
using FamilyPortal.Web.Features.Families;
using FamilyPortal.Web.Features.Memberships;
using FamilyPortal.Web.Features.Memberships.Rules;
using FamilyPortal.Web.Features.Reservations;
using FamilyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace FamilyPortal.BrowserTests;

/// <summary>
/// « Mon dossier famille » in a real browser. A parent on a 360 px phone adds an allergy to the fiche sanitaire
/// and deposits the demo's two pièces, a PDF and a photo as the phone sends it (JPEG with EXIF); an
/// administrator accepts the change and the document, and finds the allergy on the attendance sheet.
/// </summary>
public sealed class FamilyFileJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Une phrase de passe pour le dossier";
    private const string StaffPassword = "Une phrase de passe pour la mairie";
    private const string Allergy = "Kiwi et fruits exotiques";
    private const string PhoneMarker = "PHONE-GPS-48.6894N-5.8786E";
    private static readonly DateOnly BookedDay = new(2026, 11, 26);

    [Fact]
    public async Task A_parent_on_a_phone_adds_an_allergy_and_deposits_a_pdf_and_a_phone_photo()
    {
        await UsePhoneAsync();
        var family = await FamilyAsync("FONTAINE", "MILA");
        await SignInAsync(family.Identifiant, Password);

        await ParentAddsAllergyAsync(family.ChildId, "MILA");
        await Expect(Page.Locator("#Input_FoodAllergies-attente")).ToHaveTextAsync("en attente de validation");
        await AssertFitsPhoneAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Pièces justificatives" }).First.ClickAsync();
        await CheckCurrentPageAsync();
        await DepositAsync(DemoDocuments.QuotientType, "attestation-caf.pdf", "application/pdf", DemoDocuments.OnePagePdf("Attestation CAF FONTAINE"));
        var insurance = $"{DemoDocuments.InsuranceType} – MILA FONTAINE";
        await DepositAsync(insurance, "IMG_20261116_081502.jpg", "image/jpeg", PhonePhoto());
        await AssertFitsPhoneAsync();

        var stored = await DocumentsAsync(family.FamilyId);
        Assert.Equal(["application/pdf", "image/jpeg"], stored.Select(d => d.ContentType));
        Assert.All(stored, d => Assert.Equal(DocumentStatus.Deposited, d.Status));
        // The photo was decoded and encoded again: no EXIF, no location, turned upright (the phone held it sideways).
        var photo = stored[1].Content;
        Assert.DoesNotContain(PhoneMarker, Encoding.Latin1.GetString(photo), StringComparison.Ordinal);
        using var upright = SKBitmap.Decode(photo);
        Assert.True(upright.Height > upright.Width, $"The photo is {upright.Width}×{upright.Height}, not turned upright.");
    }

    [Fact]
    public async Task Staff_accept_the_change_and_the_document_then_the_attendance_sheet_shows_the_allergy()
    {
        var family = await FamilyAsync("ROUSSEL", "NOÉ");
        await SignInAsync(family.Identifiant, Password);
        await ParentAddsAllergyAsync(family.ChildId, "NOÉ");
        await VisitAsync("/mon-dossier/pieces");
        await DepositAsync(DemoDocuments.QuotientType, "quotient.pdf", "application/pdf", DemoDocuments.OnePagePdf("Attestation CAF ROUSSEL"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await CheckCurrentPageAsync();

        await StaffSignInAsync(await AdministratorAsync());
        await Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Demandes" }).First.ClickAsync();
        await CheckCurrentPageAsync();
        var request = Page.Locator("section.change-request", new() { HasText = "Famille ROUSSEL" });
        await Expect(request.GetByRole(AriaRole.Row, new() { Name = "Allergies alimentaires" })).ToContainTextAsync(Allergy);
        await request.GetByRole(AriaRole.Button, new() { Name = "Accepter" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("La demande est acceptée");

        await VisitAsync("/admin/pieces");
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Examiner « {DemoDocuments.QuotientType} » de la famille ROUSSEL" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider la pièce" }).ClickAsync();
        await CheckCurrentPageAsync();
        Assert.Equal(DocumentStatus.Validated, Assert.Single(await DocumentsAsync(family.FamilyId)).Status);

        await VisitAsync($"/admin/reservations?jour={BookedDay:yyyy-MM-dd}&prestation={family.ActivityId}");
        var line = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "ROUSSEL" });
        await Expect(line).ToContainTextAsync("NOÉ");
        await Expect(line).ToContainTextAsync($"Alimentaires : {Allergy}");
    }

    private async Task ParentAddsAllergyAsync(int childId, string firstName)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Mon dossier famille" }).First.ClickAsync();
        await CheckCurrentPageAsync();
        await Page.Locator($"nav.file-nav a[href='/mon-dossier/enfants/{childId}']").ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = firstName, Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await Page.GetByLabel("Allergies alimentaires", new() { Exact = true }).FillAsync(Allergy);
        await Page.GetByLabel("Conduite à tenir (allergies alimentaires)").FillAsync("Éviction ; prévenir les parents");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la fiche sanitaire" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByLabel("Allergies alimentaires", new() { Exact = true })).ToHaveValueAsync(Allergy);
    }

    private async Task DepositAsync(string label, string fileName, string mimeType, byte[] content)
    {
        var row = Page.Locator("li.document-requirement", new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = label, Exact = true }) });
        await Expect(row.Locator(".document-status")).ToContainTextAsync("à fournir");
        await Page.GetByLabel($"Fichier pour « {label} »").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mimeType, Buffer = content });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Déposer « {label} »" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Votre pièce a été déposée.");
        await Expect(row.Locator(".document-status")).ToContainTextAsync("déposée");
    }

    private async Task SignInAsync(string login, string password)
    {
        await VisitAsync("/connexion");
        await Page.GetByLabel("Identifiant").FillAsync(login);
        await Page.GetByLabel("Mot de passe").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await CheckCurrentPageAsync();
    }

    private async Task StaffSignInAsync(string login)
    {
        await SignInAsync(login, StaffPassword);
        var key = await Page.GetByTestId("cle-authentificateur").TextContentAsync();
        await Page.GetByLabel("Code à 6 chiffres").FillAsync(Totp.Code(key!));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Activer et me connecter" }).ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tableau de bord");
    }

    /// <summary>The page holds in a 360 px screen: nothing wider than the screen but the tables' own scrolling box.</summary>
    private async Task AssertFitsPhoneAsync()
    {
        var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= Viewport.Phone.Width, $"{Page.Url} is {scrollWidth} px wide on a 360 px screen.");
    }

    /// <summary>
    /// A photo as a phone sends it: 640×480 pixels stored sideways, with an EXIF block saying « turn right to view »
    /// (orientation 6) and a camera model carrying a marker, which must not survive the deposit.
    /// </summary>
    private static byte[] PhonePhoto()
    {
        using var bitmap = new SKBitmap(640, 480);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var ink = new SKPaint { Color = SKColors.DarkBlue };
            canvas.DrawRect(40, 40, 560, 120, ink);
        }
        using var image = SKImage.FromBitmap(bitmap);
        var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 85).ToArray();
        var model = Encoding.ASCII.GetBytes(PhoneMarker + "\0");
        var tiff = new List<byte>();
        tiff.AddRange("II*\0"u8.ToArray());
        tiff.AddRange(BitConverter.GetBytes(8));
        tiff.AddRange(BitConverter.GetBytes((short)2));
        // Orientation (0x0112) SHORT 6; Model (0x0110) ASCII, its text after the IFD (8 + 2 + 2 × 12 + 4 = 38).
        tiff.AddRange([0x12, 0x01, 3, 0, .. BitConverter.GetBytes(1), 6, 0, 0, 0]);
        tiff.AddRange([0x10, 0x01, 2, 0, .. BitConverter.GetBytes(model.Length), .. BitConverter.GetBytes(38)]);
        tiff.AddRange(BitConverter.GetBytes(0));
        tiff.AddRange(model);
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        byte[] app1 = [0xFF, 0xE1, (byte)((payload.Length + 2) >> 8), (byte)((payload.Length + 2) & 0xFF), .. payload];
        return [.. jpeg.Take(2), .. app1, .. jpeg.Skip(2)];
    }

    private sealed record StoredDocument(string ContentType, DocumentStatus Status, byte[] Content);

    private async Task<List<StoredDocument>> DocumentsAsync(int familyId)
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        var sensitive = scope.ServiceProvider.GetRequiredService<SensitiveData>();
        var documents = await db.Set<SupportingDocument>().IgnoreQueryFilters().Where(d => d.FamilyId == familyId).OrderBy(d => d.Id).ToListAsync();
        return documents.Select(d => new StoredDocument(d.ContentType, d.Status, sensitive.Open(d.SealedContent))).ToList();
    }

    private sealed record JourneyFamily(string Identifiant, int FamilyId, int ChildId, int ActivityId);

    /// <summary>A family of COMMUNE D'ECROUVES with one child at Groupe scolaire Justice booked for lunch on <see cref="BookedDay"/>, and its parent.</summary>
    private async Task<JourneyFamily> FamilyAsync(string household, string child)
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        var commune = await db.Municipalities.SingleAsync(m => m.Name == DemoData.MunicipalityName);
        var justice = await db.Sites.IgnoreQueryFilters().SingleAsync(s => s.MunicipalityId == commune.Id && s.Prefix == "GJ");
        var meal = await db.Activities.IgnoreQueryFilters().SingleAsync(a => a.SiteId == justice.Id && a.Label == "JUSTICE - RESTAURATION");
        var email = $"{household.ToLowerInvariant()}-{Guid.NewGuid():N}@exemple.fr";
        var family = new Family { MunicipalityId = commune.Id, HouseholdName = household, Email = email };
        scope.ServiceProvider.GetRequiredService<AdhesionCodeVault>().Assign(family, AdhesionCode.Generate());
        var kid = new Child { MunicipalityId = commune.Id, FirstName = child, LastName = household, SiteId = justice.Id, SchoolClass = "CM1", BirthDate = new DateOnly(2017, 3, 2) };
        family.Children.Add(kid);
        db.Families.Add(family);
        await db.SaveChangesAsync();
        db.Bookings.Add(new Booking { MunicipalityId = commune.Id, ChildId = kid.Id, ActivityId = meal.Id, Date = BookedDay });
        var load = await db.ActivityDayLoads.IgnoreQueryFilters().SingleOrDefaultAsync(l => l.ActivityId == meal.Id && l.Date == BookedDay);
        if (load is null)
        {
            db.ActivityDayLoads.Add(new ActivityDayLoad { MunicipalityId = commune.Id, ActivityId = meal.Id, Date = BookedDay, Booked = 1 });
        }
        else
        {
            load.Booked++;
        }
        var identifiant = $"{household}.{Guid.NewGuid().ToString("N")[..6]}";
        var account = new PortalAccount
        {
            UserName = identifiant,
            Email = email,
            EmailConfirmed = true,
            HouseholdName = household,
            LastName = household,
            FirstName = "Parent",
        };
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>().CreateAsync(account, Password)).Succeeded);
        await db.SaveChangesAsync();
        db.Memberships.Add(new Membership { MunicipalityId = commune.Id, FamilyId = family.Id, AccountId = account.Id });
        await db.SaveChangesAsync();
        return new JourneyFamily(identifiant, family.Id, kid.Id, meal.Id);
    }

    /// <summary>An administrator of COMMUNE D'ECROUVES of this test's own.</summary>
    private async Task<string> AdministratorAsync()
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        var commune = await db.Municipalities.SingleAsync(m => m.Name == DemoData.MunicipalityName);
        var login = $"agathe.{Guid.NewGuid().ToString("N")[..6]}";
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        var account = new PortalAccount
        {
            UserName = login,
            Email = $"{login}@ecrouves.exemple.fr",
            EmailConfirmed = true,
            FirstName = "Agathe",
            LastName = "LEROY",
            StaffMunicipalityId = commune.Id,
        };
        Assert.True((await users.CreateAsync(account, StaffPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(account, Roles.Administrator)).Succeeded);
        return login;
    }
}
