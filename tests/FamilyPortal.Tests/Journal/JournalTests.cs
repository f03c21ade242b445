using System.Globalization;
using System.Net;
using FamilyPortal.Tests.Features.Reservations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Reservations.ReservationKit;

namespace FamilyPortal.Tests.Journal;

public class JournalTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Url = "/admin/journal";

    private async Task<(TenantBuilder.Tenant Tenant, StaffJourney.StaffAccount Staff, PageClient Client)> AdministratorAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        return (tenant, staff, await StaffJourney.SignInAsync(factory, staff));
    }

    private async Task<T> ReadAsync<T>(Func<FamilyPortalDbContext, Task<T>> read)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        return await read(db);
    }

    private Task<List<JournalEntry>> EntriesAsync(int municipalityId) =>
        ReadAsync(db => db.JournalEntries.IgnoreQueryFilters().AsNoTracking().Where(j => j.MunicipalityId == municipalityId).OrderBy(j => j.Id).ToListAsync());

    private static JournalChange Change(JournalEntry entry, string field) => JournalValues.Parse(entry.Changes).Single(c => c.Field == field);

    [Fact]
    public async Task A_staff_edit_is_journalled_with_who_when_and_the_values_before_and_after()
    {
        var (tenant, staff, client) = await AdministratorAsync();

        var response = await client.PostFormAsync($"/admin/familles/fiche/{tenant.FamilyId}", new Dictionary<string, string?>
        {
            ["Input.HouseholdName"] = "DUPONT",
            ["Input.Phone"] = "06 12 34 56 78",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = Assert.Single(await EntriesAsync(tenant.MunicipalityId), e => e.ActorIsStaff);
        Assert.Equal((JournalAction.Modified, nameof(Family), tenant.FamilyId.ToString(CultureInfo.InvariantCulture)), (entry.Action, entry.EntityType, entry.EntityKey));
        Assert.Equal("Famille DUPONT modifiée", entry.Summary);
        Assert.Equal((staff.Id, staff.Login, "Claire AGENT"), (entry.ActorAccountId, entry.ActorLogin, entry.ActorName));
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, entry.AtUtc);
        Assert.Equal(new JournalChange("HouseholdName", "MARTIN", "DUPONT"), Change(entry, "HouseholdName"));
        Assert.Equal(new JournalChange("Phone", null, "0612345678"), Change(entry, "Phone"));
        // Unchanged fields and the version counter are not listed.
        Assert.Equal(["HouseholdName", "Phone"], JournalValues.Parse(entry.Changes).Select(c => c.Field).Order());

        var page = await client.GetPageAsync(Url);
        var row = page.QuerySelector($"[data-testid=journal-{entry.Id}]")!.TextContent;
        Assert.Contains("Famille DUPONT modifiée", row, StringComparison.Ordinal);
        Assert.Contains($"Claire AGENT ({staff.Login})", row, StringComparison.Ordinal);
        Assert.Contains("Nom du foyer", row, StringComparison.Ordinal);
        Assert.Contains("MARTIN", row, StringComparison.Ordinal);
        Assert.Contains("DUPONT", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_written_without_the_journal_in_mind_is_journalled_too()
    {
        var (tenant, staff, client) = await AdministratorAsync();

        var response = await client.PostFormAsync("/admin/actualites/fiche", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Fête de l'école",
            ["Input.Body"] = "Le vendredi 26 juin à 17 h.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = Assert.Single(await EntriesAsync(tenant.MunicipalityId), e => e.ActorIsStaff);
        Assert.Equal(("Actualité Fête de l'école créée", JournalAction.Created, staff.Id), (entry.Summary, entry.Action, entry.ActorAccountId));
        Assert.Equal("Le vendredi 26 juin à 17 h.", Change(entry, "Body").After);
        Assert.NotNull(entry.EntityKey);
    }

    [Fact]
    public async Task A_refused_save_leaves_no_journal_entry()
    {
        var (tenant, _, client) = await AdministratorAsync();

        var response = await client.PostFormAsync($"/admin/familles/fiche/{tenant.FamilyId}", new Dictionary<string, string?> { ["Input.Email"] = "pas-une-adresse" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(await EntriesAsync(tenant.MunicipalityId), e => e.ActorIsStaff);
    }

    [Fact]
    public async Task A_staff_booking_and_its_cancellation_are_journalled_with_the_reason()
    {
        var (tenant, staff, client) = await AdministratorAsync();
        var url = $"/admin/enfants/{tenant.ChildId}/reservations?du=2026-11-01&au=2026-11-30";

        await client.PostFormAsync(url, new Dictionary<string, string?>
        {
            ["Book.ActivityId"] = tenant.ActivityId.ToString(CultureInfo.InvariantCulture),
            ["Book.From"] = "2026-11-17",
            ["Book.Reason"] = "Oubli",
        }, formAction: "handler=Book");
        var bookingId = await ReadAsync(db => db.Bookings.IgnoreQueryFilters().Where(b => b.ChildId == tenant.ChildId && b.Date == new DateOnly(2026, 11, 17)).Select(b => b.Id).SingleAsync());
        await client.PostFormAsync(url, new Dictionary<string, string?>
        {
            ["Cancel.BookingIds"] = bookingId.ToString(CultureInfo.InvariantCulture),
            ["Cancel.Reason"] = "Erreur de jour",
        }, formAction: "handler=Cancel");

        var entries = (await EntriesAsync(tenant.MunicipalityId)).Where(e => e.ActorIsStaff).ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("Réservation Lou MARTIN – GT - RESTAURATION – 17/11/2026 créée", entries[0].Summary);
        Assert.Equal(bookingId.ToString(CultureInfo.InvariantCulture), entries[0].EntityKey);
        Assert.Equal("Oubli", Change(entries[0], "StaffReason").After);
        Assert.Equal(staff.Id, Change(entries[0], "CreatedByAccountId").After);
        Assert.Equal("Réservation Lou MARTIN – GT - RESTAURATION – 17/11/2026 annulée", entries[1].Summary);
        Assert.Equal(new JournalChange("Cancellation", "aucune", "hors délai"), Change(entries[1], "Cancellation"));
        Assert.Equal(new JournalChange("CancellationReason", null, "Erreur de jour"), Change(entries[1], "CancellationReason"));
    }

    [Fact]
    public async Task A_basket_validation_is_journalled_with_the_account_the_family_and_the_counts()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        long validationId;
        await using (var session = await ParentSession.OpenAsync(factory, tenant.MunicipalityId, tenant.FamilyId, tenant.LinkedAccountId))
        {
            var basket = session.Get<BasketService>();
            await basket.ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday, default);
            await basket.ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday.AddDays(1), default);
            await basket.ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, new DateOnly(2026, 11, 20), default);
            validationId = (await session.Get<BasketValidator>().ValidateAsync(session.Parent, default)).ValidationId!.Value;
        }
        var login = await ReadAsync(db => db.Users.Where(u => u.Id == tenant.LinkedAccountId).Select(u => u.UserName).SingleAsync());

        var entry = (await EntriesAsync(tenant.MunicipalityId)).Single(e => e.EntityKey == validationId.ToString(CultureInfo.InvariantCulture));

        Assert.Equal((JournalAction.BasketValidated, nameof(FamilyPortal.Web.Features.Reservations.BasketValidation), false), (entry.Action, entry.EntityType, entry.ActorIsStaff));
        Assert.Equal((tenant.LinkedAccountId, login, "Camille MARTIN"), (entry.ActorAccountId, entry.ActorLogin, entry.ActorName));
        Assert.Equal("Panier validé pour la famille MARTIN : 2 réservation(s), 1 annulation(s), 0 refusée(s)", entry.Summary);
        Assert.Contains("Réservé · Lou · GT - RESTAURATION · lundi 23 novembre 2026", Change(entry, "Summary").After, StringComparison.Ordinal);
        // A parent's own bookings are summed up by the validation, not journalled one by one.
        Assert.DoesNotContain(await EntriesAsync(tenant.MunicipalityId), e => e.EntityType == nameof(FamilyPortal.Web.Features.Reservations.Booking));

        var admin = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Administrator));
        var families = await admin.GetPageAsync(Url + "?auteur=familles");
        Assert.Contains("Panier validé pour la famille MARTIN : 2 réservation(s)", families.QuerySelector($"[data-testid=journal-{entry.Id}]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_secret_ever_reaches_the_journal()
    {
        var (tenant, _, client) = await AdministratorAsync();
        var colleague = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        await StaffJourney.SignInAsync(factory, colleague);

        // A new family (its code created), a new code for an existing family, a staff invitation, a second factor reset.
        var created = await client.PostFormAsync("/admin/familles/fiche", new Dictionary<string, string?>
        {
            ["Input.HouseholdName"] = "SECRET",
            ["Input.Email"] = "famille.secret@exemple.test",
            ["Input.Adults[0].LastName"] = "SECRET",
            ["Input.Adults[0].FirstName"] = "Alex",
        });
        var newFamilyId = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
        var details = await client.GetPageAsync($"/admin/familles/{tenant.FamilyId}");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(details, $"/admin/familles/{tenant.FamilyId}", new Dictionary<string, string?>(), "handler=Regenerate")).StatusCode);
        var unique = Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/admin/equipe", new Dictionary<string, string?>
        {
            ["Invite.LastName"] = "Bernard",
            ["Invite.FirstName"] = "Paul",
            ["Invite.Email"] = $"paul-{unique}@mairie.exemple.test",
            ["Invite.Identifiant"] = $"pbernard-{unique}",
            ["Role"] = Roles.Agent,
        }, formAction: "handler=Invite")).StatusCode);
        var team = await client.GetPageAsync("/admin/equipe");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(team, "/admin/equipe", new Dictionary<string, string?>(),
            $"accountId={colleague.Id}")).StatusCode);

        var secrets = await ReadAsync(async db =>
        {
            var families = await db.Families.IgnoreQueryFilters().Where(f => f.Id == tenant.FamilyId || f.Id == newFamilyId)
                .Select(f => new[] { f.AdhesionCodeLookup, f.AdhesionCodeProtected }).ToListAsync();
            var accounts = await db.Users.Where(u => u.StaffMunicipalityId == tenant.MunicipalityId)
                .Select(u => new[] { u.SecurityStamp, u.PasswordHash, u.ConcurrencyStamp }).ToListAsync();
            var tokens = await db.UserTokens.Where(t => t.UserId == colleague.Id).Select(t => t.Value).ToListAsync();
            return families.SelectMany(f => f).Concat(accounts.SelectMany(a => a)).Concat(tokens).OfType<string>().Where(s => s.Length > 0).ToList();
        });
        var codes = await ReadAsync(async db =>
        {
            var vault = factory.Services.GetRequiredService<AdhesionCodeVault>();
            var protectedCodes = await db.Families.IgnoreQueryFilters().Where(f => f.Id == tenant.FamilyId || f.Id == newFamilyId).Select(f => f.AdhesionCodeProtected).ToListAsync();
            return protectedCodes.Select(vault.Reveal).Append(tenant.AdhesionCode).ToList();
        });
        var entries = await EntriesAsync(tenant.MunicipalityId);
        var text = string.Join('\n', entries.Select(e => $"{e.Summary}\n{e.Changes}"));

        Assert.True(secrets.Count >= 6, "the test must compare with real secret values");
        Assert.All(secrets.Concat(codes), secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        var regenerated = entries.Single(e => e.EntityType == nameof(Family) && e.EntityKey == tenant.FamilyId.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(new JournalChange("AdhesionCodeLookup", null, null, Masked: true), Change(regenerated, "AdhesionCodeLookup"));
        Assert.Equal(new JournalChange("AdhesionCodeProtected", null, null, Masked: true), Change(regenerated, "AdhesionCodeProtected"));
        var createdEntry = entries.Single(e => e.EntityType == nameof(Family) && e.Action == JournalAction.Created);
        Assert.Equal(newFamilyId.ToString(CultureInfo.InvariantCulture), createdEntry.EntityKey);
        Assert.True(Change(createdEntry, "AdhesionCodeLookup").Masked);
        Assert.Equal("SECRET", Change(createdEntry, "HouseholdName").After);
        Assert.Contains(entries, e => e.Summary == $"Compte du personnel pbernard-{unique} créé");
        // Identity saves the reset in several steps: each is an entry of the colleague's account.
        var reset = entries.Where(e => e.EntityType == nameof(PortalAccount) && e.EntityKey == colleague.Id).SelectMany(e => JournalValues.Parse(e.Changes)).ToList();
        Assert.Contains(new JournalChange("TwoFactorEnabled", "oui", "non"), reset);
        Assert.Contains(new JournalChange("SecurityStamp", null, null, Masked: true), reset);
    }

    [Fact]
    public void The_deny_list_covers_every_secret_column_of_the_model()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        string[] knownSecrets = ["PasswordHash", "SecurityStamp", "SecretAnswerHash", "AdhesionCodeLookup", "AdhesionCodeProtected"];

        var properties = db.Model.GetEntityTypes()
            .Where(t => !JournalSecrets.IsIgnored(t.ClrType))
            .SelectMany(t => t.GetProperties().Select(p => (Type: t.ClrType, Property: p)))
            .ToList();

        Assert.All(knownSecrets, name => Assert.Contains(properties, p => p.Property.Name == name));
        Assert.All(properties.Where(p => knownSecrets.Contains(p.Property.Name)), p => Assert.True(JournalSecrets.IsSecret(p.Property.Name, p.Property.ClrType), p.Property.Name));
        // Whole tables of secrets or of mail (codes and links in the bodies) are never read by the journal.
        Assert.True(JournalSecrets.IsIgnored(typeof(IdentityUserToken<string>)));
        Assert.True(JournalSecrets.IsIgnored(typeof(FamilyPortal.Web.Email.OutboxMessage)));
        Assert.True(JournalSecrets.IsIgnored(typeof(AccountSession)));
        // Names other pages may add are caught by their words.
        Assert.True(JournalSecrets.IsSecret("ApiToken", typeof(string)));
        Assert.True(JournalSecrets.IsSecret("SigningKey", typeof(string)));
        Assert.True(JournalSecrets.IsSecret("Photo", typeof(byte[])));
        Assert.False(JournalSecrets.IsSecret("HouseholdName", typeof(string)));
        Assert.False(JournalSecrets.IsSecret("Email", typeof(string)));
    }

    private async Task SeedAsync(int municipalityId, params JournalEntry[] entries) => await ReadAsync(async db =>
    {
        foreach (var entry in entries)
        {
            entry.MunicipalityId = municipalityId;
        }
        db.JournalEntries.AddRange(entries);
        return await db.SaveChangesAsync();
    });

    private static JournalEntry Entry(string summary, DateTime atUtc, string? actor = "a1", bool staff = true, string type = nameof(Family)) => new()
    {
        Summary = summary,
        AtUtc = atUtc,
        ActorAccountId = actor,
        ActorName = actor switch { "a1" => "Anne UN", "b2" => "Bruno DEUX", _ => "Parent TROIS" },
        ActorLogin = actor,
        ActorIsStaff = staff,
        EntityType = type,
        Action = JournalAction.Modified,
    };

    private static List<string> Summaries(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("tbody th[scope=row]").Select(th => th.ChildNodes[0].TextContent.Trim()).ToList();

    [Fact]
    public async Task Filters_by_period_author_kind_and_text_newest_first_and_never_another_collectivites()
    {
        var (tenant, _, client) = await AdministratorAsync();
        var other = await TenantBuilder.CreateAsync(factory);
        // Paris is UTC+1 in November: 23:30 UTC on the 9th is already the 10th in Paris.
        await SeedAsync(tenant.MunicipalityId,
            Entry("E1 Famille ALPHA modifiée", new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc)),
            Entry("E2 Site Justice modifié", new DateTime(2026, 11, 9, 23, 30, 0, DateTimeKind.Utc), actor: "b2", type: nameof(Site)),
            Entry("E3 Panier validé", new DateTime(2026, 11, 12, 9, 0, 0, DateTimeKind.Utc), actor: "p3", staff: false, type: "BasketValidation"),
            Entry("E4 Enfant Élodie BÊTA modifié", new DateTime(2026, 11, 14, 9, 0, 0, DateTimeKind.Utc), type: nameof(Child)));
        await SeedAsync(other.MunicipalityId, Entry("E9 Famille ÉTRANGÈRE modifiée", new DateTime(2026, 11, 12, 9, 0, 0, DateTimeKind.Utc)));

        async Task<List<string>> Search(string query) => Summaries(await client.GetPageAsync(Url + query)).Where(s => s.StartsWith('E')).ToList();

        Assert.Equal(["E4 Enfant Élodie BÊTA modifié", "E3 Panier validé", "E2 Site Justice modifié", "E1 Famille ALPHA modifiée"], await Search(""));
        Assert.Equal(["E4 Enfant Élodie BÊTA modifié", "E3 Panier validé", "E2 Site Justice modifié"], await Search("?du=2026-11-10"));
        Assert.Equal(["E1 Famille ALPHA modifiée"], await Search("?au=2026-11-09"));
        Assert.Equal(["E2 Site Justice modifié"], await Search("?auteur=b2"));
        Assert.Equal(["E3 Panier validé"], await Search("?auteur=familles"));
        Assert.Equal(["E4 Enfant Élodie BÊTA modifié", "E2 Site Justice modifié", "E1 Famille ALPHA modifiée"], await Search("?auteur=personnel"));
        Assert.Equal(["E4 Enfant Élodie BÊTA modifié"], await Search("?type=Child"));
        Assert.Equal(["E4 Enfant Élodie BÊTA modifié"], await Search("?q=" + Uri.EscapeDataString("Élodie")));
        Assert.Equal(["E1 Famille ALPHA modifiée"], await Search("?q=alpha"));
        Assert.Equal(["E2 Site Justice modifié"], await Search("?q=Bruno"));
        Assert.Empty(await Search("?q=" + Uri.EscapeDataString("ÉTRANGÈRE")));
        // « _ » and « % » are searched as such, not as wildcards.
        Assert.Empty(await Search("?q=E_"));
        var invalid = await client.GetPageAsync(Url + "?du=demain");
        Assert.Equal("Saisissez une date au format jj/mm/aaaa.", PageClient.ErrorOf(invalid, "du"));
    }

    [Fact]
    public async Task The_journal_is_paginated_fifty_entries_a_page()
    {
        var (tenant, _, client) = await AdministratorAsync();
        var start = new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc);
        await SeedAsync(tenant.MunicipalityId, Enumerable.Range(1, 60).Select(i => Entry($"Lot-{i:00}", start.AddHours(i))).ToArray());

        var first = await client.GetPageAsync(Url + "?q=Lot-");
        var second = await client.GetPageAsync(first.QuerySelector("a.button[href*='p=2']")!.GetAttribute("href")!);

        Assert.Equal(Enumerable.Range(11, 50).Reverse().Select(i => $"Lot-{i:00}"), Summaries(first));
        Assert.Equal(Enumerable.Range(1, 10).Reverse().Select(i => $"Lot-{i:00}"), Summaries(second));
        Assert.Contains("60 entrée(s), page 2 sur 2", second.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agents_do_not_see_the_journal()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var agent = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent));

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync(Url)).StatusCode);
        Assert.Null((await agent.GetPageAsync("/admin")).QuerySelector($"a[href='{Url}']"));
    }
}
