using System.Net;
using FamilyPortal.Tests.Email;
using MimeKit;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Accounts;

/// <summary>The account emails through a real SMTP server, read as the parent would, links followed.</summary>
public sealed class AccountEmailDeliveryTests : IAsyncLifetime
{
    private SmtpTestServer _smtp = null!;
    private PortalFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        var settings = EmailTestKit.Smtp(_smtp.Port);
        settings["Captcha:Enabled"] = "false";
        settings["Security:RecoveryResponseFloorMs"] = "0";
        _factory = PortalFactory.With(settings);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task The_login_email_and_the_code_email_arrive_and_their_links_work()
    {
        var tenant = await TenantBuilder.CreateAsync(_factory, "COMMUNE D'ECROUVES TEST");
        var identifiant = "TESTECROUVES" + Guid.NewGuid().ToString("N")[..4];
        await CreateAccountAsync(_factory, identifiant, tenant.FamilyEmail);

        Assert.Equal(2, await EmailTestKit.DispatchAsync(_factory));

        var received = _smtp.Received.ToList();
        Assert.All(received, m => Assert.Equal(tenant.FamilyEmail, ((MailboxAddress)m.To.Single()).Address));
        var login = received.Single(m => m.Subject == "Votre compte Portail Famille");
        Assert.Contains($"Votre identifiant : {identifiant}", login.TextBody, StringComparison.Ordinal);
        Assert.Contains(identifiant, login.HtmlBody, StringComparison.Ordinal);
        var code = received.Single(m => m.Subject == "Votre code d'adhésion – COMMUNE D'ECROUVES TEST");
        Assert.Contains(tenant.AdhesionCode, code.TextBody, StringComparison.Ordinal);
        Assert.Contains("La collectivité COMMUNE D'ECROUVES TEST", code.TextBody, StringComparison.Ordinal);

        var link = FirstLink(login.TextBody!, "/confirmer-email");
        var client = PageClient.For(_factory);
        var confirmed = await client.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.True((await FindAsync(_factory, identifiant))!.EmailConfirmed);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, identifiant, Password)).StatusCode);
    }

    [Fact]
    public async Task Later_emails_wait_until_the_address_is_confirmed()
    {
        var identifiant = NewIdentifiant();
        var email = NewEmail();
        var account = await CreateAccountAsync(_factory, identifiant, email);
        await EmailTestKit.EnqueueAsync(_factory, EmailTestKit.Sample("Confirmation de vos réservations", email) with
        {
            AwaitsConfirmationOf = account.Id,
        });
        var client = PageClient.For(_factory);
        await SignInAsync(client, identifiant, Password);
        await client.PostFormAsync("/mon-compte", new Dictionary<string, string?>
        {
            ["Details.LastName"] = "DUPOND",
            ["Details.FirstName"] = "Anne",
        }, formAction: "/mon-compte/Details");

        await EmailTestKit.DispatchAsync(_factory);
        Assert.Single(_smtp.Received);
        var login = _smtp.Received.Single(m => m.Subject == "Votre compte Portail Famille");

        await client.Http.GetAsync(FirstLink(login.TextBody!, "/confirmer-email"));
        Assert.Equal(1, await EmailTestKit.DispatchAsync(_factory));
        Assert.Single(_smtp.Received, m => m.Subject == "Confirmation de vos réservations");
    }

    private static string FirstLink(string body, string path)
    {
        const string site = "https://portail.exemple.test";
        var start = body.IndexOf(site + path, StringComparison.Ordinal);
        Assert.True(start >= 0, body);
        var end = body.IndexOfAny([' ', '\r', '\n'], start);
        return body[(start + site.Length)..(end < 0 ? body.Length : end)];
    }
}
