namespace FamilyPortal.Tests.Security;

/// <summary>
/// The machine-readable tables of <c>docs/security.md</c>: each follows a marker comment
/// (<c>&lt;!-- access-matrix --&gt;</c>, …) and is a plain Markdown table, so the document stays readable.
/// </summary>
public static class SecurityDoc
{
    public sealed record TableRow(int Line, IReadOnlyDictionary<string, string> Cells);

    public static string Path { get; } = Locate();

    /// <summary>The rows of the table after the marker, keyed by the header's column names; backticks removed.</summary>
    public static IReadOnlyList<TableRow> Table(string marker)
    {
        var lines = File.ReadAllLines(Path);
        var start = Array.FindIndex(lines, l => l.Trim() == $"<!-- {marker} -->");
        Assert.True(start >= 0, $"docs/security.md has no « <!-- {marker} --> » table.");
        var table = lines.Skip(start + 1).SkipWhile(string.IsNullOrWhiteSpace).TakeWhile(l => l.TrimStart().StartsWith('|')).ToList();
        Assert.True(table.Count >= 2, $"The « {marker} » table of docs/security.md is empty.");
        var header = Cells(table[0]);
        var firstLine = start + 1 + lines.Skip(start + 1).TakeWhile(string.IsNullOrWhiteSpace).Count() + 1;
        var rows = new List<TableRow>();
        for (var i = 2; i < table.Count; i++)
        {
            var cells = Cells(table[i]);
            Assert.True(cells.Count == header.Count, $"docs/security.md line {firstLine + i}: {cells.Count} cells, the header has {header.Count}.");
            rows.Add(new TableRow(firstLine + i, header.Zip(cells).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)));
        }
        return rows;
    }

    private static List<string> Cells(string line) =>
        line.Trim().Trim('|').Split('|').Select(c => c.Trim().Trim('`').Trim()).ToList();

    private static string Locate()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "FamilyPortal.sln")))
            {
                return System.IO.Path.Combine(folder.FullName, "docs", "security.md");
            }
        }
        throw new InvalidOperationException("The repository root (FamilyPortal.sln) was not found above " + AppContext.BaseDirectory);
    }
}
