namespace FamilyPortal.Tests.Features.Attestations;

public class TaxCreditTests
{
    private const int Child = 1;
    private const int Sibling = 2;
    private const int Evening = 10;
    private const int Canteen = 20;
    private static readonly Dictionary<int, string> Eligible = new() { [Evening] = "GT - PERI SOIR" };

    [Theory]
    [InlineData(2019, 1, 1, true)]
    [InlineData(2018, 12, 31, false)]
    [InlineData(2024, 6, 15, true)]
    [InlineData(2025, 3, 1, true)]
    public void A_child_counts_for_a_year_when_born_on_or_after_1_January_six_years_before(int year, int month, int day, bool underSix) =>
        Assert.Equal(underSix, TaxCredit.IsUnderSixOnFirstJanuary(new DateOnly(year, month, day), 2025));

    [Fact]
    public void A_child_without_a_birth_date_never_counts() =>
        Assert.False(TaxCredit.IsUnderSixOnFirstJanuary(null, 2025));

    [Fact]
    public void The_year_of_the_payment_decides_not_the_month_of_the_invoice()
    {
        var december = new TaxCredit.InvoiceFigures(1, 20m, [new(Child, Evening, 20m)]);
        var payments = new[] { new TaxCredit.PaymentFigures(1, new DateOnly(2026, 1, 5), 20m) };

        Assert.Empty(TaxCredit.PaidIn(2025, Child, Eligible, [december], payments));
        Assert.Equal(20m, Assert.Single(TaxCredit.PaidIn(2026, Child, Eligible, [december], payments)).Amount);
    }

    [Fact]
    public void Canteen_lines_and_other_children_never_count_and_a_partial_payment_is_prorated_over_the_lines()
    {
        // 40 € of evenings for the child, 40 € of canteen (not in the eligible activities), 20 € for the sibling; half paid.
        var invoice = new TaxCredit.InvoiceFigures(1, 100m, [new(Child, Evening, 40m), new(Child, Canteen, 40m), new(Sibling, Evening, 20m)]);
        var payments = new[] { new TaxCredit.PaymentFigures(1, new DateOnly(2025, 3, 1), 30m), new TaxCredit.PaymentFigures(1, new DateOnly(2025, 4, 1), 20m) };

        var paid = Assert.Single(TaxCredit.PaidIn(2025, Child, Eligible, [invoice], payments));

        Assert.Equal(new TaxCredit.ActivityAmount("GT - PERI SOIR", 20m), paid);
    }

    [Fact]
    public void Amounts_are_rounded_to_the_cent_per_activity()
    {
        var invoice = new TaxCredit.InvoiceFigures(1, 30m, [new(Child, Evening, 10m), new(Child, Canteen, 20m)]);
        var payments = new[] { new TaxCredit.PaymentFigures(1, new DateOnly(2025, 3, 1), 10m) };

        Assert.Equal(3.33m, Assert.Single(TaxCredit.PaidIn(2025, Child, Eligible, [invoice], payments)).Amount);
    }

    [Fact]
    public void The_years_offered_are_the_five_last_ones_over() =>
        Assert.Equal([2025, 2024, 2023, 2022, 2021], TaxCredit.Years(new DateOnly(2026, 1, 15)));
}
