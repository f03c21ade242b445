using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Data.Demo;

/// <summary>
/// The demo collectivité of the parents' guide, so that a newcomer can try the portal at once:
/// COMMUNE D'ECROUVES, its two sites and their activities, the DUPOND family, an administrator and an operator.
/// </summary>
public sealed class DemoData(FamilyPortalDbContext db, UserManager<PortalAccount> users, AdhesionCodeVault codes, SensitiveData sensitive, TimeProvider time)
{
    public const string MunicipalityName = "COMMUNE D'ECROUVES";
    public const string FamilyCode = "WKMLY75KOA";
    public const string FamilyEmail = "famille.dupond@exemple.fr";
    public const string AdministratorLogin = "admin.ecrouves";
    public const string AdministratorPassword = "Ecrouves-Demo-2026";
    public const string OperatorLogin = "operateur";
    public const string OperatorPassword = "Plateforme-Demo-2026";

    /// <summary>Meals are ordered from the caterer two working days ahead.</summary>
    public static readonly BookingRule MealRule = new()
    {
        BookingDeadline = Deadline.DaysBeforeAt(2, new TimeOnly(10, 0), workingDays: true),
        CancellationDeadline = Deadline.DaysBeforeAt(2, new TimeOnly(10, 0), workingDays: true),
    };

    /// <summary>After-school care is planned weekly; a day can still be cancelled the evening before.</summary>
    public static readonly BookingRule CareRule = new()
    {
        BookingDeadline = Deadline.PreviousWeekOn(DayOfWeek.Thursday, new TimeOnly(12, 0)),
        CancellationDeadline = Deadline.DaysBeforeAt(1, new TimeOnly(18, 0), workingDays: true),
    };

    public async Task<bool> IsNeededAsync(CancellationToken ct) =>
        !await db.Municipalities.AnyAsync(ct);

    public async Task SeedAsync(CancellationToken ct)
    {
        db.Tenant.EnterPlatformScope();
        var now = time.GetUtcNow().UtcDateTime;
        var commune = new Municipality
        {
            Name = MunicipalityName,
            ShortName = "ecrouves",
            ContactEmail = "mairie@ecrouves.exemple.fr",
            PostalAddress = "Mairie d'Ecrouves, 54200 Ecrouves",
            // Meurthe-et-Moselle: the metropolitan public holidays (not Moselle's) and the académie de Nancy-Metz.
            Holidays = HolidayCalendar.Metropole,
            SchoolZone = SchoolZone.B,
            // « Payer en ligne » in test mode, against the PayFiP simulator of tools/ (see the README).
            PayFipClientNumber = "000000",
            PayFipMode = PayFipMode.Test,
            // Printed on the attestations fiscales; a made-up SIRET whose key is right.
            Siret = DemoPaidCare.Siret,
            SignatoryName = "Claire MARCHAL",
            SignatoryTitle = "Maire",
            RemindersEnabled = true,
            FirstReminderDays = 15,
            SecondReminderDays = 45,
            ReminderText = "Vous pouvez payer en ligne depuis « Mes factures », ou à la régie de la mairie (chèque, espèces, carte bancaire) du lundi au vendredi de 9 h à 12 h.",
            CreatedAtUtc = now,
        };
        DemoDirectDebit.SetCreditor(commune);
        db.Municipalities.Add(commune);
        await db.SaveChangesAsync(ct);

        var restauration = new ServiceKind { MunicipalityId = commune.Id, Name = "Restauration scolaire", IsCatering = true };
        var periscolaire = new ServiceKind { MunicipalityId = commune.Id, Name = "Périscolaire" };
        var justice = new Site { MunicipalityId = commune.Id, Name = "Groupe scolaire Justice", Prefix = "GJ" };
        var bautzen = new Site { MunicipalityId = commune.Id, Name = "Centre Bautzen", Prefix = "BC" };
        db.AddRange(restauration, periscolaire, justice, bautzen);
        await db.SaveChangesAsync(ct);

        AddActivities(commune.Id, justice, restauration, periscolaire, "JUSTICE - RESTAURATION");
        AddActivities(commune.Id, bautzen, restauration, periscolaire, "S/ FETES - RESTAURATION");
        AddCalendar(commune.Id);

        var family = new Family
        {
            MunicipalityId = commune.Id,
            HouseholdName = "DUPOND",
            Reference = "F-0001",
            Email = FamilyEmail,
        };
        codes.Assign(family, FamilyCode);
        family.Adults.Add(new ResponsibleAdult
        {
            MunicipalityId = commune.Id,
            Position = 1,
            Civility = "Mme",
            FirstName = "Marie",
            LastName = "DUPOND",
            Relationship = "Mère",
            Email = "marie.dupond@exemple.fr",
            MobilePhone = "0612345678",
        });
        family.Adults.Add(new ResponsibleAdult
        {
            MunicipalityId = commune.Id,
            Position = 2,
            Civility = "M.",
            FirstName = "Paul",
            LastName = "DUPOND",
            Relationship = "Père",
            MobilePhone = "0698765432",
            WorkPhone = "0383112233",
        });
        family.Children.Add(new Child
        {
            MunicipalityId = commune.Id,
            FirstName = "ANNE",
            LastName = "DUPOND",
            BirthDate = new DateOnly(2016, 5, 12),
            SchoolClass = "CE2",
            Site = justice,
        });
        family.Children.Add(new Child
        {
            MunicipalityId = commune.Id,
            FirstName = "LÉO",
            LastName = "DUPOND",
            BirthDate = new DateOnly(2019, 9, 3),
            SchoolClass = "GS",
            Site = justice,
        });
        db.Families.Add(family);
        await db.SaveChangesAsync(ct);
        DemoFamilyFile.Add(db, sensitive, family, now);
        await db.SaveChangesAsync(ct);
        await new DemoBilling(db, time).SeedAsync(commune.Id, family, ct);
        DemoDirectDebit.AddMandate(db, sensitive, commune, family, now);
        await db.SaveChangesAsync(ct);
        await new DemoPaidCare(db, time).SeedAsync(commune.Id, family, ct);
        await new DemoEnrolments(db, time).SeedAsync(commune.Id, justice, periscolaire, family, ct);

        AddNews(commune.Id, now);
        await db.SaveChangesAsync(ct);

        await CreateAccountAsync(AdministratorLogin, AdministratorPassword, "admin@ecrouves.exemple.fr", Roles.Administrator, commune.Id, now);
        var administratorId = await db.Users.Where(u => u.UserName == AdministratorLogin).Select(u => u.Id).SingleAsync(ct);
        await DemoAttendance.SeedAsync(db, commune.Id, family, administratorId, ct);
        await CreateAccountAsync(OperatorLogin, OperatorPassword, "operateur@portail-famille.exemple.fr", Roles.Operator, null, now);
        DemoMessages.Add(db, family, await db.Users.Where(u => u.UserName == AdministratorLogin).Select(u => u.Id).SingleAsync(ct), now);
        await db.SaveChangesAsync(ct);

        // Last: the deposit reads the collectivité's types as a request of the collectivité does.
        db.Tenant.Enter(commune.Id);
        await DemoDocuments.SeedAsync(db, sensitive, time, family, ct);
    }

    /// <summary>School year 2026-2027 and the holidays of zone B (académie de Nancy-Metz).</summary>
    private void AddCalendar(int municipalityId)
    {
        db.SchoolYears.Add(new SchoolYear
        {
            MunicipalityId = municipalityId,
            Label = "2026-2027",
            StartDate = new DateOnly(2026, 9, 1),
            EndDate = new DateOnly(2027, 7, 3),
        });
        (DateOnly Start, DateOnly End, string Reason)[] holidays =
        [
            (new(2026, 10, 17), new(2026, 11, 1), "Vacances de la Toussaint"),
            (new(2026, 12, 19), new(2027, 1, 3), "Vacances de Noël"),
            // The winter holidays close the school activities only: see DemoEnrolments.
            (new(2027, 4, 17), new(2027, 5, 2), "Vacances de printemps"),
        ];
        foreach (var (start, end, reason) in holidays)
        {
            db.Closures.Add(new Closure { MunicipalityId = municipalityId, StartDate = start, EndDate = end, Reason = reason });
        }
    }

    /// <summary>Two actualités already published, so the parents' first tab is not empty.</summary>
    private void AddNews(int municipalityId, DateTime now)
    {
        db.NewsItems.Add(new NewsItem
        {
            MunicipalityId = municipalityId,
            Title = "Inscriptions périscolaires",
            Body = "Les inscriptions à l'accueil périscolaire du matin et du soir se font désormais en ligne, dans « Mes réservations ».\n\n"
                + "Pensez à réserver avant le jeudi midi de la semaine précédente. Pour toute question, contactez la mairie.",
            PublishFromUtc = now.AddDays(-7),
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        });
        db.NewsItems.Add(new NewsItem
        {
            MunicipalityId = municipalityId,
            Title = "Menus de la semaine",
            Body = "Les menus de la restauration scolaire de la semaine sont affichés à l'entrée de chaque groupe scolaire.\n\n"
                + "Ils sont aussi consultables sur le site de la commune : https://ecrouves.exemple.fr/menus",
            PublishFromUtc = now.AddDays(-1),
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        });
    }

    private void AddActivities(int municipalityId, Site site, ServiceKind meal, ServiceKind care, string mealLabel)
    {
        var p = site.Prefix;
        (string Label, ServiceKind Kind, TimeOnly Start, TimeOnly End, decimal Price)[] rows =
        [
            (mealLabel, meal, new(11, 45), new(13, 30), 4.10m),
            ($"{p} - PERISCOLAIRE MATIN", care, new(7, 30), new(8, 20), 1.60m),
            ($"{p} - PERISCOLAIRE MIDI", care, new(11, 45), new(13, 30), 1.20m),
            ($"{p} - PERI SOIR - 16H05/17H05", care, new(16, 5), new(17, 5), 1.80m),
            ($"{p} - PERI SOIR - 17H05/18H05", care, new(17, 5), new(18, 5), 1.80m),
            ($"{p} - PERI SOIR - 18H05/18H35", care, new(18, 5), new(18, 35), 0.90m),
        ];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            db.Activities.Add(new Activity
            {
                MunicipalityId = municipalityId,
                Site = site,
                ServiceKind = row.Kind,
                Label = row.Label,
                StartTime = row.Start,
                EndTime = row.End,
                UnitPrice = row.Price,
                SortOrder = i,
                Capacity = row.Kind == meal ? 120 : 40,
                Days = ServiceDays.SchoolWeek,
                Rule = row.Kind == meal ? MealRule : CareRule,
                // Childcare counts for the attestation fiscale (frais de garde); meals never do.
                TaxCreditEligible = row.Kind == care,
            });
        }
    }

    /// <summary>
    /// Enrols the authenticator of the demo administrator and operator, unless it already is, and returns
    /// each one's key (demonstration mode only: the keys are then printed in the start-up log).
    /// </summary>
    public async Task<IReadOnlyList<(string Login, string Key)>> EnrolStaffAuthenticatorsAsync()
    {
        var keys = new List<(string, string)>();
        foreach (var login in new[] { AdministratorLogin, OperatorLogin })
        {
            var account = await users.FindByNameAsync(login);
            if (account is null)
            {
                continue;
            }
            if (!await users.GetTwoFactorEnabledAsync(account))
            {
                await users.ResetAuthenticatorKeyAsync(account);
                await users.SetTwoFactorEnabledAsync(account, true);
            }
            keys.Add((login, await users.GetAuthenticatorKeyAsync(account)
                ?? throw new InvalidOperationException("The demo staff account has no authenticator key.")));
        }
        return keys;
    }

    private async Task CreateAccountAsync(string login, string password, string email, string role, int? municipalityId, DateTime now)
    {
        var account = new PortalAccount
        {
            UserName = login,
            Email = email,
            EmailConfirmed = true,
            StaffMunicipalityId = municipalityId,
            CreatedAtUtc = now,
        };
        var created = await users.CreateAsync(account, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Demo account creation failed: " + string.Join("; ", created.Errors.Select(e => e.Code)));
        }
        await users.AddToRoleAsync(account, role);
    }
}
