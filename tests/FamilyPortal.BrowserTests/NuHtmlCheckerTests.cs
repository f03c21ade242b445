using FamilyPortal.BrowserTests.Support;

namespace FamilyPortal.BrowserTests;

/// <summary>The HTML checker itself: it must see an error where there is one, or the page checks prove nothing.</summary>
public sealed class NuHtmlCheckerTests
{
    [Fact]
    public async Task The_checker_reports_the_errors_of_an_invalid_page_and_none_for_a_valid_one()
    {
        var errors = await NuHtmlChecker.ErrorsAsync(new Dictionary<string, string>
        {
            ["invalide"] = "<!DOCTYPE html><html lang=\"fr\"><head><title>x</title></head><body><p><div>bloc dans un paragraphe</p></div><img src=\"a.png\"></body></html>",
            ["valide"] = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Page</title></head><body><main><p>Bonjour</p></main></body></html>",
        });

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith("invalide:", e, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("alt", StringComparison.Ordinal));
    }
}
