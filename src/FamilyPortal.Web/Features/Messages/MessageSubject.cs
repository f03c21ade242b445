namespace FamilyPortal.Web.Features.Messages;

/// <summary>A subject families choose when they write to the town hall; the collectivité's administrators keep the list.</summary>
public class MessageSubject : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
}
