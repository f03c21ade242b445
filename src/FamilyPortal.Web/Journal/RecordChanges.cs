using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace FamilyPortal.Web.Journal;

/// <summary>
/// What a tracked record's change is worth writing in the journal: its key as text and the fields before and
/// after, secrets masked. The interceptor decides when to ask; this decides what the entry says.
/// </summary>
public static class RecordChanges
{
    /// <summary>The record's key as text (« 12 », or « 5|2026-11-20 » for a composite key); null while the database has not given it.</summary>
    public static string? KeyOf(EntityEntry record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var key = record.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return null;
        }
        var parts = new List<string>();
        foreach (var property in key.Properties)
        {
            var entry = record.Property(property.Name);
            if (entry.IsTemporary)
            {
                return null;
            }
            parts.Add(entry.CurrentValue switch
            {
                DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other?.ToString() ?? "",
            });
        }
        return string.Join('|', parts);
    }

    /// <summary>The fields of the record that changed (or, for a creation or deletion, that have a value).</summary>
    public static List<JournalChange> ChangesOf(EntityEntry record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var changes = new List<JournalChange>();
        AddChanges(record.State, record.Properties, "", changes);
        foreach (var complex in record.ComplexProperties)
        {
            AddComplex(record.State, complex, "", changes);
        }
        return changes;
    }

    private static void AddComplex(EntityState state, ComplexPropertyEntry complex, string prefix, List<JournalChange> changes)
    {
        var path = $"{prefix}{complex.Metadata.Name}.";
        AddChanges(state, complex.Properties, path, changes);
        foreach (var inner in complex.ComplexProperties)
        {
            AddComplex(state, inner, path, changes);
        }
    }

    private static void AddChanges(EntityState state, IEnumerable<PropertyEntry> properties, string prefix, List<JournalChange> changes)
    {
        foreach (var property in properties)
        {
            var name = property.Metadata.Name;
            if (property.Metadata.IsPrimaryKey() || JournalSecrets.IsNoise(name))
            {
                continue;
            }
            var field = prefix + name;
            var secret = JournalSecrets.IsSecret(name, property.Metadata.ClrType, property.Metadata.DeclaringType.ClrType);
            if (state == EntityState.Modified)
            {
                if (!property.IsModified || property.Metadata.GetValueComparer().Equals(property.OriginalValue, property.CurrentValue))
                {
                    continue;
                }
                changes.Add(secret
                    ? new JournalChange(field, null, null, Masked: true)
                    : new JournalChange(field, JournalValues.Format(property.OriginalValue), JournalValues.Format(property.CurrentValue)));
                continue;
            }
            var value = state == EntityState.Deleted ? property.OriginalValue : property.CurrentValue;
            if (IsEmpty(value))
            {
                continue;
            }
            var text = secret ? null : JournalValues.Format(value);
            changes.Add(state == EntityState.Deleted
                ? new JournalChange(field, text, null, secret)
                : new JournalChange(field, null, text, secret));
        }
    }

    /// <summary>Nothing worth reading on a new or removed record: no value, an empty text, « non », a default choice.</summary>
    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        bool b => !b,
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture) == 0,
        _ => false,
    };
}
