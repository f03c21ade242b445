using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FamilyPortal.Benchmarks.Load;

/// <summary>A family of the seeded town, its children in the order the grid lists them, and its site.</summary>
internal sealed record SeededFamily(int Id, IReadOnlyList<int> ChildIds, int SiteId);

/// <summary>
/// The parents' accounts, each joined to a family file, written with prepared statements like the rest of the
/// data. Every account has the same password, so its hash is computed once: PBKDF2 at the portal's iteration
/// count takes a tenth of a second, and computing it for each of 5,000 accounts would take minutes.
/// </summary>
internal static class ParentAccounts
{
    public const string Password = "Tilleul-Verger-Cantine-2026";

    public static string Login(int index) => $"parent{index:D5}";

    public static IReadOnlyList<SeededFamily> Families(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT FamilyId, Id, SiteId FROM Children ORDER BY FamilyId, BirthDate, FirstName";
        using var reader = command.ExecuteReader();
        var families = new List<SeededFamily>();
        var (familyId, siteId, children) = (-1, 0, new List<int>());
        while (reader.Read())
        {
            if (reader.GetInt32(0) != familyId)
            {
                Flush();
                (familyId, siteId, children) = (reader.GetInt32(0), reader.GetInt32(2), []);
            }
            children.Add(reader.GetInt32(1));
        }
        Flush();
        return families;

        void Flush()
        {
            if (familyId >= 0)
            {
                families.Add(new SeededFamily(familyId, children, siteId));
            }
        }
    }

    /// <summary>
    /// Account n joins family n modulo the number of families: the first accounts are one per family, so a
    /// run with fewer parents than families never has two parents of one family booking at once.
    /// </summary>
    public static void Insert(SqliteConnection connection, int municipalityId, IReadOnlyList<SeededFamily> families,
        int count, string passwordHash, DateTime nowUtc)
    {
        var now = nowUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        using var transaction = connection.BeginTransaction();
        using var account = BulkLoader.Prepare(connection, transaction,
            "INSERT INTO AspNetUsers (Id, HouseholdName, LastName, FirstName, NotificationChannel, CreatedAtUtc, UserName, NormalizedUserName, " +
            "Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, " +
            "LockoutEnabled, AccessFailedCount) " +
            "VALUES ($id, $household, $household, 'Parent', 'E-mail', $now, $login, $normalizedLogin, $email, $normalizedEmail, 1, $hash, " +
            "$stamp, $concurrency, 0, 0, 1, 0)",
            "$id", "$household", "$now", "$login", "$normalizedLogin", "$email", "$normalizedEmail", "$hash", "$stamp", "$concurrency");
        using var membership = BulkLoader.Prepare(connection, transaction,
            "INSERT INTO Memberships (MunicipalityId, FamilyId, AccountId, CreatedAtUtc) VALUES ($municipality, $family, $account, $now)",
            "$municipality", "$family", "$account", "$now");
        for (var n = 0; n < count; n++)
        {
            var family = families[n % families.Count];
            var id = Guid.NewGuid().ToString();
            var login = Login(n);
            var email = $"{login}@banc-essai.exemple.fr";
            BulkLoader.Run(account, id, $"FAMILLE{family.Id}", now, login, login.ToUpperInvariant(), email, email.ToUpperInvariant(),
                passwordHash, Guid.NewGuid().ToString("N").ToUpperInvariant(), Guid.NewGuid().ToString());
            BulkLoader.Run(membership, municipalityId, family.Id, id, now);
        }
        transaction.Commit();
    }
}
