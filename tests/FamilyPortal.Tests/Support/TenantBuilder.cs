using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Support;

/// <summary>Makes a fresh collectivité per test, so tests never share rows.</summary>
public static class TenantBuilder
{
    /// <param name="LinkedAccountId">The parent account already linked to the family, when one was made.</param>
    public sealed record Tenant(int MunicipalityId, string Name, int SiteId, int ActivityId, int FamilyId, int ChildId,
        string AdhesionCode, string FamilyEmail, string? LinkedAccountId)
    {
        /// <summary>A families file kept for its preview in this collectivité.</summary>
        public Guid ImportDraftId { get; init; }
    }

    /// <param name="childFirstName">First name of the family's child, to tell the children of two collectivités apart.</param>
    /// <param name="linkAccount">Also makes a parent account already linked to the family (one of its places).</param>
    /// <param name="maxAccountsPerFamily">The collectivité's maximum of accounts per family.</param>
    public static async Task<Tenant> CreateAsync(PortalFactory factory, string? name = null, string childFirstName = "Lou",
        bool linkAccount = true, int maxAccountsPerFamily = Municipality.DefaultMaxAccountsPerFamily)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var vault = scope.ServiceProvider.GetRequiredService<AdhesionCodeVault>();
        db.Tenant.EnterPlatformScope();
        var unique = Guid.NewGuid().ToString("N")[..8];
        var municipality = new Municipality
        {
            Name = name ?? $"COMMUNE TEST {unique}",
            ShortName = $"test-{unique}",
            ContactEmail = $"mairie-{unique}@exemple.test",
            MaxAccountsPerFamily = maxAccountsPerFamily,
        };
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();

        var kind = new ServiceKind { MunicipalityId = municipality.Id, Name = "Restauration scolaire", IsCatering = true };
        var site = new Site { MunicipalityId = municipality.Id, Name = "Groupe scolaire Test", Prefix = "GT" };
        var activity = new Activity
        {
            MunicipalityId = municipality.Id,
            Site = site,
            ServiceKind = kind,
            Label = "GT - RESTAURATION",
            UnitPrice = 4.10m,
            Capacity = 30,
        };
        var code = AdhesionCode.Generate();
        TestSecrets.Add(code, "adhesion code");
        var email = $"famille-{unique}@exemple.test";
        var family = new Family { MunicipalityId = municipality.Id, HouseholdName = "MARTIN", Email = email };
        vault.Assign(family, code);
        var child = new Child { MunicipalityId = municipality.Id, Family = family, FirstName = childFirstName, LastName = "MARTIN", Site = site };
        db.Add(new ResponsibleAdult
        {
            MunicipalityId = municipality.Id,
            Family = family,
            Position = 1,
            Civility = "Mme",
            FirstName = "Camille",
            LastName = "MARTIN",
            Relationship = "Mère",
            Email = email,
            MobilePhone = "0612345678",
        });
        db.AddRange(kind, site, activity, family, child);
        await db.SaveChangesAsync();
        // A document type no longer asked, with a refused document: rows for the tenancy tests, invisible to the pages.
        db.Add(new SupportingDocument
        {
            MunicipalityId = municipality.Id,
            FamilyId = family.Id,
            Type = new SupportingDocumentType { MunicipalityId = municipality.Id, Name = "Ancien justificatif", IsActive = false },
            Status = DocumentStatus.Refused,
            FileName = "ancien.pdf",
            ContentType = "application/pdf",
            Sha256 = "",
            SealedContent = scope.ServiceProvider.GetRequiredService<SensitiveData>().Seal("%PDF-1.4 %%EOF"u8),
        });
        await db.SaveChangesAsync();

        string? accountId = null;
        if (linkAccount)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
            var account = new PortalAccount
            {
                UserName = $"parent-{unique}",
                Email = email,
                EmailConfirmed = true,
                HouseholdName = "MARTIN",
                LastName = "MARTIN",
                FirstName = "Camille",
            };
            var created = await users.CreateAsync(account);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Code)));
            db.Memberships.Add(new Membership { MunicipalityId = municipality.Id, FamilyId = family.Id, AccountId = account.Id });
            await db.SaveChangesAsync();
            accountId = account.Id;
        }
        await AddReservationRowsAsync(scope.ServiceProvider, db, municipality.Id, activity.Id, child.Id, unique);
        var importDraftId = await AddImportDraftAsync(scope.ServiceProvider, db, municipality.Id, unique);
        await BillingRows.AddAsync(db, municipality.Id, family.Id, child.Id, activity.Id);
        await DirectDebitRows.AddAsync(scope.ServiceProvider, db, municipality.Id, family.Id,
            await db.Invoices.IgnoreQueryFilters().Where(i => i.FamilyId == family.Id).Select(i => i.Id).SingleAsync());
        await FamilyFileRows.AddAsync(scope.ServiceProvider, db, municipality.Id, family.Id, child.Id,
            await db.SchoolYears.IgnoreQueryFilters().Where(y => y.MunicipalityId == municipality.Id).Select(y => y.Id).FirstAsync());
        await EnrolmentRows.AddAsync(db, municipality.Id, child.Id, activity.Id);
        // A reminder to book sent for a past week: its row is for the isolation tests, and next week is still to remind.
        db.BookingRemindersSent.Add(new BookingReminderSent { MunicipalityId = municipality.Id, FamilyId = family.Id, WeekStart = new DateOnly(2026, 11, 2), SentAtUtc = new DateTime(2026, 10, 29, 8, 0, 0, DateTimeKind.Utc), Lines = 1 });
        await db.SaveChangesAsync();
        return new Tenant(municipality.Id, municipality.Name, site.Id, activity.Id, family.Id, child.Id, code, email, accountId) { ImportDraftId = importDraftId };
    }

    /// <summary>
    /// The school year and holidays the reservation tests rely on, and one row of every other tenant-owned
    /// kind, so the isolation tests have something to hide. The basket belongs to an account of its own.
    /// </summary>
    private static async Task AddReservationRowsAsync(IServiceProvider services, FamilyPortalDbContext db, int municipalityId, int activityId, int childId, string unique)
    {
        db.SchoolYears.Add(new SchoolYear
        {
            MunicipalityId = municipalityId,
            Label = "2026-2027",
            StartDate = new DateOnly(2026, 9, 1),
            EndDate = new DateOnly(2027, 7, 3),
        });
        db.Closures.Add(new Closure
        {
            MunicipalityId = municipalityId,
            StartDate = new DateOnly(2026, 12, 19),
            EndDate = new DateOnly(2027, 1, 3),
            Reason = "Vacances de Noël",
        });
        var users = services.GetRequiredService<UserManager<PortalAccount>>();
        var basketOwner = new PortalAccount { UserName = $"panier-{unique}", Email = $"panier-{unique}@exemple.test", EmailConfirmed = true };
        Assert.True((await users.CreateAsync(basketOwner)).Succeeded);
        var friday = new DateOnly(2026, 11, 20);
        db.CapacityOverrides.Add(new CapacityOverride { MunicipalityId = municipalityId, ActivityId = activityId, Date = new DateOnly(2026, 12, 18), Capacity = 10 });
        db.Bookings.Add(new Booking { MunicipalityId = municipalityId, ChildId = childId, ActivityId = activityId, Date = friday });
        db.ActivityDayLoads.Add(new ActivityDayLoad { MunicipalityId = municipalityId, ActivityId = activityId, Date = friday, Booked = 1 });
        db.BasketLines.Add(new BasketLine
        {
            MunicipalityId = municipalityId,
            AccountId = basketOwner.Id,
            ChildId = childId,
            ActivityId = activityId,
            Date = new DateOnly(2027, 1, 4),
            Kind = BasketLineKind.Add,
        });
        db.BasketValidations.Add(new BasketValidation { MunicipalityId = municipalityId, AccountId = basketOwner.Id, Summary = "" });
        // A draft actualité (families never see it) and its reading by an account.
        var news = new NewsItem { MunicipalityId = municipalityId, Title = "Brouillon du test", Body = "Pas encore publié." };
        db.NewsItems.Add(news);
        await db.SaveChangesAsync();
        db.NewsReads.Add(new NewsRead { MunicipalityId = municipalityId, NewsItemId = news.Id, AccountId = basketOwner.Id });
        await db.SaveChangesAsync();
    }

    /// <summary>A families file waiting for its confirmation, as a staff member's upload leaves it.</summary>
    private static async Task<Guid> AddImportDraftAsync(IServiceProvider services, FamilyPortalDbContext db, int municipalityId, string unique)
    {
        var sender = new PortalAccount
        {
            UserName = $"import-{unique}",
            Email = $"import-{unique}@mairie.exemple.test",
            EmailConfirmed = true,
        };
        Assert.True((await services.GetRequiredService<UserManager<PortalAccount>>().CreateAsync(sender)).Succeeded);
        var draft = new FamilyImportDraft
        {
            Id = Guid.NewGuid(),
            MunicipalityId = municipalityId,
            AccountId = sender.Id,
            CreatedAtUtc = new DateTime(2026, 11, 16, 7, 0, 0, DateTimeKind.Utc),
            FileName = "familles.csv",
            EncodingName = "UTF-8",
            Content = "Référence;Nom du foyer;Email;Responsable 1 nom;Responsable 1 prénom;Enfant nom;Enfant prénom;Date de naissance\r\nX-1;PIRATE;pirate@exemple.test;PIRATE;Jean;PIRATE;Lou;01/02/2018\r\n",
        };
        db.FamilyImportDrafts.Add(draft);
        await db.SaveChangesAsync();
        return draft.Id;
    }
}
