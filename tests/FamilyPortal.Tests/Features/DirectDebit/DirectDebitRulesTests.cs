namespace FamilyPortal.Tests.Features.DirectDebit;

public class DirectDebitRulesTests
{
    [Theory]
    [InlineData("FR76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189")]
    [InlineData("fr1420041010050500013m02606", "FR1420041010050500013M02606")]
    [InlineData("DE89 3704 0044 0532 0130 00", "DE89370400440532013000")]
    [InlineData("BE68\u00A05390\u00A00754\u00A07034", "BE68539007547034")]
    [InlineData("NL91ABNA0417164300", "NL91ABNA0417164300")]
    [InlineData("MC58 1122 2000 0101 2345 6789 030", "MC5811222000010123456789030")]
    public void A_valid_iban_is_normalised_without_spaces_in_upper_case(string typed, string expected)
    {
        Assert.True(Iban.TryParse(typed, out var iban, out var error), error);
        Assert.Equal(expected, iban);
    }

    [Theory]
    [InlineData("", "Saisissez l'IBAN")]
    [InlineData("FR7630006000011234567890188", "clé de contrôle")]
    [InlineData("FR763000600001123456789018", "compte 27 caractères")]
    [InlineData("DE8937040044053201300", "compte 22 caractères")]
    [InlineData("US64SVBKUS6S3300958879", "zone SEPA")]
    [InlineData("7630006000011234567890189", "zone SEPA")]
    [InlineData("FR76<script>alert(1)</script>", "que des lettres et des chiffres")]
    [InlineData("FR76300060000112345678901890000000000", "que des lettres et des chiffres")]
    [InlineData("FRXX30006000011234567890189", "clé de contrôle")]
    public void A_wrong_iban_is_refused_with_a_french_reason(string typed, string reason)
    {
        Assert.False(Iban.TryParse(typed, out var iban, out var error));
        Assert.Equal("", iban);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_sepa_country_has_its_length_and_france_has_27()
    {
        Assert.Equal(27, Iban.Lengths["FR"]);
        Assert.All(Iban.Lengths.Values, length => Assert.InRange(length, 15, Iban.MaxLength));
        Assert.True(Iban.Lengths.Count >= 36);
    }

    [Fact]
    public void An_iban_is_shown_masked_but_for_its_country_and_last_four()
    {
        Assert.Equal("FR76 **** **** 0189", Iban.Mask("FR7630006000011234567890189"));
        Assert.DoesNotContain("3000", Iban.Mask("FR7630006000011234567890189"), StringComparison.Ordinal);
        Assert.Equal("FR76 3000 6000 0112 3456 7890 189", Iban.Grouped("FR7630006000011234567890189"));
    }

    [Theory]
    [InlineData("AGRIFRPP882", true)]
    [InlineData("bnpa frpp", true)]
    [InlineData("CCBPFRPPNAN", true)]
    [InlineData("AGRIFRPP88", false)]
    [InlineData("AGR1FRPP", false)]
    [InlineData("AGRIF1PP", false)]
    [InlineData("AGRIFRPP8821", false)]
    [InlineData("", false)]
    [InlineData("AGRIFRP<", false)]
    public void A_bic_has_8_or_11_characters_bank_and_country_in_letters(string typed, bool valid)
    {
        Assert.Equal(valid, Bic.TryParse(typed, out var bic, out var error));
        Assert.Equal(valid, error.Length == 0);
        if (valid)
        {
            Assert.Equal(typed.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), bic);
        }
    }

    [Theory]
    [InlineData("FR72ZZZ123456", true)]
    [InlineData("fr72 zzz 123456", true)]
    [InlineData("FR72ABC123456", true)]
    [InlineData("FR22ZZZA1B2C3", true)]
    [InlineData("FR73ZZZ123456", false)]
    [InlineData("FR72ZZZ12345", false)]
    [InlineData("DE98ZZZ09999999999", false)]
    [InlineData("FRAAZZZ123456", false)]
    [InlineData("", false)]
    public void A_french_creditor_identifier_is_checked_without_its_business_code(string typed, bool valid)
    {
        Assert.Equal(valid, CreditorIdentifier.TryParse(typed, out var ics, out var error));
        Assert.Equal(valid ? "" : error, error);
        Assert.Equal(valid, ics.Length == CreditorIdentifier.Length);
    }

    [Fact]
    public void The_creditor_identifier_check_is_the_sepa_one()
    {
        // The German Bundesbank's published test identifier.
        Assert.True(CreditorIdentifier.HasValidCheckDigits("DE98ZZZ09999999999"));
        Assert.Equal("FR72ZZZ123456", CreditorIdentifier.For("123456"));
        Assert.True(CreditorIdentifier.TryParse(CreditorIdentifier.For("X9Y8Z7"), out _, out _));
    }

    [Theory]
    [InlineData("ecrouves", 42, 1, "ECROUVES-F000042-01")]
    [InlineData("Saint-Étienne-lès-Remiremont", 7, 3, "SAINT-ETIENNE-LE-F000007-03")]
    [InlineData("<b>", 1, 1, "B-F000001-01")]
    [InlineData("***", 123456, 12, "RUM-F123456-12")]
    public void A_mandate_reference_is_made_of_sepa_characters_and_fits_35(string shortName, int familyId, int number, string expected)
    {
        var reference = MandateReference.Create(shortName, familyId, number);
        Assert.Equal(expected, reference);
        Assert.True(MandateReference.IsValid(reference));
        Assert.True(reference.Length <= 35);
    }

    [Fact]
    public void Mandate_references_differ_by_family_and_by_the_familys_mandate()
    {
        var references = new[] { MandateReference.Create("x", 1, 1), MandateReference.Create("x", 1, 2), MandateReference.Create("x", 2, 1), MandateReference.Create("x", 10, 1) };
        Assert.Equal(references.Length, references.Distinct(StringComparer.Ordinal).Count());
        Assert.False(MandateReference.IsValid("A#B"));
        Assert.False(MandateReference.IsValid(new string('A', 36)));
    }

    [Fact]
    public void Amounts_are_counted_in_whole_cents()
    {
        Assert.Equal(1234L, Cents.From(12.34m));
        Assert.Equal(0L, Cents.From(0m));
        Assert.Equal("12.30", Cents.ToXml(1230));
        Assert.Equal("0.05", Cents.ToXml(5));
        Assert.Equal(12.34m, Cents.ToEuros(1234));
        Assert.Throws<ArgumentException>(() => Cents.From(1.005m));
    }

    [Theory]
    [InlineData("Élodie Dupond-Lefèvre", "Elodie Dupond-Lefevre")]
    [InlineData("Cœur & fils <script>", "Coeur fils script")]
    [InlineData("l’école", "l'ecole")]
    public void Text_keeps_only_sepa_characters(string text, string expected) => Assert.Equal(expected, SepaText.Clean(text, 70));

    [Theory]
    // Monday 16/11/2026: three business days later is Thursday 19.
    [InlineData("2026-11-16", "2026-11-19")]
    // Friday: Monday, Tuesday, Wednesday.
    [InlineData("2026-11-20", "2026-11-25")]
    // Before Christmas: 25 and 26 December and the weekend are not business days.
    [InlineData("2026-12-23", "2026-12-29")]
    // Good Friday 2027 is 26 March, Easter Monday 29 March.
    [InlineData("2027-03-24", "2027-03-31")]
    public void The_earliest_collection_is_three_bank_business_days_ahead(string today, string earliest) =>
        Assert.Equal(DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture),
            DebitCalendar.EarliestCollection(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_collection_date_too_soon_or_not_a_business_day_is_refused()
    {
        var monday = new DateOnly(2026, 11, 16);
        Assert.Contains("au plus tôt", DebitCalendar.Refusal(monday.AddDays(2), monday), StringComparison.Ordinal);
        Assert.Contains("week-end", DebitCalendar.Refusal(new DateOnly(2026, 11, 21), monday), StringComparison.Ordinal);
        Assert.Contains("week-end", DebitCalendar.Refusal(new DateOnly(2026, 12, 25), monday), StringComparison.Ordinal);
        Assert.Null(DebitCalendar.Refusal(new DateOnly(2026, 11, 19), monday));
        Assert.NotNull(DebitCalendar.Refusal(new DateOnly(2028, 1, 3), monday));
    }

    [Fact]
    public void Reject_reasons_carry_a_french_label()
    {
        foreach (var code in new[] { "AC01", "AC04", "AM04", "MD01", "MS02", "MS03" })
        {
            Assert.True(RejectReasons.Labels.ContainsKey(code), code);
        }
        Assert.Equal("AM04 – Provision insuffisante", RejectReasons.Describe("AM04"));
    }
}
