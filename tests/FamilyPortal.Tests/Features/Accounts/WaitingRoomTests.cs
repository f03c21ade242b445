using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Accounts;

/// <summary>One password check at a time, and the waiting room past a second.</summary>
public sealed class WaitingRoomFactory() : PortalFactory(new Dictionary<string, string?>
{
    ["Captcha:Enabled"] = "false",
    ["Security:RecoveryResponseFloorMs"] = "0",
    ["SignIn:PasswordCheckThreads"] = "1",
    ["SignIn:WaitingRoomAfterSeconds"] = "1",
});

/// <summary>
/// The waiting room: the password queue is held by a check the test releases (the queue saturated), and
/// sign-ins answer at once, keep their order, and complete on the page's next request, on any server.
/// </summary>
public class WaitingRoomTests(WaitingRoomFactory factory) : IClassFixture<WaitingRoomFactory>
{
    private const string TicketCookie = "__Host-FamilyPortal.SignInTicket";

    private PasswordWork Work => factory.Services.GetRequiredService<PasswordWork>();

    /// <summary>A check that holds the only password thread until the gate opens.</summary>
    private ManualResetEventSlim HoldQueue()
    {
        var gate = new ManualResetEventSlim();
        _ = Work.RunAsync(() => gate.Wait(TimeSpan.FromSeconds(90)));
        return gate;
    }

    private async Task<string> NewParentAsync()
    {
        var identifiant = NewIdentifiant();
        await CreateAccountAsync(factory, identifiant, NewEmail());
        return identifiant;
    }

    private async Task<List<SignInTicket>> TicketsAsync()
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().SignInTickets.AsNoTracking().ToListAsync();
    }

    private async Task WaitForOutcomeAsync(string identifiant)
    {
        var watch = Stopwatch.StartNew();
        while ((await TicketsAsync()).Any(t => t.Identifiant == identifiant && t.Outcome == SignInOutcome.Pending))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "the check never ended");
            await Task.Delay(50);
        }
    }

    private static async Task<HttpResponseMessage> SignInAsync(PageClient client, string identifiant, string password)
    {
        var watch = Stopwatch.StartNew();
        var response = await AccountJourney.SignInAsync(client, identifiant, password);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"the sign-in took {watch.Elapsed}");
        return response;
    }

    /// <summary>A sign-in while nothing holds the queue, through the waiting room should the machine be slow.</summary>
    private async Task SignedInAsync(PageClient client, string identifiant, bool remember = false)
    {
        var answer = await client.PostFormAsync("/connexion", new Dictionary<string, string?>
        {
            ["Identifiant"] = identifiant,
            ["Password"] = Password,
            ["RememberDevice"] = remember ? "true" : null,
        });
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        if (answer.Headers.Location!.OriginalString == "/connexion/attente")
        {
            await WaitForOutcomeAsync(identifiant);
            answer = await client.Http.GetAsync("/connexion/attente");
        }
        Assert.Equal("/actualites", answer.Headers.Location!.OriginalString);
    }

    private static string StatusOf(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("[role=status]")!.TextContent.Trim();

    [Fact]
    public async Task Behind_a_saturated_queue_the_sign_in_answers_at_once_and_completes_on_the_next_request()
    {
        var identifiant = await NewParentAsync();
        using var gate = HoldQueue();
        var client = PageClient.For(factory);

        var answer = await SignInAsync(client, identifiant, Password);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/connexion/attente", answer.Headers.Location!.OriginalString);
        var page = await client.GetPageAsync("/connexion/attente");
        Assert.Equal("Vous êtes dans la file d'attente", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("polite", page.QuerySelector("[role=status]")!.GetAttribute("aria-live"));
        Assert.StartsWith("Votre position : 2. Attente estimée : ", StatusOf(page), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("input[type=password]"));
        Assert.DoesNotContain(Password, page.Source.Text, StringComparison.Ordinal);
        var ticket = Assert.Single(await TicketsAsync(), t => t.Identifiant == identifiant);
        Assert.DoesNotContain(Password, System.Text.Json.JsonSerializer.Serialize(ticket), StringComparison.Ordinal);
        var state = await client.Http.GetStringAsync("/connexion/attente?handler=Etat");
        Assert.Contains("\"ready\":false", state, StringComparison.Ordinal);
        // Not signed in yet.
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/mon-compte")).StatusCode);

        gate.Set();
        await WaitForOutcomeAsync(identifiant);
        Assert.Contains("\"ready\":true", await client.Http.GetStringAsync("/connexion/attente?handler=Etat"), StringComparison.Ordinal);
        var done = await client.Http.GetAsync("/connexion/attente");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/actualites", done.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/mon-compte")).StatusCode);

        // Single use: the ticket is gone.
        Assert.DoesNotContain(await TicketsAsync(), t => t.Identifiant == identifiant);
        var again = await client.Http.GetAsync("/connexion/attente");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.StartsWith("/connexion", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_ends_on_the_usual_refusal_with_the_identifiant_kept()
    {
        var identifiant = await NewParentAsync();
        using var gate = HoldQueue();
        var client = PageClient.For(factory);
        Assert.Equal("/connexion/attente", (await SignInAsync(client, identifiant, "pas le bon mot de passe")).Headers.Location!.OriginalString);

        gate.Set();
        await WaitForOutcomeAsync(identifiant);
        var done = await client.Http.GetAsync("/connexion/attente");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var page = await client.GetPageAsync(done.Headers.Location!.OriginalString);
        Assert.Contains(SignInModel.Refusal, page.QuerySelector(".error-summary, [role=alert]")?.TextContent ?? page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(identifiant, ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Identifiant")!).Value);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/mon-compte")).StatusCode);
        // The wrong password counted towards the lockout although the request had answered long before.
        Assert.Equal(1, (await FindAsync(factory, identifiant))!.AccessFailedCount);
    }

    [Fact]
    public async Task The_order_of_arrival_is_kept()
    {
        var first = await NewParentAsync();
        var second = await NewParentAsync();
        using var firstGate = HoldQueue();
        var firstClient = PageClient.For(factory);
        await SignInAsync(firstClient, first, Password);
        using var secondGate = HoldQueue();
        var secondClient = PageClient.For(factory);
        await SignInAsync(secondClient, second, Password);
        Assert.StartsWith("Votre position : 2.", StatusOf(await firstClient.GetPageAsync("/connexion/attente")), StringComparison.Ordinal);
        Assert.StartsWith("Votre position : 4.", StatusOf(await secondClient.GetPageAsync("/connexion/attente")), StringComparison.Ordinal);

        // The first gate opens: the first sign-in is checked, the second still waits behind the check queued before it.
        firstGate.Set();
        await WaitForOutcomeAsync(first);
        Assert.Equal("/actualites", (await firstClient.Http.GetAsync("/connexion/attente")).Headers.Location!.OriginalString);
        await Task.Delay(300);
        Assert.Contains(await TicketsAsync(), t => t.Identifiant == second && t.Outcome == SignInOutcome.Pending);
        Assert.Equal(HttpStatusCode.OK, (await secondClient.Http.GetAsync("/connexion/attente")).StatusCode);

        secondGate.Set();
        await WaitForOutcomeAsync(second);
        Assert.Equal("/actualites", (await secondClient.Http.GetAsync("/connexion/attente")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Nothing_else_waits_behind_the_password_queue()
    {
        var signedIn = PageClient.For(factory);
        var remembered = PageClient.For(factory);
        await SignedInAsync(remembered, await NewParentAsync(), remember: true);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await SignedInAsync(signedIn, await NewParentAsync());

        using var gate = HoldQueue();
        var watch = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await signedIn.Http.GetAsync("/mon-compte")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.Http.GetAsync("/actualites")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PageClient.For(factory).Http.GetAsync("/")).StatusCode);
        // A remembered device signs in without the queue.
        Assert.Equal(HttpStatusCode.OK, (await remembered.Http.GetAsync("/mon-compte")).StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"pages waited {watch.Elapsed}");
        gate.Set();
    }

    [Fact]
    public async Task Another_server_completes_the_sign_in_from_the_database()
    {
        var identifiant = await NewParentAsync();
        using var other = PortalFactory.With(new Dictionary<string, string?>
        {
            ["ConnectionStrings:FamilyPortal"] = DatabaseFingerprint.ConnectionString(factory),
            ["DataProtection:CertificatePath"] = Path.Combine(factory.WorkDirectory, "protection-des-cles.pfx"),
        });
        other.Clock.SetUtcNow(factory.Clock.GetUtcNow());
        using var gate = HoldQueue();
        var answer = await SignInAsync(PageClient.For(factory), identifiant, Password);
        Assert.Equal("/connexion/attente", answer.Headers.Location!.OriginalString);
        var ticket = answer.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(TicketCookie + "=", StringComparison.Ordinal));

        var elsewhere = other.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        using (var waiting = new HttpRequestMessage(HttpMethod.Get, "/connexion/attente"))
        {
            waiting.Headers.Add("Cookie", ticket);
            var page = await PageClient.ParseAsync(await elsewhere.SendAsync(waiting));
            Assert.StartsWith("Votre position : ", StatusOf(page), StringComparison.Ordinal);
        }

        gate.Set();
        await WaitForOutcomeAsync(identifiant);
        using var complete = new HttpRequestMessage(HttpMethod.Get, "/connexion/attente");
        complete.Headers.Add("Cookie", ticket);
        var done = await elsewhere.SendAsync(complete);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/actualites", done.Headers.Location!.OriginalString);
        var auth = done.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("__Host-FamilyPortal.Auth=", StringComparison.Ordinal));
        using var account = new HttpRequestMessage(HttpMethod.Get, "/mon-compte");
        account.Headers.Add("Cookie", auth);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.SendAsync(account)).StatusCode);
    }
}
