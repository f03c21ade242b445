namespace FamilyPortal.Tests.Features.Attestations;

public class PresenceAndSiretTests
{
    private static readonly DateOnly Today = new(2026, 11, 16);

    [Theory]
    [InlineData(null, "2026-10-31", "From")]
    [InlineData("2026-10-01", null, "To")]
    [InlineData("2026-10-31", "2026-10-01", "To")]
    [InlineData("2026-11-01", "2026-11-17", "To")]
    [InlineData("2025-01-01", "2026-01-02", "To")]
    public void A_wrong_period_is_refused_on_its_field(string? from, string? to, string field)
    {
        var refusal = Presence.CheckPeriod(from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), Today);

        Assert.Equal(field, refusal?.Field);
    }

    [Fact]
    public void A_past_period_of_a_year_at_most_is_accepted() =>
        Assert.Null(Presence.CheckPeriod(new DateOnly(2025, 11, 16), Today, Today));

    [Fact]
    public void Days_are_grouped_per_activity_in_order_without_duplicates()
    {
        var days = Presence.Group([
            new(2, "SOIR", new DateOnly(2026, 10, 5)), new(1, "MIDI", new DateOnly(2026, 10, 6)),
            new(2, "SOIR", new DateOnly(2026, 10, 1)), new(2, "SOIR", new DateOnly(2026, 10, 5)),
        ]);

        Assert.Equal(["MIDI", "SOIR"], days.Select(d => d.Activity));
        Assert.Equal([new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 5)], days[1].Dates);
    }

    [Theory]
    [InlineData("21540323600015", true)]
    [InlineData("21540323600019", false)]
    [InlineData("2154032360001", false)]
    [InlineData("2154032360001A", false)]
    public void A_siret_has_14_digits_and_a_right_luhn_key(string siret, bool valid) =>
        Assert.Equal(valid, Siret.IsValid(siret));

    [Fact]
    public void A_siret_is_printed_in_groups() =>
        Assert.Equal("215 403 236 00015", Siret.Format("21540323600015"));
}
