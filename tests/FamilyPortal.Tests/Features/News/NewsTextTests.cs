namespace FamilyPortal.Tests.Features.News;

public class NewsTextTests
{
    private static string Plain(NewsParagraph p) => string.Join("\n", p.Lines.Select(l => string.Concat(l.Select(s => s.Text))));

    [Fact]
    public void Blank_lines_separate_paragraphs_and_single_line_breaks_stay_inside_one()
    {
        var paragraphs = NewsText.Parse("Chers parents,\r\n\r\nLes inscriptions ouvrent lundi.\nPensez au dossier.\n \n\n\nBonne semaine.\n");

        Assert.Equal(["Chers parents,", "Les inscriptions ouvrent lundi.\nPensez au dossier.", "Bonne semaine."], paragraphs.Select(Plain));
        Assert.Equal(2, paragraphs[1].Lines.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n \n ")]
    [InlineData(null)]
    public void An_empty_text_has_no_paragraph(string? body) => Assert.Empty(NewsText.Parse(body));

    [Fact]
    public void Bare_http_and_https_addresses_become_links_without_the_punctuation_that_follows_them()
    {
        var segments = NewsText.Segments("Menus : https://ecrouves.exemple.fr/menus?semaine=47&site=GJ. Ou (http://mairie.exemple.fr), merci !");

        Assert.Equal(
            [("Menus : ", null), ("https://ecrouves.exemple.fr/menus?semaine=47&site=GJ", "https://ecrouves.exemple.fr/menus?semaine=47&site=GJ"),
             (". Ou (", null), ("http://mairie.exemple.fr", "http://mairie.exemple.fr/"), ("), merci !", null)],
            segments.Select(s => (s.Text, s.Link?.AbsoluteUri)));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://exemple.fr/fichier")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("www.exemple.fr")]
    [InlineData("https://")]
    [InlineData("<a href=\"javascript:alert(1)\">lien</a>")]
    public void Other_schemes_and_markup_stay_plain_text(string line)
    {
        var segments = NewsText.Segments(line);
        Assert.All(segments, s => Assert.Null(s.Link));
        Assert.Equal(line, string.Concat(segments.Select(s => s.Text)));
    }

    [Fact]
    public void A_quote_ends_an_address_so_it_cannot_break_out_of_the_link()
    {
        var segments = NewsText.Segments("https://exemple.fr/\"onmouseover=\"alert(1)");

        Assert.Equal("https://exemple.fr/", segments[0].Link!.AbsoluteUri);
        Assert.Equal("\"onmouseover=\"alert(1)", segments[1].Text);
        Assert.Null(segments[1].Link);
    }
}
