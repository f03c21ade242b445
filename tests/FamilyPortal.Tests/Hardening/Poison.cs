using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Hardening;

/// <summary>
/// Writes hostile markup into every free-text column of one collectivité: each string column of each of its
/// tables (found in the model, so tables added later are covered), its own name and address, and the names of
/// its people. Columns that are addresses, codes, hashes, ids or fixed choices keep their values.
/// </summary>
public static class Poison
{
    private static readonly string[] Untouched =
        ["Email", "Phone", "Code", "Lookup", "Protected", "Hash", "Stamp", "Token", "AccountId", "ShortName", "TimeZoneId",
         "NotificationChannel", "IpAddress", "UserName", "Discriminator",
         // Written by the portal itself, not typed: the journal's entity names and its changes (JSON).
         "EntityType", "EntityKey", "Changes"];

    private static readonly string[] AccountColumns = ["HouseholdName", "LastName", "FirstName", "SecretQuestion"];

    /// <summary>The marker given to a column: script and attribute break-outs in turn, with the column's name to tell them apart.</summary>
    public static string MarkerFor(int index, string column) =>
        (index % 2 == 0 ? HostileValues.ScriptMarker : HostileValues.AttributeMarker) + column;

    /// <summary>Poisons the collectivité's rows and the given accounts; returns « Table.Column » → value written.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ApplyAsync(PortalFactory factory, int municipalityId, IEnumerable<string> accountIds)
    {
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        await using var connection = DatabaseFingerprint.Connect(factory);
        await connection.OpenAsync();
        var index = 0;
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.BaseType is null))
        {
            var tenantOwned = typeof(ITenantOwned).IsAssignableFrom(entity.ClrType);
            var isMunicipality = entity.ClrType == typeof(Municipality);
            var isAccount = entity.ClrType == typeof(PortalAccount);
            if (!tenantOwned && !isMunicipality && !isAccount)
            {
                continue;
            }
            var columns = entity.GetProperties()
                .Where(p => p.ClrType == typeof(string) && !p.IsKey() && !p.IsForeignKey() && !p.IsConcurrencyToken)
                .Where(p => !Untouched.Any(u => p.Name.Contains(u, StringComparison.Ordinal)))
                .Where(p => !isAccount || AccountColumns.Contains(p.Name))
                .ToList();
            foreach (var column in columns)
            {
                var table = entity.GetTableName()!;
                var value = MarkerFor(index++, column.Name);
                if (TestDatabase.IsPostgreSql && value.Length > column.GetMaxLength())
                {
                    // PostgreSQL refuses text longer than its column, as the portal's forms do; the SQLite run covers it.
                    continue;
                }
                await using var command = connection.CreateCommand();
                command.CommandText = isAccount
                    ? $"UPDATE \"{table}\" SET \"{column.GetColumnName()}\" = @v WHERE \"Id\" IN ({string.Join(',', accountIds.Select((_, i) => $"@a{i}"))});"
                    : $"UPDATE \"{table}\" SET \"{column.GetColumnName()}\" = @v WHERE \"{(isMunicipality ? "Id" : "MunicipalityId")}\" = @m;";
                Add(command, "@v", value);
                Add(command, "@m", municipalityId);
                foreach (var (id, i) in accountIds.Select((id, i) => (id, i)))
                {
                    Add(command, $"@a{i}", id);
                }
                await command.ExecuteNonQueryAsync();
                written[$"{table}.{column.GetColumnName()}"] = value;
            }
        }
        return written;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
