namespace FamilyPortal.Web.Features.Families.Rules;

/// <summary>
/// A person the family names: to call in an emergency and/or authorised to pick the children up, once per
/// family, attached to the children concerned.
/// </summary>
public sealed record ContactValues(int Id, string FirstName, string LastName, string? Relationship, string Phone,
    bool Emergency, bool Pickup, IReadOnlyList<int> ChildIds)
{
    public string FullName => $"{FirstName} {LastName}";

    /// <summary>One line: « Grand-mère, 06 12 34 56 78, à prévenir en cas d'urgence, autorisée à récupérer : Lou ».</summary>
    public string Describe(IReadOnlyDictionary<int, string> childNames)
    {
        ArgumentNullException.ThrowIfNull(childNames);
        var roles = new[] { Emergency ? "à prévenir en cas d'urgence" : null, Pickup ? "autorisée à récupérer l'enfant" : null }.Where(r => r is not null);
        var children = string.Join(", ", ChildIds.Select(id => childNames.GetValueOrDefault(id, $"enfant n° {id}")));
        return string.Join(", ", new[] { Relationship, Phone }.Concat(roles).Where(p => !string.IsNullOrEmpty(p)))
            + (children.Length == 0 ? "" : $" ; enfants : {children}");
    }

    /// <summary>Same person: same first and last name, whatever the case and accents typed.</summary>
    public bool IsSamePerson(ContactValues other) =>
        other is not null
        && string.Equals(FirstName.Trim(), other.FirstName.Trim(), StringComparison.OrdinalIgnoreCase)
        && string.Equals(LastName.Trim(), other.LastName.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Contacts added, removed or changed, one line per person.</summary>
    public static IReadOnlyList<FieldChange> Differences(IReadOnlyList<ContactValues> before, IReadOnlyList<ContactValues> after,
        IReadOnlyDictionary<int, string> childNames)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<FieldChange>();
        foreach (var old in before)
        {
            var now = after.FirstOrDefault(a => a.Id == old.Id && old.Id != 0);
            var was = old.Describe(childNames);
            var @is = now?.Describe(childNames);
            if (was != @is || now?.FullName != old.FullName)
            {
                changes.Add(new FieldChange($"Contacts[{old.Id}]", $"Contact {old.FullName}", was, now is null ? null : $"{now.FullName} : {@is}"));
            }
        }
        foreach (var added in after.Where(a => a.Id == 0 || before.All(b => b.Id != a.Id)))
        {
            changes.Add(new FieldChange("Contacts[new]", $"Contact {added.FullName}", null, added.Describe(childNames)));
        }
        return changes;
    }
}
