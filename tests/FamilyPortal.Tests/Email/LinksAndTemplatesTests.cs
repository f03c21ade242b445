using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FamilyPortal.Tests.Email;

public sealed class LinksAndTemplatesTests
{
    private static EmailTemplates Templates(string platform = "Portail Famille") =>
        new(Options.Create(new PublicSiteOptions { PlatformName = platform, PublicBaseUrl = "https://portail.exemple.test" }));

    private static PublicLinks Links(string baseUrl) =>
        new(Options.Create(new PublicSiteOptions { PublicBaseUrl = baseUrl }));

    [Fact]
    public async Task Links_use_the_configured_public_address_whatever_the_request_Host_says()
    {
        await using var factory = new PortalFactory();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, LinkProbe>()));
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/test/lien");
        request.Headers.Host = "attaquant.exemple";
        request.Headers.Add("X-Forwarded-Host", "attaquant.exemple");
        request.Headers.Add("X-Forwarded-Proto", "http");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("attaquant.exemple|", body, StringComparison.Ordinal);
        Assert.EndsWith("|https://portail.exemple.test/mon-compte/mot-de-passe?jeton=a%20b%26c%3D", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_keep_a_base_path_encode_the_query_and_leave_out_empty_values()
    {
        var links = Links("https://mairie.exemple.fr/portail/");

        Assert.Equal("https://mairie.exemple.fr/portail/reservations", links.Absolute("/reservations"));
        Assert.Equal("https://mairie.exemple.fr/portail/adhesion?code=WKML%20Y75%2FKOA",
            links.Absolute("/adhesion", new Dictionary<string, string?> { ["code"] = "WKML Y75/KOA", ["vide"] = null }));
    }

    [Theory]
    [InlineData("https://ailleurs.exemple/piege")]
    [InlineData("//ailleurs.exemple/piege")]
    [InlineData("reservations")]
    [InlineData("/\\ailleurs.exemple")]
    [InlineData("/panier?retour=x")]
    public void Links_refuse_anything_but_a_local_path(string path) =>
        Assert.Throws<ArgumentException>(() => Links("https://portail.exemple.test").Absolute(path));

    [Theory]
    [InlineData("")]
    [InlineData("portail.exemple.test")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://portail.exemple.test/?a=1")]
    public void The_public_address_must_be_an_absolute_http_address(string baseUrl) =>
        Assert.False(PublicLinks.IsValidBaseUrl(baseUrl));

    [Fact]
    public void The_HTML_template_encodes_every_inserted_value()
    {
        var email = new OutgoingEmail
        {
            ToAddress = "parent@exemple.test",
            Subject = "Objet <script>alert('objet')</script>",
            Greeting = "Bonjour <script>alert('nom')</script>,",
            Paragraphs = ["Ligne 1 <b>gras</b> & \"guillemets\"\nLigne 2 <img src=x onerror=alert(1)>"],
            Action = new EmailLink("Voir <script>", "https://portail.exemple.test/a?b=\"><script>alert(1)</script>"),
            MunicipalityName = "<script>alert('commune')</script>",
        };

        var html = Templates().RenderHtml(email, email.Subject);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        Assert.Contains("Ligne 1 &lt;b&gt;gras&lt;/b&gt; &amp; &quot;guillemets&quot;<br>\nLigne 2", html, StringComparison.Ordinal);
        Assert.Contains("La collectivité &lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_versions_carry_the_greeting_the_signature_of_the_collectivite_and_the_French_footer()
    {
        var email = new OutgoingEmail
        {
            ToAddress = "parent@exemple.test",
            Subject = "Votre code d'adhésion",
            Paragraphs = ["Votre code d'adhésion est WKMLY75KOA."],
            Action = new EmailLink("Rejoindre la collectivité", "https://portail.exemple.test/adhesion"),
            MunicipalityName = "COMMUNE D'ECROUVES",
        };
        var templates = Templates();

        var text = templates.RenderText(email);
        var html = templates.RenderHtml(email, email.Subject);

        Assert.StartsWith("Bonjour,\n\nVotre code d'adhésion est WKMLY75KOA.\n\n", text, StringComparison.Ordinal);
        Assert.Contains("Rejoindre la collectivité : https://portail.exemple.test/adhesion", text, StringComparison.Ordinal);
        Assert.Contains("La collectivité COMMUNE D'ECROUVES", text, StringComparison.Ordinal);
        Assert.Contains("Ce message vous est envoyé automatiquement par Portail Famille", text, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://portail.exemple.test/adhesion\"", html, StringComparison.Ordinal);
        Assert.Contains("La collectivité COMMUNE D&#x27;ECROUVES", html, StringComparison.Ordinal);
        Assert.Contains("Ce message vous est envoyé automatiquement par Portail Famille", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Platform_mail_is_signed_with_the_platform_name()
    {
        var email = new OutgoingEmail { ToAddress = "parent@exemple.test", Subject = "Votre compte", Paragraphs = ["Votre compte est créé."] };

        var text = Templates("Portail Famille de test").RenderText(email);

        Assert.Contains("Cordialement,\nPortail Famille de test\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("La collectivité", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_to_action_must_be_an_http_address() =>
        Assert.Throws<ArgumentException>(() => new EmailLink("Cliquer", "javascript:alert(1)"));

    /// <summary>Answers « Host seen | link built » on /test/lien, from inside a real request.</summary>
    private sealed class LinkProbe : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            app.Map("/test/lien", probe => probe.Run(async context =>
            {
                var links = context.RequestServices.GetRequiredService<PublicLinks>();
                var url = links.Absolute("/mon-compte/mot-de-passe", new Dictionary<string, string?> { ["jeton"] = "a b&c=" });
                await context.Response.WriteAsync($"{context.Request.Host}|{url}");
            }));
            next(app);
        };
    }
}
