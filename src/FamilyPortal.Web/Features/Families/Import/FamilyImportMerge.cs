namespace FamilyPortal.Web.Features.Families.Import;

public enum ImportAction
{
    Create,
    Update,
    Unchanged,
}

/// <summary>What importing one family of the file does (or did) to the stored file.</summary>
public sealed record FamilyOutcome(ImportedFamily Row, Family Family, ImportAction Action,
    int AdultsAdded, int AdultsUpdated, int ChildrenAdded, int ChildrenUpdated);

/// <summary>
/// Applies a family of the file to the stored one with the same reference, or to a new one. The import
/// adds and updates, never deletes: adults and children missing from the file stay. An empty optional
/// cell leaves the stored value as it is. An adult is the same person by name; a child by name and birth
/// date (a stored child without a birth date, by name).
/// </summary>
public static class FamilyImportMerge
{
    public static FamilyOutcome Apply(Family? stored, ImportedFamily row, int municipalityId)
    {
        ArgumentNullException.ThrowIfNull(row);
        var isNew = stored is null;
        var family = stored ?? new Family { MunicipalityId = municipalityId, HouseholdName = row.HouseholdName, Reference = row.Reference, Email = row.Email };
        var changed = false;
        Set(family.HouseholdName, row.HouseholdName, v => family.HouseholdName = v, ref changed);
        Set(family.Email, row.Email, v => family.Email = v, ref changed);
        SetIfGiven(family.Phone, row.Phone, v => family.Phone = v, ref changed);

        int adultsAdded = 0, adultsUpdated = 0;
        var matched = new HashSet<ResponsibleAdult>();
        foreach (var values in row.Adults)
        {
            var adult = family.Adults.FirstOrDefault(a => !matched.Contains(a)
                && ImportText.Key(a.LastName) == ImportText.Key(values.LastName) && ImportText.Key(a.FirstName) == ImportText.Key(values.FirstName));
            if (adult is null)
            {
                adult = new ResponsibleAdult
                {
                    MunicipalityId = municipalityId,
                    LastName = values.LastName,
                    FirstName = values.FirstName,
                    Position = family.Adults.Count == 0 ? 1 : family.Adults.Max(a => a.Position) + 1,
                };
                values.CopyTo(adult);
                family.Adults.Add(adult);
                adultsAdded++;
            }
            else if (Update(adult, values))
            {
                adultsUpdated++;
            }
            matched.Add(adult);
        }

        int childrenAdded = 0, childrenUpdated = 0;
        foreach (var line in row.Children)
        {
            bool SameName(Child c) => ImportText.Key(c.LastName) == ImportText.Key(line.LastName) && ImportText.Key(c.FirstName) == ImportText.Key(line.FirstName);
            var child = family.Children.FirstOrDefault(c => SameName(c) && c.BirthDate == line.BirthDate)
                ?? family.Children.FirstOrDefault(c => SameName(c) && c.BirthDate is null);
            if (child is null)
            {
                family.Children.Add(new Child
                {
                    MunicipalityId = municipalityId,
                    LastName = line.LastName,
                    FirstName = line.FirstName,
                    BirthDate = line.BirthDate,
                    SiteId = line.SiteId,
                    SchoolClass = line.SchoolClass,
                });
                childrenAdded++;
                continue;
            }
            var childChanged = false;
            Set(child.LastName, line.LastName, v => child.LastName = v, ref childChanged);
            Set(child.FirstName, line.FirstName, v => child.FirstName = v, ref childChanged);
            if (child.BirthDate != line.BirthDate)
            {
                child.BirthDate = line.BirthDate;
                childChanged = true;
            }
            if (line.SiteId is { } siteId && child.SiteId != siteId)
            {
                child.SiteId = siteId;
                childChanged = true;
            }
            SetIfGiven(child.SchoolClass, line.SchoolClass, v => child.SchoolClass = v, ref childChanged);
            if (childChanged)
            {
                // Like a save of the child form: an agent's stale form of this child is then refused.
                child.Version++;
                childrenUpdated++;
            }
        }

        if (!isNew && (changed || adultsAdded > 0 || adultsUpdated > 0))
        {
            family.Version++;
        }
        var action = isNew ? ImportAction.Create
            : changed || adultsAdded + adultsUpdated + childrenAdded + childrenUpdated > 0 ? ImportAction.Update
            : ImportAction.Unchanged;
        return new FamilyOutcome(row, family, action, adultsAdded, adultsUpdated, childrenAdded, childrenUpdated);
    }

    private static bool Update(ResponsibleAdult adult, AdultValues values)
    {
        var changed = false;
        Set(adult.LastName, values.LastName, v => adult.LastName = v, ref changed);
        Set(adult.FirstName, values.FirstName, v => adult.FirstName = v, ref changed);
        SetIfGiven(adult.Civility, values.Civility, v => adult.Civility = v, ref changed);
        SetIfGiven(adult.Relationship, values.Relationship, v => adult.Relationship = v, ref changed);
        SetIfGiven(adult.Email, values.Email, v => adult.Email = v, ref changed);
        SetIfGiven(adult.MobilePhone, values.MobilePhone, v => adult.MobilePhone = v, ref changed);
        SetIfGiven(adult.HomePhone, values.HomePhone, v => adult.HomePhone = v, ref changed);
        SetIfGiven(adult.WorkPhone, values.WorkPhone, v => adult.WorkPhone = v, ref changed);
        return changed;
    }

    private static void Set(string? current, string value, Action<string> set, ref bool changed)
    {
        if (!string.Equals(current, value, StringComparison.Ordinal))
        {
            set(value);
            changed = true;
        }
    }

    private static void SetIfGiven(string? current, string? value, Action<string> set, ref bool changed)
    {
        if (value is not null)
        {
            Set(current, value, set, ref changed);
        }
    }
}
