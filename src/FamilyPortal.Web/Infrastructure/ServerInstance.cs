namespace FamilyPortal.Web.Infrastructure;

/// <summary>Names one running portal server, so that claims and leases taken in the database say whose they are.</summary>
public static class ServerInstance
{
    private const int MaxLength = 100;

    /// <summary>A new id, unique even between two servers of the same machine, short enough for the claim columns.</summary>
    public static string NewId()
    {
        var id = $"{Guid.NewGuid():N}@{Environment.MachineName}";
        return id.Length <= MaxLength ? id : id[..MaxLength];
    }
}
