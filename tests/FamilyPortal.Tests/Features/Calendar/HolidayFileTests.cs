using System.Text;
using FamilyPortal.Web.Infrastructure.Csv;

namespace FamilyPortal.Tests.Features.Calendar;

public class HolidayFileTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    static HolidayFileTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("Description;Début;Fin\nNoël;19/12/2026;03/01/2027", ';')]
    [InlineData("Description,Début,Fin\nNoël,19/12/2026,03/01/2027", ',')]
    public void The_separator_is_the_one_the_first_line_uses(string text, char separator)
    {
        Assert.Equal(separator, CsvFile.Parse(text, HolidayFile.MaxLines).Separator);
        var line = Assert.Single(HolidayFile.Parse(text, Paris).Lines);
        Assert.Equal(("Noël", new DateOnly(2026, 12, 19), new DateOnly(2027, 1, 3)), (line.Description, line.Start!.Value, line.End!.Value));
    }

    [Fact]
    public void A_quote_never_closed_is_reported_with_its_line()
    {
        var parsed = HolidayFile.Parse("Description;Début;Fin\nNoël;19/12/2026;03/01/2027\n\"Hiver;07/02/2027;21/02/2027", Paris);

        Assert.Empty(parsed.Lines);
        Assert.Equal(["Ligne 3 : un guillemet (\") ouvre un champ qui n'est jamais refermé. Vérifiez les guillemets de cette ligne."], parsed.Errors);
    }

    [Theory]
    [InlineData("19/12/2026", 2026, 12, 19)]
    [InlineData("2026-12-19", 2026, 12, 19)]
    [InlineData("2026-10-16T22:00:00+00:00", 2026, 10, 17)]
    [InlineData("2027-03-27T23:00:00+00:00", 2027, 3, 28)]
    public void Days_are_read_in_french_iso_or_as_the_ministrys_instants_in_Paris(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), HolidayFile.ParseDay(text, Paris));

    [Theory]
    [InlineData("")]
    [InlineData("19-12-2026")]
    [InlineData("31/11/2026")]
    [InlineData("Noël")]
    public void Anything_else_is_not_a_day(string text) => Assert.Null(HolidayFile.ParseDay(text, Paris));

    [Fact]
    public void With_a_zones_column_the_end_is_the_resumption_day()
    {
        var parsed = HolidayFile.Parse("Description;Date de début;Date de fin;Zones\nNoël;2026-12-19;2027-01-04;Zone B", Paris);

        Assert.True(parsed.HasZones);
        var line = Assert.Single(parsed.Lines);
        Assert.Equal((new DateOnly(2027, 1, 3), "Zone B"), (line.End!.Value, line.Zone));
    }

    [Fact]
    public void Windows_1252_and_utf8_files_read_the_same()
    {
        const string text = "Description;Début;Fin\nVacances d'été;04/07/2027;31/08/2027";

        var fromAnsi = CsvFile.Decode(Encoding.GetEncoding(1252).GetBytes(text)).Text;
        var fromUtf8 = CsvFile.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]).Text;

        Assert.Equal(text, fromAnsi);
        Assert.Equal(text, fromUtf8);
        Assert.Equal("Vacances d'été", Assert.Single(HolidayFile.Parse(fromAnsi, Paris).Lines).Description);
    }

    [Theory]
    [InlineData("4,10", 4.10)]
    [InlineData("4.1", 4.10)]
    [InlineData(" 12 € ", 12)]
    [InlineData("0", 0)]
    public void Prices_are_read_with_a_comma_or_a_point(string text, double expected)
    {
        Assert.True(Euros.TryParse(text, 999.99m, out var amount));
        Assert.Equal((decimal)expected, amount);
    }

    [Theory]
    [InlineData("4,105")]
    [InlineData("-1")]
    [InlineData("1000")]
    [InlineData("4,1,0")]
    [InlineData("")]
    public void Other_prices_are_refused(string text) => Assert.False(Euros.TryParse(text, 999.99m, out _));
}
