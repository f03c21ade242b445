namespace FamilyPortal.Tests.Support;

/// <summary>The application's log files of one factory, read while the application may still write them.</summary>
public static class LogText
{
    public static async Task<string> ReadAsync(PortalFactory factory)
    {
        var folder = factory.LogDirectory;
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder) : [])
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString();
    }
}
