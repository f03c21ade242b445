using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using FamilyPortal.Tests.Infrastructure.Captcha;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Accounts;

/// <summary>The account form with its captcha switched on, as in production.</summary>
public class RegistrationCaptchaTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_wrong_code_is_refused_creates_nothing_and_a_new_image_is_shown()
    {
        var client = PageClient.For(factory);
        var page = await client.GetPageAsync("/creer-un-compte");
        var firstId = page.QuerySelector<IHtmlInputElement>("input[name=CaptchaId]")!.Value;
        Assert.Equal("Image contenant le code de sécurité à recopier", page.QuerySelector(".captcha img")!.GetAttribute("alt"));
        var identifiant = NewIdentifiant();
        var form = Registration(identifiant, NewEmail());
        form["Captcha"] = "ZZZZZZ";
        var before = await AccountCountAsync(factory);

        var response = await client.SubmitAsync(page, "/creer-un-compte", form);

        var again = await PageClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Le code saisi ne correspond pas à l'image. Saisissez le nouveau code affiché.", again.QuerySelector(".captcha .field-error")!.TextContent.Trim());
        Assert.NotEqual(firstId, again.QuerySelector<IHtmlInputElement>("input[name=CaptchaId]")!.Value);
        Assert.Equal(before, await AccountCountAsync(factory));
        Assert.Null(await FindAsync(factory, identifiant));
    }

    [Fact]
    public async Task The_right_code_lets_the_account_be_created_once()
    {
        var client = PageClient.For(factory);
        var page = await client.GetPageAsync("/creer-un-compte");
        var challengeId = page.QuerySelector<IHtmlInputElement>("input[name=CaptchaId]")!.Value;
        var identifiant = NewIdentifiant();
        var form = Registration(identifiant, NewEmail());
        form["Captcha"] = (await CaptchaHttp.AnswerOfAsync(factory, challengeId)).ToLowerInvariant();

        var response = await client.SubmitAsync(page, "/creer-un-compte", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(await FindAsync(factory, identifiant));
        // Replaying the same post (same challenge) is refused: the challenge was spent.
        var replayForm = Registration(NewIdentifiant(), NewEmail());
        replayForm["Captcha"] = form["Captcha"];
        var replay = await client.SubmitAsync(page, "/creer-un-compte", replayForm);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);

        var logs = await LogText.ReadAsync(factory);
        Assert.Contains("créé", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(form["Captcha"]!, logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Password, logs, StringComparison.Ordinal);
    }
}
