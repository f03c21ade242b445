namespace FamilyPortal.Web.Features.Families;

/// <summary>A « responsable légal » of a family: the people the collectivité calls about the children.</summary>
public class ResponsibleAdult : ITenantOwned
{
    public const int MaxNameLength = 100;
    public const int MaxRelationshipLength = 50;

    /// <summary>The civilities offered, as they are printed.</summary>
    public static readonly IReadOnlyList<string> Civilities = ["M.", "Mme"];

    /// <summary>Suggestions for the relationship; any other short text is accepted.</summary>
    public static readonly IReadOnlyList<string> Relationships =
        ["Mère", "Père", "Tuteur", "Tutrice", "Grand-mère", "Grand-père", "Belle-mère", "Beau-père", "Famille d'accueil"];

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int FamilyId { get; set; }
    public Family? Family { get; set; }
    /// <summary>« M. » or « Mme », or none.</summary>
    public string? Civility { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    /// <summary>« Mère », « Père », « Tuteur »…</summary>
    public string? Relationship { get; set; }
    public string? Email { get; set; }
    /// <summary>Phones in their ten-digit national form.</summary>
    public string? MobilePhone { get; set; }
    public string? HomePhone { get; set; }
    public string? WorkPhone { get; set; }
    /// <summary>Display order in the family file: « Responsable 1 » first.</summary>
    public int Position { get; set; }

    public string FullName => $"{FirstName} {LastName}";
}
