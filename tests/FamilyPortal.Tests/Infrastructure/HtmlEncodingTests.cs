namespace FamilyPortal.Tests.Infrastructure;

/// <summary>Pages write French as it is: a lighter page to send, readable in its source.</summary>
public sealed class HtmlEncodingTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task Accented_letters_are_written_as_they_are_in_the_pages()
    {
        var html = await PageClient.For(factory).Http.GetStringAsync("/connexion");

        Assert.Contains("Rester connecté sur cet appareil", html, StringComparison.Ordinal);
        Assert.Contains("Mot de passe oublié", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#xE9;", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("&#xC0;", html, StringComparison.OrdinalIgnoreCase);
    }
}
