using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Platform;

public class CreateMunicipalityTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Url = "/plateforme/collectivites/nouvelle";

    private static Dictionary<string, string?> Form(string unique) => new()
    {
        ["Input.Name"] = $"COMMUNE DE TEST {unique}",
        ["Input.ShortName"] = $"test-{unique}",
        ["Input.ContactEmail"] = $"Mairie-{unique}@Exemple.test",
        ["Input.TimeZoneId"] = "",
        ["Admin.LastName"] = "Durand",
        ["Admin.FirstName"] = "Sophie",
        ["Admin.Email"] = $"sophie-{unique}@exemple.test",
        ["Admin.Identifiant"] = $"sdurand-{unique}",
    };

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task The_operator_creates_a_collectivite_whose_invited_administrator_sets_a_password_then_enrols()
    {
        var op = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, null, Roles.Operator));
        var unique = Unique();

        var created = await op.PostFormAsync(Url, Form(unique));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await op.GetPageAsync("/plateforme");
        Assert.Contains($"COMMUNE DE TEST {unique}", list.Body!.TextContent, StringComparison.Ordinal);
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            var municipality = await db.Municipalities.SingleAsync(m => m.ShortName == $"test-{unique}");
            Assert.Equal("Europe/Paris", municipality.TimeZoneId);
            Assert.Equal($"mairie-{unique}@exemple.test", municipality.ContactEmail);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
            var admin = (await users.FindByNameAsync($"sdurand-{unique}"))!;
            Assert.Equal(municipality.Id, admin.StaffMunicipalityId);
            Assert.True(await users.IsInRoleAsync(admin, Roles.Administrator));
            Assert.False(await users.HasPasswordAsync(admin));
        }

        var mail = Assert.Single(await MailToAsync(factory, $"sophie-{unique}@exemple.test"));
        Assert.Contains($"sdurand-{unique}", mail.TextBody, StringComparison.Ordinal);
        var link = LinkTo(mail, "/invitation");
        var client = PageClient.For(factory);
        var tooShort = await client.PostFormAsync(link, new Dictionary<string, string?> { ["NewPassword"] = "court", ["ConfirmPassword"] = "court" });
        Assert.Equal("Le mot de passe doit contenir au moins 12 caractères.", PageClient.ErrorOf(await PageClient.ParseAsync(tooShort), "NewPassword"));
        var set = await client.PostFormAsync(link, new Dictionary<string, string?> { ["NewPassword"] = StaffJourney.Password, ["ConfirmPassword"] = StaffJourney.Password });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        // The link works once.
        var again = await PageClient.For(factory).GetPageAsync(link);
        Assert.Contains("n'est pas valable", again.Body!.TextContent, StringComparison.Ordinal);

        var adminId = (await FindAsync(factory, $"sdurand-{unique}"))!.Id;
        var adminClient = await StaffJourney.SignInAsync(factory, new StaffJourney.StaffAccount(adminId, $"sdurand-{unique}"));
        var dashboard = await adminClient.GetPageAsync("/admin");
        Assert.Contains($"COMMUNE DE TEST {unique}", dashboard.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_invitation_link_expires_after_three_days()
    {
        var op = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, null, Roles.Operator));
        var unique = Unique();
        await op.PostFormAsync(Url, Form(unique));
        var link = LinkTo(Assert.Single(await MailToAsync(factory, $"sophie-{unique}@exemple.test")), "/invitation");

        var client = PageClient.For(factory);
        var form = await client.GetPageAsync(link);
        factory.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));

        Assert.Contains("n'est pas valable", (await client.GetPageAsync(link)).Body!.TextContent, StringComparison.Ordinal);
        var response = await client.SubmitAsync(form, link, new Dictionary<string, string?>
        {
            ["NewPassword"] = StaffJourney.Password,
            ["ConfirmPassword"] = StaffJourney.Password,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("n'est pas valable", (await PageClient.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
        Assert.False(await HasPasswordAsync($"sdurand-{unique}"));
    }

    [Theory]
    [InlineData("Input.Name", "", "Le nom de la collectivité est obligatoire (200 caractères au plus).")]
    [InlineData("Input.ShortName", "Écrouves !", "Le nom court est obligatoire : lettres minuscules sans accent, chiffres et « - », 50 caractères au plus.")]
    [InlineData("Input.ContactEmail", "pas-une-adresse", "Saisissez une adresse email valide, par exemple mairie@commune.fr.")]
    [InlineData("Input.TimeZoneId", "Europe/Atlantide", "Fuseau horaire inconnu : utilisez un nom IANA, par exemple Europe/Paris.")]
    [InlineData("Admin.Identifiant", "ab cd", "L'identifiant ne peut contenir que des lettres sans accent, des chiffres et les caractères « . », « _ » et « - ».")]
    [InlineData("Admin.Email", "", "Saisissez une adresse email valide, par exemple prenom.nom@mairie.fr.")]
    [InlineData("Admin.LastName", " ", "Le nom est obligatoire (100 caractères au plus).")]
    public async Task Each_error_is_shown_next_to_its_field_and_nothing_is_written(string field, string value, string message)
    {
        var op = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, null, Roles.Operator));
        var (municipalities, accounts) = await CountsAsync();
        var form = Form(Unique());
        form[field] = value;

        var response = await op.PostFormAsync(Url, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, PageClient.ErrorOf(await PageClient.ParseAsync(response), field));
        Assert.Equal((municipalities, accounts), await CountsAsync());
    }

    [Fact]
    public async Task A_short_name_or_an_identifiant_already_used_is_refused()
    {
        var op = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, null, Roles.Operator));
        var first = Unique();
        await op.PostFormAsync(Url, Form(first));
        var form = Form(Unique());
        form["Input.ShortName"] = $"test-{first}";
        form["Admin.Identifiant"] = $"SDURAND-{first}";

        var page = await PageClient.ParseAsync(await op.PostFormAsync(Url, form));

        Assert.Equal("Ce nom court est déjà utilisé par une autre collectivité.", PageClient.ErrorOf(page, "Input.ShortName"));
        Assert.Equal("Cet identifiant est déjà utilisé : choisissez-en un autre.", PageClient.ErrorOf(page, "Admin.Identifiant"));
        Assert.Equal(form["Admin.LastName"], ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Admin_LastName")!).Value);
    }

    [Fact]
    public async Task Staff_cannot_create_a_collectivite()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator));
        var (municipalities, _) = await CountsAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.GetAsync(Url)).StatusCode);
        var post = await admin.Http.PostAsync(Url, new FormUrlEncodedContent(Form(Unique())!));
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest);
        Assert.Equal(municipalities, (await CountsAsync()).Municipalities);
    }

    private async Task<(int Municipalities, int Accounts)> CountsAsync()
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        return (await db.Municipalities.CountAsync(), await db.Users.CountAsync());
    }

    private async Task<bool> HasPasswordAsync(string login)
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        return await users.HasPasswordAsync((await users.FindByNameAsync(login))!);
    }
}
