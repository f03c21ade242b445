using FamilyPortal.Web.Infrastructure.Captcha;

namespace FamilyPortal.Tests.Infrastructure.Captcha;

public class CaptchaPartialTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_field_is_labelled_described_and_carries_the_challenge_id()
    {
        var challenge = await CaptchaHttp.IssueAsync(factory);

        var document = CaptchaHttp.Parse(await CaptchaHttp.RenderPartialAsync(factory, new CaptchaFieldModel(challenge, "Input.Captcha")));

        var input = document.QuerySelector("input[name='Input.Captcha']")!;
        Assert.Equal("text", input.GetAttribute("type"));
        Assert.Equal("off", input.GetAttribute("autocomplete"));
        Assert.True(input.HasAttribute("required"));
        Assert.False(input.HasAttribute("aria-invalid"));
        var label = document.QuerySelector($"label[for='{input.Id}']")!;
        Assert.Equal("Saisir le code affiché *", label.TextContent.Trim());
        var help = document.GetElementById(input.GetAttribute("aria-describedby")!)!;
        Assert.Contains("audio", help.TextContent, StringComparison.Ordinal);

        var hidden = document.QuerySelector("input[type='hidden'][name='Input.CaptchaId']")!;
        Assert.Equal(challenge.Id, hidden.GetAttribute("value"));
    }

    [Fact]
    public async Task The_image_has_a_neutral_french_alternative_and_an_audio_version()
    {
        var challenge = await CaptchaHttp.IssueAsync(factory);

        var document = CaptchaHttp.Parse(await CaptchaHttp.RenderPartialAsync(factory, new CaptchaFieldModel(challenge, "Captcha")));

        var image = document.QuerySelector("img")!;
        Assert.Equal(challenge.ImagePath, image.GetAttribute("src"));
        Assert.Equal("Image contenant le code de sécurité à recopier", image.GetAttribute("alt"));
        var audio = document.QuerySelector("audio")!;
        Assert.True(audio.HasAttribute("controls"));
        Assert.Equal(challenge.AudioPath, audio.GetAttribute("src"));
        var listen = document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Écouter le code (version audio)");
        Assert.Equal(challenge.AudioPath, listen.GetAttribute("href"));
    }

    [Fact]
    public async Task New_image_reloads_the_same_page_keeping_its_query_without_javascript()
    {
        var challenge = await CaptchaHttp.IssueAsync(factory);

        var html = await CaptchaHttp.RenderPartialAsync(factory, new CaptchaFieldModel(challenge, "Captcha"),
            "/creer-un-compte?retour=%2Fmon-compte&nouveau-code=2");

        var document = CaptchaHttp.Parse(html);
        var link = document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Nouvelle image");
        var href = link.GetAttribute("href")!;
        Assert.StartsWith("/creer-un-compte?", href, StringComparison.Ordinal);
        Assert.Contains("retour=%2Fmon-compte", href, StringComparison.Ordinal);
        Assert.Contains("nouveau-code=3", href, StringComparison.Ordinal);
        Assert.EndsWith("#Captcha-bloc", href, StringComparison.Ordinal);
        Assert.NotNull(document.GetElementById("Captcha-bloc"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(document.QuerySelectorAll("[style], style"));
    }

    [Fact]
    public async Task An_error_is_shown_next_to_the_field_and_announced()
    {
        var challenge = await CaptchaHttp.IssueAsync(factory);

        var document = CaptchaHttp.Parse(await CaptchaHttp.RenderPartialAsync(factory,
            new CaptchaFieldModel(challenge, "Input.Captcha", "Le code saisi ne correspond pas à l'image.")));

        var input = document.QuerySelector("input[name='Input.Captcha']")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        var described = input.GetAttribute("aria-describedby")!.Split(' ');
        Assert.Equal(2, described.Length);
        Assert.Contains(described, id => document.GetElementById(id)?.TextContent == "Le code saisi ne correspond pas à l'image.");
    }
}
