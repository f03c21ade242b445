namespace FamilyPortal.Web.Email;

/// <summary>The « App » configuration section, as far as mail needs it.</summary>
public sealed class PublicSiteOptions
{
    public const string Section = "App";

    public string PlatformName { get; set; } = "Portail Famille";

    /// <summary>The address parents use, e.g. https://portail-famille.fr; every link in a mail starts with it.</summary>
    public string PublicBaseUrl { get; set; } = "";
}
