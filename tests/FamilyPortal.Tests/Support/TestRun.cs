namespace FamilyPortal.Tests.Support;

/// <summary>
/// What one run of the test assembly shares: the folder where every portal started by the tests writes its
/// log files, kept until the end of the run so that <c>LogSecretsTests</c> can read them all, then deleted.
/// </summary>
public static class TestRun
{
    public static string Folder { get; } = CreateFolder();

    /// <summary>One sub-folder per portal, so that a test can read its own portal's logs.</summary>
    public static string LogRoot => Path.Combine(Folder, "logs");

    private static string CreateFolder()
    {
        var root = Path.Combine(Path.GetTempPath(), "familyportal-tests");
        var folder = Path.Combine(root, $"run-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(folder);
        return folder;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still open: the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
