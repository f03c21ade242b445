using System.Net;
using FamilyPortal.Tests.Email;
using MimeKit;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Accounts;

/// <summary>
/// Mail held until an account's address is confirmed, through a real SMTP server: it only ever goes to the
/// address that was confirmed, never to one the account no longer uses.
/// </summary>
public sealed class HeldMailTests : IAsyncLifetime
{
    private const string Held = "Confirmation de vos réservations";
    private const string ChangedNotice = "L'adresse email de votre compte a changé";

    private SmtpTestServer _smtp = null!;
    private PortalFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        var settings = EmailTestKit.Smtp(_smtp.Port);
        settings["Captcha:Enabled"] = "false";
        settings["Security:RecoveryResponseFloorMs"] = "0";
        settings["Email:ShowMailbox"] = "true";
        _factory = PortalFactory.With(settings);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private List<MimeMessage> ReceivedBy(string address) =>
        _smtp.Received.Where(m => m.To.Mailboxes.Any(a => a.Address == address)).ToList();

    private async Task<PageClient> ChangeEmailAsync(string identifiant, string newEmail)
    {
        var client = PageClient.For(_factory);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, identifiant, Password)).StatusCode);
        var asked = await client.PostFormAsync("/mon-compte", new Dictionary<string, string?>
        {
            ["NewEmail.Email"] = newEmail,
            ["NewEmail.Password"] = Password,
        }, formAction: "/mon-compte/Email");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        return client;
    }

    [Fact]
    public async Task Mail_held_for_an_address_never_confirmed_is_abandoned_when_another_address_is_confirmed()
    {
        var tenant = await TenantBuilder.CreateAsync(_factory);
        var identifiant = NewIdentifiant();
        var oldEmail = NewEmail();
        var newEmail = NewEmail();
        var account = await CreateAccountAsync(_factory, identifiant, oldEmail);
        var held = await EmailTestKit.EnqueueAsync(_factory, EmailTestKit.Sample(Held, oldEmail, "Lou – GT - RESTAURATION – lundi 23 novembre 2026") with
        {
            AwaitsConfirmationOf = account.Id,
            MunicipalityId = tenant.MunicipalityId,
            MunicipalityName = tenant.Name,
        });
        var client = await ChangeEmailAsync(identifiant, newEmail);
        await EmailTestKit.DispatchAsync(_factory);
        var confirmation = ReceivedBy(newEmail).Single();

        var confirmed = await client.Http.GetAsync(FirstLink(confirmation.TextBody!, "/mon-compte/confirmer-email"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        await EmailTestKit.DispatchAsync(_factory);

        // The old address, never confirmed, only ever received the account's own first email.
        Assert.Equal(["Votre compte Portail Famille"], ReceivedBy(oldEmail).Select(m => m.Subject));
        Assert.DoesNotContain(_smtp.Received, m => m.Subject == Held);
        Assert.DoesNotContain(_smtp.Received, m => m.Subject == ChangedNotice);
        var stored = (await EmailTestKit.FindAsync(_factory, held.MessageId))!;
        Assert.Null(stored.SentAtUtc);

        // Kept with its reason for the staff and the developer, never sent.
        var admin = await StaffJourney.SignInAsync(_factory, await StaffJourney.CreateAsync(_factory, tenant.MunicipalityId, Roles.Administrator));
        var dashboard = (await admin.GetPageAsync("/admin")).QuerySelector("[data-testid=courriels-abandonnes]")?.TextContent ?? "";
        Assert.Contains(Held, dashboard, StringComparison.Ordinal);
        Assert.Contains("adresse jamais confirmée", dashboard, StringComparison.Ordinal);
        var mailbox = (await PageClient.For(_factory).GetPageAsync("/dev/courriels")).QuerySelectorAll("tbody tr")
            .Single(r => r.TextContent.Contains(Held, StringComparison.Ordinal)).TextContent;
        Assert.Contains("Abandonné", mailbox, StringComparison.Ordinal);

        // The dispatcher never picks it up again.
        Assert.Equal(0, await EmailTestKit.DispatchAsync(_factory));
    }

    [Fact]
    public async Task Confirming_the_first_address_releases_the_mail_held_for_it()
    {
        var identifiant = NewIdentifiant();
        var email = NewEmail();
        var account = await CreateAccountAsync(_factory, identifiant, email);
        await EmailTestKit.EnqueueAsync(_factory, EmailTestKit.Sample(Held, email) with { AwaitsConfirmationOf = account.Id });
        await EmailTestKit.DispatchAsync(_factory);
        var login = ReceivedBy(email).Single(m => m.Subject == "Votre compte Portail Famille");

        await PageClient.For(_factory).Http.GetAsync(FirstLink(login.TextBody!, "/confirmer-email"));

        Assert.Equal(1, await EmailTestKit.DispatchAsync(_factory));
        Assert.Single(ReceivedBy(email), m => m.Subject == Held);
    }

    [Fact]
    public async Task The_address_changed_notice_goes_to_the_old_address_only_when_it_had_been_confirmed()
    {
        var identifiant = NewIdentifiant();
        var oldEmail = NewEmail();
        var newEmail = NewEmail();
        await CreateAccountAsync(_factory, identifiant, oldEmail);
        await EmailTestKit.DispatchAsync(_factory);
        var login = ReceivedBy(oldEmail).Single(m => m.Subject == "Votre compte Portail Famille");
        Assert.Equal(HttpStatusCode.Redirect, (await PageClient.For(_factory).Http.GetAsync(FirstLink(login.TextBody!, "/confirmer-email"))).StatusCode);
        var client = await ChangeEmailAsync(identifiant, newEmail);
        await EmailTestKit.DispatchAsync(_factory);

        await client.Http.GetAsync(FirstLink(ReceivedBy(newEmail).Single().TextBody!, "/mon-compte/confirmer-email"));
        await EmailTestKit.DispatchAsync(_factory);

        var notice = ReceivedBy(oldEmail).Single(m => m.Subject == ChangedNotice);
        Assert.Contains(newEmail, notice.TextBody, StringComparison.Ordinal);
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
