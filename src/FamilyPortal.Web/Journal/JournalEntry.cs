namespace FamilyPortal.Web.Journal;

/// <summary>
/// One line of the « Journal » of a collectivité: who did what to which record, when, with the values
/// before and after. Written in the same SaveChanges as the change it describes, never edited afterwards.
/// </summary>
public class JournalEntry : ITenantOwned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public DateTime AtUtc { get; set; }
    /// <summary>The account that made the change; kept with its name and identifiant of that moment.</summary>
    public string? ActorAccountId { get; set; }
    public required string ActorName { get; set; }
    public string? ActorLogin { get; set; }
    /// <summary>Town-hall staff; otherwise a parent (a basket validation).</summary>
    public bool ActorIsStaff { get; set; }
    public JournalAction Action { get; set; }
    /// <summary>The record's type as the code names it (« Family »); the page shows its French label.</summary>
    public required string EntityType { get; set; }
    public string? EntityKey { get; set; }
    /// <summary>A sentence a person reads, e.g. « Famille DUPOND modifiée ».</summary>
    public required string Summary { get; set; }
    /// <summary>The changed fields with their values before and after (JSON), secrets masked.</summary>
    public string? Changes { get; set; }
}

public enum JournalAction
{
    Created,
    Modified,
    Deleted,
    BasketValidated,
    /// <summary>A staff member read a sensitive record: a fiche sanitaire, a supporting document opened or downloaded.</summary>
    Viewed,
}

/// <summary>A changed field: its name in the code, the values before and after as shown to a person.</summary>
/// <param name="Masked">A secret (hash, protected code, stamp) changed: the journal says so without its values.</param>
public sealed record JournalChange(string Field, string? Before, string? After, bool Masked = false);
