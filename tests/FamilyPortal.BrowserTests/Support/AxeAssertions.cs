using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace FamilyPortal.BrowserTests.Support;

public static class AxeAssertions
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Fails with every violation's rule, help text and target selectors, so the fix needs no rerun.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe(WcagAa);
        if (result.Violations.Length == 0)
        {
            return;
        }
        var report = string.Join(Environment.NewLine, result.Violations.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} [{v.HelpUrl}]{Environment.NewLine}" +
            string.Join(Environment.NewLine, v.Nodes.Select(n => $"    at {n.Target}"))));
        Assert.Fail($"axe-core found {result.Violations.Length} WCAG 2.1 AA violation(s) on {page.Url}:{Environment.NewLine}{report}");
    }
}
