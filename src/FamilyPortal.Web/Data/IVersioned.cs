namespace FamilyPortal.Web.Data;

/// <summary>A record edited by staff in a form: its version is raised by every save, and a save of a version already replaced is refused.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
