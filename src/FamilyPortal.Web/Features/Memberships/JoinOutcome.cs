namespace FamilyPortal.Web.Features.Memberships;

public enum JoinStatus
{
    Joined,
    Missing,
    Malformed,
    Unknown,
    Revoked,
    AlreadyLinked,
    OtherFamilyOfMunicipality,
    FamilyFull,
    TooManyAttempts,
    StaffAccount,
    OperatorAccount,
}

/// <summary>What became of a code d'adhésion: joined, or why not (nothing is written then).</summary>
public sealed record JoinOutcome(JoinStatus Status, string? MunicipalityName = null, int MinutesToWait = 0)
{
    public bool Succeeded => Status == JoinStatus.Joined;
}
