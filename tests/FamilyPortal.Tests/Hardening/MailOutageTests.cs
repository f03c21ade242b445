using System.Net;
using FamilyPortal.Tests.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Hardening;

/// <summary>
/// With the SMTP server down, every action of the portal that sends mail still succeeds; the mail waits in the
/// outbox and goes out once, when the server is back. The kinds of mail are read from the code: a new one
/// fails this test until the action that sends it is added below.
/// </summary>
public sealed class MailOutageTests(SmtpDownFactory factory) : IClassFixture<SmtpDownFactory>
{
    /// <param name="Senders">The kinds of mail the action queues; none for a step that only prepares the next.</param>
    private sealed record Action(string[] Senders, string Description, Func<Task<HttpResponseMessage>> Run);

    [Fact]
    public async Task Every_action_that_sends_mail_succeeds_with_the_SMTP_server_down_and_its_mail_goes_out_once_when_it_is_back()
    {
        var cast = await Cast.CreateAsync(factory);
        var (familyEmail, code) = await MailOutageSetUp.AddFamilyAsync(factory, cast.Mine);
        var identifiant = NewIdentifiant();
        var newEmail = NewEmail();
        var newcomer = PageClient.For(factory);
        var admin = cast["administrateur"].Client;
        var parent = cast["parent"].Client;
        var grid = $"/reservations?enfant={cast.Mine.ChildId}&semaine=2026-11-23";
        var unique = Guid.NewGuid().ToString("N")[..8];
        var campaignId = 0;
        var closure = new Dictionary<string, string?>
        {
            ["Input.Start"] = "20/11/2026",
            ["Input.End"] = "",
            ["Input.Scope"] = $"a:{cast.Mine.ActivityId}",
            ["Input.Reason"] = "Grève",
        };

        // In order: each step may use what the previous ones did (the account, its confirmation, its session).
        var actions = new List<Action>
        {
            new(["AccountEmails.AccountCreated", "AccountEmails.AdhesionCodesAsync"], "créer un compte avec l'adresse d'un dossier famille (son code lui est envoyé)",
                () => RegisterAsync(newcomer, Registration(identifiant, familyEmail))),
            new(["AccountEmails.ConfirmationLinkAgain"], "se connecter et redemander le lien de confirmation de l'adresse",
                async () =>
                {
                    Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(newcomer, identifiant, Password)).StatusCode);
                    return await newcomer.PostFormAsync("/mon-compte", new Dictionary<string, string?>(), formAction: "/mon-compte/ResendConfirmation");
                }),
            new([], "confirmer l'adresse du compte créé (le code d'adhésion attendait cette confirmation)",
                async () => await newcomer.Http.GetAsync(LinkTo((await MailToAsync(factory, familyEmail)).First(), "/confirmer-email"))),
            new(["AccountEmails.Identifiants"], "identifiant oublié",
                () => PageClient.For(factory).PostFormAsync("/identifiant-oublie", new Dictionary<string, string?> { ["Email"] = familyEmail })),
            new(["AccountEmails.PasswordReset"], "mot de passe oublié",
                () => PageClient.For(factory).PostFormAsync("/mot-de-passe-oublie", new Dictionary<string, string?> { ["Login"] = identifiant })),
            new(["AccountEmails.PasswordChangedNotice"], "réinitialiser le mot de passe par le lien reçu",
                async () => await PageClient.For(factory).PostFormAsync(
                    LinkTo((await MailToAsync(factory, familyEmail)).Single(m => m.Subject == "Réinitialisation de votre mot de passe"), "/reinitialiser-mot-de-passe"),
                    new Dictionary<string, string?> { ["SecretAnswer"] = "Anne", ["NewPassword"] = Password + " bis", ["ConfirmPassword"] = Password + " bis" })),
            new(["AdhesionEmails.Joined", "AdhesionEmails.NewAccountLinked"], "se connecter puis saisir le code d'adhésion",
                async () =>
                {
                    Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(newcomer, identifiant, Password + " bis")).StatusCode);
                    return await newcomer.PostFormAsync("/adhesions", new Dictionary<string, string?> { ["Code"] = code });
                }),
            new(["AccountEmails.EmailChangeRequested"], "changer d'adresse email",
                () => newcomer.PostFormAsync("/mon-compte", new Dictionary<string, string?>
                {
                    ["NewEmail.Email"] = newEmail, ["NewEmail.Password"] = Password + " bis",
                }, formAction: "/mon-compte/Email")),
            new(["AccountEmails.EmailChangedNotice"], "confirmer la nouvelle adresse par le lien reçu",
                async () => await newcomer.Http.GetAsync(LinkTo((await MailToAsync(factory, newEmail)).Single(), "/mon-compte/confirmer-email"))),
            new(["ReservationEmails.ConfirmationAsync"], "valider un panier",
                async () =>
                {
                    var page = await parent.GetPageAsync(grid);
                    Assert.Equal(HttpStatusCode.Redirect, (await parent.SubmitAsync(page, grid,
                        new Dictionary<string, string?> { ["cellule"] = $"{cast.Mine.ActivityId}:2026-11-23" }, "handler=Cell")).StatusCode);
                    return await parent.SubmitAsync(await parent.GetPageAsync(grid), grid, new Dictionary<string, string?>(), "handler=Validate");
                }),
            new(["FamilyFiles.EmailCodeAsync"], "envoyer son code d'adhésion à une famille",
                async () => await admin.SubmitAsync(await admin.GetPageAsync($"/admin/familles/{cast.Mine.FamilyId}"), $"/admin/familles/{cast.Mine.FamilyId}",
                    new Dictionary<string, string?>(), "handler=EmailCode")),
            new(["DayClosures.EmailFamiliesAsync"], "fermer un jour réservé (familles prévenues)",
                async () =>
                {
                    var confirm = await admin.PostFormAsync("/admin/calendrier/fermetures", closure);
                    return await admin.SubmitAsync(await PageClient.ParseAsync(confirm), "/admin/calendrier/fermetures", closure);
                }),
            new(["StaffBookings.EmailFamilyAsync"], "réserver pour un enfant depuis la mairie (famille prévenue)",
                () => admin.PostFormAsync($"/admin/enfants/{cast.Mine.ChildId}/reservations?du=2026-11-01&au=2026-11-30", new Dictionary<string, string?>
                {
                    ["Book.ActivityId"] = cast.Mine.ActivityId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Book.From"] = "2026-11-26", ["Book.To"] = "", ["Book.Reason"] = "Oubli de la famille",
                }, formAction: "handler=Book")),
            new(["DayWaitingList.EmailAsync"], "annuler depuis la mairie un jour complet où un enfant attend (sa famille prévenue)",
                async () =>
                {
                    var bookingId = await MailOutageSetUp.FullDayWithAChildWaitingAsync(factory, cast.Mine, new DateOnly(2026, 11, 26));
                    return await admin.PostFormAsync($"/admin/enfants/{cast.Mine.ChildId}/reservations?du=2026-11-01&au=2026-11-30", new Dictionary<string, string?>
                    {
                        ["Cancel.BookingIds"] = bookingId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Cancel.Reason"] = "Enfant malade",
                    }, formAction: "handler=Cancel");
                }),
            new([], "demander une modification du dossier famille, adresse email de la famille comprise",
                () => parent.PostFormAsync("/mon-dossier", new Dictionary<string, string?> { ["Input.City"] = "Toul", ["Input.Email"] = $"famille-{unique}@exemple.test" })),
            new(["ChangeRequestDecisions.NotifyAsync", "ChangeRequestDecisions.NotifyPreviousAddressAsync"], "accepter la demande de modification (famille prévenue, à l'ancienne adresse aussi)",
                async () => await admin.SubmitAsync(await admin.GetPageAsync("/admin/demandes"), "/admin/demandes", new Dictionary<string, string?>(), "handler=Accept")),
            new([], "déposer une pièce justificative",
                async () => await Features.Documents.DocumentKit.DepositAsync(parent,
                    (await Features.Documents.DocumentKit.AddTypesAsync(factory, cast.Mine.MunicipalityId)).FamilyTypeId, null,
                    Features.Documents.DocumentKit.Pdf(), "attestation.pdf")),
            new(["DocumentEmails.SendAsync"], "valider la pièce déposée (famille prévenue)",
                async () =>
                {
                    var documentId = await factory.InTenantAsync(cast.Mine.MunicipalityId, db => db.Set<SupportingDocument>().Where(d => d.Status == DocumentStatus.Deposited).Select(d => d.Id).SingleAsync());
                    var url = $"/admin/pieces/{documentId}";
                    return await admin.SubmitAsync(await admin.GetPageAsync(url), url, new Dictionary<string, string?>(), "Validate");
                }),
            new(["MessagesEmails.NewStaffMessageAsync"], "répondre à une famille dans la messagerie (famille prévenue par un lien)",
                async () =>
                {
                    var threadId = await factory.InTenantAsync(cast.Mine.MunicipalityId, db => db.Set<MessageThread>().Select(t => t.Id).FirstAsync());
                    return await admin.PostFormAsync($"/admin/messages/{threadId}", new Dictionary<string, string?> { ["Text"] = "Réponse de la mairie" }, "/Reply");
                }),
            new(["EnrolmentEmails.DecisionAsync"], "demander l'inscription d'un enfant (famille prévenue)",
                async () =>
                {
                    await Features.Enrolments.EnrolmentKit.RequireAsync(factory, cast.Mine.MunicipalityId, cast.Mine.ActivityId,
                        new EnrolmentSettings { Mode = EnrolmentMode.SchoolYear, AutoAccept = true });
                    return await parent.SubmitAsync(await parent.GetPageAsync("/inscriptions"), "/inscriptions", new Dictionary<string, string?>(), formAction: "/inscriptions/Request");
                }),
            new(["CampaignEmails.SendAsync"], "demander une place pendant une campagne d'inscription (famille prévenue)",
                async () =>
                {
                    var summer = new EnrolmentPeriod("Été 2027", new DateOnly(2027, 7, 5), new DateOnly(2027, 7, 30));
                    await Features.Enrolments.EnrolmentKit.RequireAsync(factory, cast.Mine.MunicipalityId, cast.Mine.ActivityId, new EnrolmentSettings
                    {
                        Mode = EnrolmentMode.Period, PeriodLabel = summer.Label, PeriodStart = summer.Start, PeriodEnd = summer.End,
                    });
                    campaignId = await Features.Enrolments.Campaigns.CampaignKit.CreateAsync(factory, cast.Mine.MunicipalityId, cast.Mine.ActivityId, 5, "residents", "54000", period: summer);
                    return await parent.SubmitAsync(await parent.GetPageAsync("/inscriptions"), "/inscriptions", new Dictionary<string, string?>(), formAction: "/inscriptions/Request");
                }),
            new(["CampaignEmails.SendAsync"], "confirmer l'attribution de la campagne (familles prévenues)",
                async () =>
                {
                    await Features.Enrolments.Campaigns.CampaignKit.CloseAsync(factory, cast.Mine.MunicipalityId, campaignId);
                    var url = $"/admin/inscriptions/campagnes/{campaignId}";
                    return await admin.SubmitAsync(await admin.GetPageAsync(url + "?apercu=true"), url, new Dictionary<string, string?>(), "handler=Confirm");
                }),
            new(["InvoiceEmails.IssuedAsync"], "émettre les factures d'octobre (familles prévenues)",
                async () =>
                {
                    await Features.Invoices.BillingKit.AddBookingsAsync(factory, cast.Mine.MunicipalityId, cast.Mine.ChildId, cast.Mine.ActivityId, [1, 2]);
                    var preview = await admin.GetPageAsync($"{Features.Invoices.BillingKit.GenerateUrl}?mois=2026-10");
                    return await admin.SubmitAsync(preview, $"{Features.Invoices.BillingKit.GenerateUrl}?mois=2026-10", new Dictionary<string, string?>());
                }),
            new(["DirectDebitEmails.RejectedAsync"], "saisir le rejet d'un prélèvement (famille prévenue)",
                async () =>
                {
                    await Features.DirectDebit.DirectDebitKit.OfferAsync(factory, cast.Mine.MunicipalityId);
                    await Features.DirectDebit.DirectDebitKit.MandateAsync(factory, cast.Mine.MunicipalityId, cast.Mine.FamilyId);
                    Assert.Equal(HttpStatusCode.Redirect, (await Features.DirectDebit.DirectDebitKit.BuildAsync(admin)).StatusCode);
                    var batchId = await factory.InTenantAsync(cast.Mine.MunicipalityId, db => db.DebitBatches.Where(b => b.Month == new DateOnly(2026, 10, 1)).Select(b => b.Id).SingleAsync());
                    return await admin.PostFormAsync($"/admin/prelevements/fichiers/{batchId}", new Dictionary<string, string?> { ["Reason"] = "AM04" }, "/Reject");
                }),
            new(["PaymentEmails.ReceiptAsync"], "payer une facture en ligne (reçu à la famille)",
                async () =>
                {
                    await factory.InTenantAsync(cast.Mine.MunicipalityId, async db =>
                    {
                        (await db.Municipalities.SingleAsync(m => m.Id == cast.Mine.MunicipalityId)).PayFipClientNumber = Features.Payments.PaymentKit.ClientNumber;
                        return await db.SaveChangesAsync();
                    });
                    var operationId = await Features.Payments.PaymentKit.StartAsync(factory.Simulator, parent);
                    await factory.Simulator.ChooseAsync(operationId, "P");
                    return await parent.Http.PostAsync(PaymentEndpoints.NotificationPath, new FormUrlEncodedContent([new("idOp", operationId)]));
                }),
            new(["StaffInvitations.InviteAsync"], "inviter un agent",
                () => admin.PostFormAsync("/admin/equipe", new Dictionary<string, string?>
                {
                    ["Invite.LastName"] = "Bernard", ["Invite.FirstName"] = "Paul", ["Invite.Email"] = $"paul-{unique}@mairie.exemple.test",
                    ["Invite.Identifiant"] = $"pbernard-{unique}", ["Role"] = Roles.Agent,
                }, formAction: "handler=Invite")),
            new(["StaffMembers.ApplyInTransactionAsync"], "suspendre un agent (il est prévenu par email)",
                async () => await Features.Staff.StaffManagementTests.ActAsync(admin, "/admin/equipe", "Suspend",
                    (await StaffJourney.CreateAsync(factory, cast.Mine.MunicipalityId, Roles.Agent)).Id)),
            new(["RetentionEmails.InactiveAccountWarning"], "prévenir un compte inutilisé depuis 3 ans (tâche planifiée de conservation)",
                async () =>
                {
                    await using var scope = factory.Scope();
                    var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
                    var longAgo = factory.Clock.GetUtcNow().UtcDateTime.AddYears(-4);
                    await db.Users.Where(u => u.Id == cast.Other.LinkedAccountId).ExecuteUpdateAsync(u => u.SetProperty(a => a.LastSignInAtUtc, longAgo));
                    scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope();
                    await scope.ServiceProvider.GetRequiredService<FamilyPortal.Web.Features.Retention.InactiveAccountsJob>().RunAsync(CancellationToken.None);
                    return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("") };
                }),
            new(["ReminderEmails.UnpaidAsync"], "relancer une facture impayée (tâche planifiée des relances)",
                async () =>
                {
                    await Features.Reminders.ReminderKit.EnableAsync(factory, cast.Mine.MunicipalityId, 10, null, null);
                    await Features.Reminders.ReminderKit.AddInvoiceAsync(factory, cast.Mine, "2026-000990", Features.Reminders.ReminderKit.Today.AddDays(-20), paid: 0);
                    await Features.Reminders.ReminderKit.RunAsync(factory);
                    return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("") };
                }),
            new(["BookingReminderEmails.ReminderAsync"], "rappeler aux familles de réserver avant la date limite (tâche planifiée des rappels)",
                async () =>
                {
                    await Features.BookingReminders.BookingReminderKit.EnableAsync(factory, cast.Other.MunicipalityId, cast.Other.ActivityId, hours: 168);
                    await Features.BookingReminders.BookingReminderKit.RunAsync(factory);
                    return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("") };
                }),
            new(["StaffInvitations.InviteAsync"], "créer une collectivité et inviter son administrateur",
                () => cast["opérateur"].Client.PostFormAsync("/plateforme/collectivites/nouvelle", new Dictionary<string, string?>
                {
                    ["Input.Name"] = $"COMMUNE PANNE {unique}", ["Input.ShortName"] = $"panne-{unique}", ["Input.ContactEmail"] = $"mairie-{unique}@exemple.test",
                    ["Input.TimeZoneId"] = "", ["Admin.LastName"] = "Durand", ["Admin.FirstName"] = "Sophie",
                    ["Admin.Email"] = $"sophie-{unique}@exemple.test", ["Admin.Identifiant"] = $"sdurand-{unique}",
                })),
        };

        var inCode = MailSenders.InCode();
        var covered = actions.SelectMany(a => a.Senders).ToHashSet(StringComparer.Ordinal);
        Assert.True(inCode.Count >= 10, "too few kinds of mail found in the code: " + string.Join(", ", inCode));
        Assert.True(inCode.IsSubsetOf(covered), "kinds of mail with no action in this test (add the action that sends each): "
            + string.Join(", ", inCode.Except(covered)));

        factory.Recorder.Clear();
        var sentBy = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            var queuedBefore = factory.Recorder.Senders.Count;
            var response = await action.Run();
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK,
                $"« {action.Description} » answered {(int)response.StatusCode} with the SMTP server down");
            Assert.DoesNotContain("notice-error", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.True(action.Senders.Length == 0 || factory.Recorder.Senders.Count > queuedBefore, $"« {action.Description} » queued no mail");
        }
        foreach (var sender in factory.Recorder.Senders)
        {
            sentBy[sender] = sentBy.GetValueOrDefault(sender) + 1;
        }
        Assert.True(covered.IsSubsetOf(sentBy.Keys), "actions that did not queue their kind of mail: " + string.Join(", ", covered.Except(sentBy.Keys))
            + " (queued: " + string.Join(", ", sentBy.Keys) + ")");

        // The server is down: the dispatcher tries, records the failure, keeps every message.
        var due = await PendingAsync();
        Assert.True(due.Count >= actions.Count, $"only {due.Count} mails waiting");
        Assert.Equal(0, await EmailTestKit.DispatchAsync(factory));
        Assert.All(await PendingAsync(), m => Assert.Null(m.SentAtUtc));
        Assert.Contains(await PendingAsync(), m => m.Attempts == 1 && m.LastError!.StartsWith("Connexion au serveur SMTP impossible", StringComparison.Ordinal));

        // Back: every waiting mail goes out, once.
        await using var smtp = await SmtpTestServer.StartAsync(SmtpDownFactory.Port);
        factory.Clock.Advance(TimeSpan.FromHours(1));
        while (await EmailTestKit.DispatchAsync(factory) > 0)
        {
        }
        factory.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await EmailTestKit.DispatchAsync(factory));
        var received = smtp.Received.ToList();
        Assert.Equal(due.Count, received.Count);
        Assert.Equal(due.Select(m => m.MessageId.Trim('<', '>')).Order(StringComparer.Ordinal), received.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.All(await PendingAsync(), m => Assert.NotNull(m.SentAtUtc));
    }

    /// <summary>The mails of this test's time that may go now (not held for an unconfirmed address).</summary>
    private async Task<List<FamilyPortal.Web.Email.OutboxMessage>> PendingAsync()
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.HeldForAccountId == null).ToListAsync();
    }
}
