using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;
using static FamilyPortal.Tests.Features.Memberships.MembershipJourney;

namespace FamilyPortal.Tests.Features.Memberships;

/// <summary>Step 3 of the guide: « Adhésion aux collectivités » with the code d'adhésion.</summary>
public class JoinTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task Without_adhesion_the_page_says_so_and_offers_the_code_form()
    {
        var parent = await SignedInParentAsync(factory);
        var page = await parent.Client.GetPageAsync("/adhesions");
        var text = Text(page);
        Assert.Equal("Adhésion aux collectivités", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Vous n'adhérez à aucune collectivité", text, StringComparison.Ordinal);
        Assert.Contains("Pour ajouter une nouvelle collectivité à votre espace, saisissez votre code d'adhésion fourni par la collectivité pour laquelle vous souhaitez réaliser des démarches :",
            page.QuerySelector("label[for=Code]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form[action='/adhesions'] button[type=submit]"));
        Assert.Equal("Valider", page.QuerySelector("form[action='/adhesions'] button[type=submit]")!.TextContent.Trim());
        Assert.Equal("/reservations", page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Fermer").GetAttribute("href"));
    }

    [Fact]
    public async Task The_right_code_links_the_account_shows_information_once_then_the_collectivite()
    {
        var tenant = await TenantBuilder.CreateAsync(factory, "COMMUNE D'ECROUVES " + Guid.NewGuid().ToString("N")[..6]);
        var parent = await SignedInParentAsync(factory);

        var done = await JoinAsync(parent.Client, tenant.AdhesionCode);

        var info = done.QuerySelector("[role=status]")!;
        Assert.Equal("Information", info.QuerySelector("h2")!.TextContent);
        Assert.Contains("Adhésion effectuée", info.TextContent, StringComparison.Ordinal);
        var ok = info.QuerySelector("a")!;
        Assert.Equal("Ok", ok.TextContent);
        var list = await parent.Client.GetPageAsync(ok.GetAttribute("href")!);
        Assert.Null(list.QuerySelector("[role=status]"));
        var text = Text(list);
        Assert.Contains("Vous pouvez réaliser des démarches sur l'espace famille pour les collectivités suivantes :", text, StringComparison.Ordinal);
        Assert.Contains($"Collectivité : {tenant.Name}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Vous n'adhérez à aucune collectivité", text, StringComparison.Ordinal);
        Assert.Equal([tenant.FamilyId], await FamiliesOfAsync(factory, parent.AccountId));
    }

    [Theory]
    [InlineData("lower")]
    [InlineData("spaces")]
    [InlineData("dashes")]
    public async Task Input_is_forgiving_of_case_spaces_and_dashes(string typing)
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var parent = await SignedInParentAsync(factory);
        var code = tenant.AdhesionCode;
        var typed = typing switch
        {
            "lower" => code.ToLowerInvariant(),
            "spaces" => $" {code[..3]} {code[3..6]} {code[6..]} ",
            _ => $"{code[..5]}-{code[5..]}".ToLowerInvariant(),
        };
        await JoinAsync(parent.Client, typed);
        Assert.Equal([tenant.FamilyId], await FamiliesOfAsync(factory, parent.AccountId));
    }

    [Theory]
    [InlineData("", "Saisissez votre code d'adhésion.")]
    [InlineData("ABC-123", "Le code d'adhésion comporte 10 lettres et chiffres, par exemple WKMLY75KOA. Vérifiez votre saisie.")]
    [InlineData("ZZZZZZZZZZ", "Ce code d'adhésion est inconnu. Vérifiez-le dans l'email de votre collectivité ou sur le courrier qu'elle vous a remis.")]
    public async Task A_missing_malformed_or_unknown_code_gets_its_message_next_to_the_field_and_nothing_is_linked(string typed, string message)
    {
        await TenantBuilder.CreateAsync(factory);
        var parent = await SignedInParentAsync(factory);
        var before = await MembershipCountAsync(factory);

        var response = await EnterCodeAsync(parent.Client, typed);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Equal(message, ErrorOf(page));
        var input = page.QuerySelector("input[name=Code]")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains("Code-erreur", input.GetAttribute("aria-describedby")!, StringComparison.Ordinal);
        Assert.Equal(before, await MembershipCountAsync(factory));
        Assert.Empty(await FamiliesOfAsync(factory, parent.AccountId));
    }

    [Fact]
    public async Task The_code_of_a_family_already_linked_to_the_account_is_refused()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var parent = await SignedInParentAsync(factory);
        await JoinAsync(parent.Client, tenant.AdhesionCode);
        var before = await MembershipCountAsync(factory);
        var mails = (await MailToAsync(factory, tenant.FamilyEmail)).Count;

        var again = await EnterCodeAsync(parent.Client, tenant.AdhesionCode.ToLowerInvariant());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal($"Votre compte est déjà rattaché à cette famille de la collectivité {tenant.Name}.", ErrorOf(await PageClient.ParseAsync(again)));
        Assert.Equal(before, await MembershipCountAsync(factory));
        Assert.Equal(mails, (await MailToAsync(factory, tenant.FamilyEmail)).Count);
    }

    [Fact]
    public async Task A_family_at_its_maximum_of_accounts_refuses_another_one_and_says_to_contact_the_town_hall()
    {
        // Default maximum 2: the builder's parent and one more.
        var tenant = await TenantBuilder.CreateAsync(factory);
        var second = await SignedInParentAsync(factory);
        await JoinAsync(second.Client, tenant.AdhesionCode);
        var third = await SignedInParentAsync(factory);

        var refused = await EnterCodeAsync(third.Client, tenant.AdhesionCode);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var message = ErrorOf(await PageClient.ParseAsync(refused));
        Assert.Equal("Ce dossier famille est déjà rattaché au nombre maximal de comptes autorisé par la collectivité. Pour y ajouter le vôtre, contactez votre mairie.", message);
        Assert.Contains("contactez votre mairie", message, StringComparison.Ordinal);
        Assert.Equal(2, await AccountsOfFamilyAsync(factory, tenant.FamilyId));
        Assert.Empty(await FamiliesOfAsync(factory, third.AccountId));
    }

    [Fact]
    public async Task The_maximum_of_accounts_is_set_per_collectivite()
    {
        var tenant = await TenantBuilder.CreateAsync(factory, linkAccount: false, maxAccountsPerFamily: 3);
        for (var i = 0; i < 3; i++)
        {
            await JoinAsync((await SignedInParentAsync(factory)).Client, tenant.AdhesionCode);
        }
        var fourth = await SignedInParentAsync(factory);
        var refused = await EnterCodeAsync(fourth.Client, tenant.AdhesionCode);
        Assert.Contains("contactez votre mairie", ErrorOf(await PageClient.ParseAsync(refused)), StringComparison.Ordinal);
        Assert.Equal(3, await AccountsOfFamilyAsync(factory, tenant.FamilyId));
    }

    [Fact]
    public async Task A_code_revoked_by_the_collectivite_is_refused()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await ChangeAsync(factory, async db =>
            (await db.Families.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).SingleAsync(f => f.Id == tenant.FamilyId)).AdhesionCodeRevoked = true);
        var parent = await SignedInParentAsync(factory);
        var before = await MembershipCountAsync(factory);

        var refused = await EnterCodeAsync(parent.Client, tenant.AdhesionCode);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("Ce code d'adhésion a été désactivé par la collectivité. Contactez votre mairie pour obtenir un nouveau code.",
            ErrorOf(await PageClient.ParseAsync(refused)));
        Assert.Equal(before, await MembershipCountAsync(factory));
    }

    [Fact]
    public async Task An_account_follows_one_family_per_collectivite()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var parent = await SignedInParentAsync(factory);
        await JoinAsync(parent.Client, tenant.AdhesionCode);
        var otherCode = AdhesionCode.Generate();
        await ChangeAsync(factory, db =>
        {
            var family = new Family { MunicipalityId = tenant.MunicipalityId, HouseholdName = "DURAND", Email = NewEmail() };
            factory.Services.GetRequiredService<AdhesionCodeVault>().Assign(family, otherCode);
            db.Families.Add(family);
            return Task.CompletedTask;
        });
        var before = await MembershipCountAsync(factory);

        var refused = await EnterCodeAsync(parent.Client, otherCode);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.StartsWith($"Votre compte est déjà rattaché à une autre famille de la collectivité {tenant.Name}",
            ErrorOf(await PageClient.ParseAsync(refused)), StringComparison.Ordinal);
        Assert.Equal(before, await MembershipCountAsync(factory));
    }

    [Fact]
    public async Task Joining_sends_the_confirmation_to_the_account_and_a_notice_to_the_family_address()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var parent = await SignedInParentAsync(factory);

        await JoinAsync(parent.Client, tenant.AdhesionCode);

        var confirmation = (await MailToAsync(factory, parent.Email)).Single(m => m.Subject == $"Adhésion effectuée – {tenant.Name}");
        Assert.Contains("Adhésion effectuée", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains(tenant.Name, confirmation.TextBody, StringComparison.Ordinal);
        Assert.Equal(tenant.MunicipalityId, confirmation.MunicipalityId);
        // The account's address is not confirmed yet: the confirmation waits for it, like every later email.
        Assert.Equal(parent.AccountId, confirmation.HeldForAccountId);

        var notice = (await MailToAsync(factory, tenant.FamilyEmail)).Single(m => m.Subject.StartsWith("Un compte a été rattaché", StringComparison.Ordinal));
        Assert.Contains("TEST DUPOND", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("MARTIN", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("contactez votre mairie", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(parent.Identifiant, notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(tenant.AdhesionCode, notice.TextBody, StringComparison.Ordinal);
        Assert.Null(notice.HeldForAccountId);
    }

    [Fact]
    public async Task The_adhesion_page_needs_a_signed_in_account_and_the_form_its_antiforgery_token()
    {
        var anonymous = await PageClient.For(factory).Http.GetAsync("/adhesions");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/connexion", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var tenant = await TenantBuilder.CreateAsync(factory);
        var parent = await SignedInParentAsync(factory);
        var forged = await parent.Client.Http.PostAsync("/adhesions", new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = tenant.AdhesionCode }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(await FamiliesOfAsync(factory, parent.AccountId));
    }

    [Fact]
    public async Task A_staff_account_cannot_join_a_family()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var parent = await SignedInParentAsync(factory);
        await ChangeAsync(factory, async db =>
            (await db.Users.SingleAsync(u => u.Id == parent.AccountId)).StaffMunicipalityId = tenant.MunicipalityId);
        var page = await parent.Client.GetPageAsync("/adhesions");
        Assert.Null(page.QuerySelector("input[name=Code]"));

        // The form is not offered; a post made anyway, with a valid token, is refused.
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forced = await parent.Client.Http.PostAsync("/adhesions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = tenant.AdhesionCode,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forced.StatusCode);
        Assert.Equal("Un compte d'agent de mairie ne peut pas adhérer à une famille : utilisez un compte personnel.",
            (await PageClient.ParseAsync(forced)).QuerySelector(".validation-summary li")!.TextContent);
        Assert.Empty(await FamiliesOfAsync(factory, parent.AccountId));
    }

    [Fact]
    public async Task The_platform_operator_cannot_join_a_family_even_with_its_code()
    {
        var tenant = await TenantBuilder.CreateAsync(factory, linkAccount: false);
        var operatorClient = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, null, Roles.Operator));
        var page = await operatorClient.GetPageAsync("/adhesions");
        Assert.Null(page.QuerySelector("input[name=Code]"));

        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forced = await operatorClient.Http.PostAsync("/adhesions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = tenant.AdhesionCode,
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, forced.StatusCode);
        Assert.Equal("Le compte de l'opérateur de la plateforme ne peut pas adhérer à une famille : utilisez un compte personnel.",
            (await PageClient.ParseAsync(forced)).QuerySelector(".validation-summary li")!.TextContent);
        Assert.Equal(0, await AccountsOfFamilyAsync(factory, tenant.FamilyId));
    }
}
