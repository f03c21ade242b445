using System.Text;
using FamilyPortal.Web.Infrastructure.Csv;

namespace FamilyPortal.Tests.Infrastructure;

public class CsvFileTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    [Fact]
    public void Valid_utf8_with_or_without_byte_order_mark_is_read_as_utf8()
    {
        var text = "Nom;Prénom\r\nLECŒUR;François\r\n";
        var withoutMark = Encoding.UTF8.GetBytes(text);
        byte[] withMark = [.. Encoding.UTF8.Preamble, .. withoutMark];

        Assert.Equal((text, CsvFile.Utf8), CsvFile.Decode(withoutMark));
        Assert.Equal((text, CsvFile.Utf8), CsvFile.Decode(withMark));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_read_as_windows_1252_with_its_oe_ligature()
    {
        var text = "Nom,Prénom\r\nLECŒUR,Françoise\r\n";
        var bytes = Windows1252.GetBytes(text);
        Assert.Equal(0x9C, Windows1252.GetBytes("œ")[0]);

        Assert.Equal((text, CsvFile.Windows1252), CsvFile.Decode(bytes));
    }

    [Theory]
    [InlineData("a;b,c\r\n1;2,3", ';', new[] { "a", "b,c" })]
    [InlineData("a,b,c;d\n1,2,3;4", ',', new[] { "a", "b", "c;d" })]
    [InlineData("\"a;b\",c,d\n1,2,3", ',', new[] { "a;b", "c", "d" })]
    public void The_separator_is_the_one_the_header_uses_most_outside_quotes(string text, char separator, string[] header)
    {
        var table = CsvFile.Parse(text, 10);

        Assert.Null(table.Error);
        Assert.Equal(separator, table.Separator);
        Assert.Equal(header, table.Records[0].Fields);
    }

    [Fact]
    public void Quoted_fields_keep_separators_doubled_quotes_and_line_breaks_and_lines_are_numbered_as_in_the_file()
    {
        var text = "Nom;Note;Ville\r\n\"DUPOND; Marie\";\"Dit \"\"la grande\"\"\";Nancy\r\nPETIT;\"deux\r\nlignes\";\"\"\r\n\r\nLEROY;;Metz";

        var table = CsvFile.Parse(text, 10);

        Assert.Null(table.Error);
        Assert.Equal(["DUPOND; Marie", "Dit \"la grande\"", "Nancy"], table.Records[1].Fields);
        Assert.Equal(2, table.Records[1].Line);
        Assert.Equal(["PETIT", "deux\r\nlignes", ""], table.Records[2].Fields);
        Assert.Equal(3, table.Records[2].Line);
        Assert.True(table.Records[3].IsBlank);
        Assert.Equal(["LEROY", "", "Metz"], table.Records[4].Fields);
        Assert.Equal(6, table.Records[4].Line);
    }

    [Fact]
    public void Excels_separator_hint_line_is_skipped_and_the_header_keeps_its_line_number()
    {
        var table = CsvFile.Parse("sep=;\r\nNom, prénom, titre;Ville\r\nDUPOND;Nancy, centre\r\n", 10);

        Assert.Null(table.Error);
        Assert.Equal(';', table.Separator);
        Assert.Equal(2, table.Records[0].Line);
        Assert.Equal(["Nom, prénom, titre", "Ville"], table.Records[0].Fields);
        Assert.Equal(3, table.Records[1].Line);
        Assert.Equal(["DUPOND", "Nancy, centre"], table.Records[1].Fields);
    }

    [Fact]
    public void A_quote_never_closed_is_reported_with_the_line_it_opens_on()
    {
        var table = CsvFile.Parse("Nom;Ville\nA;Nancy\nB;\"Metz\nC;Toul\n", 10);

        Assert.Equal("Ligne 3 : un guillemet (\") ouvre un champ qui n'est jamais refermé. Vérifiez les guillemets de cette ligne.", table.Error);
    }

    [Fact]
    public void A_header_without_separator_or_too_many_lines_are_refused()
    {
        Assert.Equal("La première ligne doit être la ligne d'en-tête, avec les noms des colonnes séparés par « ; » ou « , ».", CsvFile.Parse("Nom\nDUPOND\n", 10).Error);
        var lines = "Nom;Prénom\n" + string.Concat(Enumerable.Range(0, 4).Select(i => $"N{i};P{i}\n"));
        Assert.Null(CsvFile.Parse(lines, 4).Error);
        Assert.Equal("Le fichier compte plus de 3 lignes : découpez-le en plusieurs fichiers.", CsvFile.Parse(lines, 3).Error);
    }
}
