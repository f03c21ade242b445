using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Journal;

/// <summary>The « Journal » page: filters, pages of fifty, closed to agents; and no secret ever stored in an entry.</summary>
public sealed class JournalConsultationTests(AccountsFactory fixture) : JournalTestsBase(fixture), IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task No_secret_ever_reaches_the_journal()
    {
        var (tenant, _, client) = await AdministratorAsync();
        var colleague = await StaffJourney.CreateAsync(Factory, tenant.MunicipalityId, Roles.Agent);
        await StaffJourney.SignInAsync(Factory, colleague);

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
            var vault = Factory.Services.GetRequiredService<AdhesionCodeVault>();
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
        using var scope = Factory.Services.CreateScope();
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

    [Fact]
    public async Task Filters_by_period_author_kind_and_text_newest_first_and_never_another_collectivites()
    {
        var (tenant, _, client) = await AdministratorAsync();
        var other = await TenantBuilder.CreateAsync(Factory);
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
        var tenant = await TenantBuilder.CreateAsync(Factory);
        var agent = await StaffJourney.SignInAsync(Factory, await StaffJourney.CreateAsync(Factory, tenant.MunicipalityId, Roles.Agent));

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync(Url)).StatusCode);
        Assert.Null((await agent.GetPageAsync("/admin")).QuerySelector($"a[href='{Url}']"));
    }
}
