using System.Net;
using FamilyPortal.Web.Features.Families.Rules;
using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Attendance.PointageKit;

namespace FamilyPortal.Tests.Features.Attendance;

public class PointageTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private static readonly DateTimeOffset At8 = new(2026, 11, 16, 7, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> Fields(string action, string? motif = null, string? heure = null) =>
        new() { ["action"] = action, ["motif"] = motif, ["heure"] = heure };

    [Fact]
    public async Task The_page_lists_the_children_expected_today_with_class_health_flags_and_authorised_persons()
    {
        var (tenant, agent, _) = await AgentAsync(factory);
        var childId = await ChildAsync(factory, tenant, "BERNARD", health: HealthSheet.Empty with { HasPai = true, FoodAllergies = "arachide" });
        await ChildAsync(factory, tenant, "DURAND", booked: false);
        await factory.InTenantAsync(tenant.MunicipalityId, async db =>
        {
            var contact = new FamilyContact { MunicipalityId = tenant.MunicipalityId, FamilyId = tenant.FamilyId, FirstName = "Jeanne", LastName = "GRAND", Phone = "0611223344", IsAuthorisedPickup = true };
            contact.Children.Add(new FamilyContactChild { MunicipalityId = tenant.MunicipalityId, ChildId = childId });
            db.FamilyContacts.Add(contact);
            return await db.SaveChangesAsync();
        });

        var page = await agent.GetPageAsync("/admin/pointage");

        var item = page.QuerySelector($"#enfant-{childId}")!;
        Assert.Equal("BERNARD Max — CM1", item.QuerySelector("h3")!.TextContent.Trim());
        Assert.Contains("PAI", item.QuerySelector(".pointage-sante")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Alimentaires : arachide", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Jeanne GRAND", item.QuerySelector("details")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Non pointé", item.QuerySelector("[data-statut]")!.TextContent.Trim());
        Assert.Equal(["present", "absent", "arrive", "parti"], item.QuerySelectorAll("button[name=action]").Select(b => b.GetAttribute("value")));
        Assert.DoesNotContain("DURAND", page.QuerySelector("[data-pointage-liste]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_marks_a_child_present_then_arrived_at_a_time_with_who_and_when_and_the_journal_has_it()
    {
        var (tenant, agent, agentId) = await AgentAsync(factory);
        var childId = await ChildAsync(factory, tenant, "BERNARD");

        var response = await agent.PostFormAsync(Url(tenant), Fields("present"), $"enfant={childId}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        response = await agent.PostFormAsync(Url(tenant), Fields("arrive", heure: "08:05"), $"enfant={childId}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var mark = Assert.Single(await MarksAsync(factory, tenant));
        Assert.Equal((childId, tenant.ActivityId, Today, AttendanceStatus.Present, new TimeOnly(8, 5), agentId),
            (mark.ChildId, mark.ActivityId, mark.Date, mark.Status, mark.ArrivedAt, mark.MarkedByAccountId));
        Assert.Equal(At8.UtcDateTime, mark.MarkedAtUtc);
        var journal = await JournalAsync(factory, tenant);
        Assert.Equal([JournalAction.Created, JournalAction.Modified], journal.Select(j => j.Action));
        Assert.Contains("Pointage de Max BERNARD", journal[0].Summary, StringComparison.Ordinal);
        var page = await agent.GetPageAsync(Url(tenant));
        Assert.Equal("Présent — arrivé à 08:05", page.QuerySelector($"#enfant-{childId} [data-statut]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("absent", "", "", "motif", "Choisissez le motif de l'absence dans la liste.")]
    [InlineData("absent", "<script>alert(1)</script>", "", "motif", "Choisissez le motif de l'absence dans la liste.")]
    [InlineData("arrive", "", "25:99", "heure", "Saisissez l'heure au format hh:mm, par exemple 08:05, ou laissez vide pour l'heure actuelle.")]
    [InlineData("arrive", "", "'; DROP TABLE Bookings;--", "heure", "Saisissez l'heure au format hh:mm, par exemple 08:05, ou laissez vide pour l'heure actuelle.")]
    [InlineData("PIRATE", "", "", "action", "Choisissez présent, absent, arrivé ou parti.")]
    public async Task Bad_input_gets_a_french_message_next_to_the_field_and_writes_nothing(string action, string motif, string heure, string field, string message)
    {
        var (tenant, agent, _) = await AgentAsync(factory);
        var childId = await ChildAsync(factory, tenant, "BERNARD");
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);

        var response = await agent.PostFormAsync(Url(tenant), Fields(action, motif, heure), $"enfant={childId}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, PageClient.ErrorOf(await PageClient.ParseAsync(response), field));
        Assert.Equal("", DatabaseFingerprint.Differences(before, await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId)));
    }

    [Fact]
    public async Task A_child_not_booked_or_a_day_to_come_cannot_be_marked()
    {
        var (tenant, agent, _) = await AgentAsync(factory);
        var notBooked = await ChildAsync(factory, tenant, "DURAND", booked: false);
        await agent.GetPageAsync(Url(tenant));

        var (_, answer) = await SendAsync(agent, tenant,
            new { id = "a", enfant = tenant.ChildId, prestation = tenant.ActivityId, jour = "2026-11-20", action = "present", prisLe = At8 },
            Mark("b", notBooked, tenant.ActivityId, "present", At8));

        Assert.Equal(["Un jour à venir ne se pointe pas.", "Max DURAND n'est pas réservé(e) ce jour-là : ajoutez-le comme enfant présent non réservé."],
            answer.GetProperty("resultats").EnumerateArray().Select(r => r.GetProperty("message").GetString()));
        Assert.Empty(await MarksAsync(factory, tenant));
    }

    [Fact]
    public async Task When_two_devices_marked_the_same_child_the_later_mark_wins_and_both_are_in_the_journal()
    {
        var (tenant, agent, _) = await AgentAsync(factory);
        var childId = await ChildAsync(factory, tenant, "BERNARD");

        // The tablet online marks present at 07:50; the phone, offline since 07:45, sends its absence afterwards.
        var (first, firstAnswer) = await SendAsync(agent, tenant, Mark("tablette-1", childId, tenant.ActivityId, "present", At8.AddMinutes(-10)));
        var (_, secondAnswer) = await SendAsync(agent, tenant, Mark("telephone-1", childId, tenant.ActivityId, "absent", At8.AddMinutes(-15), motif: "non-prevenue"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("applique", firstAnswer.GetProperty("resultats")[0].GetProperty("etat").GetString());
        Assert.Equal("remplace", secondAnswer.GetProperty("resultats")[0].GetProperty("etat").GetString());
        var mark = Assert.Single(await MarksAsync(factory, tenant));
        Assert.Equal((AttendanceStatus.Present, At8.AddMinutes(-10).UtcDateTime), (mark.Status, mark.MarkedAtUtc));
        var journal = await JournalAsync(factory, tenant);
        Assert.Equal(2, journal.Count);
        Assert.Contains("reçu sans être appliqué : « Absent (Absence non prévenue) », pris le 16/11/2026 à 07:45:00", journal[1].Summary, StringComparison.Ordinal);

        // A later mark arriving last replaces it.
        var (_, third) = await SendAsync(agent, tenant, Mark("telephone-2", childId, tenant.ActivityId, "absent", At8.AddMinutes(-5), motif: "maladie"));
        Assert.Equal("applique", third.GetProperty("resultats")[0].GetProperty("etat").GetString());
        mark = Assert.Single(await MarksAsync(factory, tenant));
        Assert.Equal((AttendanceStatus.Absent, AbsenceMotif.Illness), (mark.Status, mark.Motif));
        Assert.Equal(3, (await JournalAsync(factory, tenant)).Count);
    }

    [Fact]
    public async Task A_batch_keeps_the_order_the_device_took_the_marks_in()
    {
        var (tenant, agent, _) = await AgentAsync(factory);
        var childId = await ChildAsync(factory, tenant, "BERNARD");

        var (_, answer) = await SendAsync(agent, tenant,
            Mark("2", childId, tenant.ActivityId, "parti", At8.AddMinutes(-2), heure: "16:30"),
            Mark("1", childId, tenant.ActivityId, "arrive", At8.AddMinutes(-3), heure: "08:01"));

        Assert.Equal(["applique", "applique"], answer.GetProperty("resultats").EnumerateArray().Select(r => r.GetProperty("etat").GetString()));
        var mark = Assert.Single(await MarksAsync(factory, tenant));
        Assert.Equal((new TimeOnly(8, 1), new TimeOnly(16, 30)), (mark.ArrivedAt, mark.LeftAt));
    }

    [Fact]
    public async Task The_device_endpoint_needs_the_anti_forgery_token_and_well_formed_marks()
    {
        var (tenant, agent, _) = await AgentAsync(factory);
        var childId = await ChildAsync(factory, tenant, "BERNARD");

        var withoutToken = await agent.Http.PostAsync("/admin/pointage?handler=Marks",
            System.Net.Http.Json.JsonContent.Create(new { marks = new[] { Mark("x", childId, tenant.ActivityId, "present", At8) } }));
        var (garbled, _) = await SendAsync(agent, tenant);
        var (_, hostile) = await SendAsync(agent, tenant, Mark("<script>", childId, tenant.ActivityId, "<img src=x>", At8),
            Mark("y", childId, tenant.ActivityId, "absent", At8, motif: "PIRATE"), Mark("z", childId, tenant.ActivityId, "arrive", At8, heure: "99:99"));

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Equal(["Action inconnue.", "Motif d'absence inconnu.", "Heure illisible."],
            hostile.GetProperty("resultats").EnumerateArray().Select(r => r.GetProperty("message").GetString()));
        Assert.Empty(await MarksAsync(factory, tenant));
    }

    [Fact]
    public async Task Another_collectivites_activity_and_children_stay_out_of_reach()
    {
        var (tenant, agent, _) = await AgentAsync(factory);
        var other = await TenantBuilder.CreateAsync(factory);
        await ChildAsync(factory, other, "VOISIN");
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, other.MunicipalityId);

        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync(Url(tenant, other.ActivityId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync($"/admin/pointage?site={other.SiteId}")).StatusCode);
        var (_, answer) = await SendAsync(agent, tenant,
            Mark("a", other.ChildId, other.ActivityId, "present", At8), Mark("b", other.ChildId, tenant.ActivityId, "present", At8));
        var search = await agent.GetPageAsync(Url(tenant) + "&recherche=VOISIN");
        var walkIn = await agent.Http.PostAsync($"{Url(tenant)}&handler=WalkIn&enfant={other.ChildId}", new FormUrlEncodedContent([]));

        Assert.Equal(["Prestation inconnue.", "Cet enfant n'est pas attendu ce jour-là."],
            answer.GetProperty("resultats").EnumerateArray().Select(r => r.GetProperty("message").GetString()));
        Assert.Empty(search.QuerySelectorAll(".pointage-candidats li"));
        Assert.NotEqual(HttpStatusCode.Redirect, walkIn.StatusCode);
        Assert.Equal("", DatabaseFingerprint.Differences(before, await DatabaseFingerprint.OfMunicipalityAsync(factory, other.MunicipalityId)));
    }

    [Fact]
    public async Task A_walk_in_becomes_a_booking_out_of_time_billed_and_is_marked_present()
    {
        var (tenant, agent, _) = await AgentAsync(factory);
        var childId = await ChildAsync(factory, tenant, "BERNARD", booked: false);

        var search = await agent.GetPageAsync(Url(tenant) + "&recherche=bern");
        Assert.Contains("Max BERNARD", Assert.Single(search.QuerySelectorAll(".pointage-candidats li")).TextContent, StringComparison.Ordinal);
        var response = await agent.SubmitAsync(search, Url(tenant), new Dictionary<string, string?>(), $"enfant={childId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var booking = await factory.InTenantAsync(tenant.MunicipalityId, db => db.Bookings.AsNoTracking().SingleAsync(b => b.ChildId == childId));
        Assert.Equal((Today, AttendanceSheet.WalkInReason, true), (booking.Date, booking.StaffReason, BillingRules.IsBilled(booking)));
        Assert.Equal(AttendanceStatus.Present, Assert.Single(await MarksAsync(factory, tenant)).Status);
        var page = await agent.GetPageAsync(Url(tenant));
        Assert.Contains("non réservé, ajouté au pointage", page.QuerySelector($"#enfant-{childId}")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_cannot_open_the_pointage()
    {
        var (tenant, _, _) = await AgentAsync(factory);
        var parent = PageClient.For(factory);
        var identifiant = Accounts.AccountJourney.NewIdentifiant();
        await Accounts.AccountJourney.CreateAccountAsync(factory, identifiant, Accounts.AccountJourney.NewEmail());
        await Accounts.AccountJourney.SignInAsync(parent, identifiant, Accounts.AccountJourney.Password);

        var response = await parent.Http.GetAsync(Url(tenant));
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"answered {(int)response.StatusCode}");
    }
}
