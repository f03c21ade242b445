namespace FamilyPortal.Web.Tenancy;

/// <summary>One adhésion of the signed-in parent: a family file of one collectivité.</summary>
public sealed record MembershipChoice(int MunicipalityId, string MunicipalityName, int FamilyId, string HouseholdName);

/// <summary>
/// Who the request works for: the collectivité of the signed-in account and, for a parent, the family
/// file in it. Filled once per request, right after authentication, by
/// <see cref="CurrentMunicipalityMiddleware"/>, which also enters the <see cref="TenantContext"/>: every
/// tenant-owned query of the request then sees this collectivité's rows only.
/// </summary>
public sealed class CurrentMunicipality
{
    public bool IsResolved { get; private set; }

    /// <summary>The signed-in account, or null for a visitor.</summary>
    public string? AccountId { get; private set; }

    /// <summary>A town-hall agent or administrator: works on their own collectivité, has no family.</summary>
    public bool IsStaff { get; private set; }

    /// <summary>The current collectivité, or null (a visitor, a parent without adhésion, or with several and no choice yet).</summary>
    public int? Id { get; private set; }

    public string? Name { get; private set; }

    /// <summary>For a parent: their family file in the current collectivité.</summary>
    public int? FamilyId { get; private set; }

    public string? HouseholdName { get; private set; }

    /// <summary>For a parent: every adhésion, in all collectivités, sorted by collectivité name.</summary>
    public IReadOnlyList<MembershipChoice> Memberships { get; private set; } = [];

    /// <summary>
    /// The platform operator (no collectivité of their own). The operator's pages enter the collectivité they work
    /// on, and the journal records their changes to its staff accounts in that collectivité's journal.
    /// </summary>
    public bool IsOperator { get; private set; }

    public bool IsParent => AccountId is not null && !IsStaff;

    /// <summary>The parent has several collectivités and may switch between them.</summary>
    public bool CanChoose => IsParent && Memberships.Count > 1;

    /// <summary>A parent with several adhésions who has not chosen one yet (or whose choice is gone).</summary>
    public bool MustChoose => CanChoose && Id is null;

    internal void SetStaff(string accountId, int municipalityId, string name)
    {
        AccountId = accountId;
        IsStaff = true;
        Id = municipalityId;
        Name = name;
        IsResolved = true;
    }

    internal void MarkOperator() => IsOperator = true;

    internal void SetParent(string accountId, IReadOnlyList<MembershipChoice> memberships, MembershipChoice? current)
    {
        AccountId = accountId;
        Memberships = memberships;
        Id = current?.MunicipalityId;
        Name = current?.MunicipalityName;
        FamilyId = current?.FamilyId;
        HouseholdName = current?.HouseholdName;
        IsResolved = true;
    }

    /// <summary>
    /// The remembered choice while an adhésion to it still exists; otherwise the only adhésion; otherwise none.
    /// </summary>
    public static MembershipChoice? Pick(IReadOnlyList<MembershipChoice> memberships, int? selectedMunicipalityId)
    {
        ArgumentNullException.ThrowIfNull(memberships);
        return memberships.FirstOrDefault(m => m.MunicipalityId == selectedMunicipalityId)
            ?? (memberships.Count == 1 ? memberships[0] : null);
    }
}
