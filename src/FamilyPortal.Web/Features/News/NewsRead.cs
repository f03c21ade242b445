namespace FamilyPortal.Web.Features.News;

/// <summary>An actualité shown to a parent's account: it no longer carries the « Nouveau » marker for that account.</summary>
public class NewsRead : ITenantOwned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public int NewsItemId { get; set; }
    public required string AccountId { get; set; }
    public DateTime ReadAtUtc { get; set; }
}
