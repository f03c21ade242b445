namespace FamilyPortal.Tests.Features.Invoices;

public class BillingRulesTests
{
    private const int Meal = 1;
    private const int Evening = 2;

    private static readonly BracketBound A = new(10, "Tranche A", 0);
    private static readonly BracketBound B = new(11, "Tranche B", 700);
    private static readonly BracketBound C = new(12, "Tranche C", 1200);

    /// <summary>The canteen is priced by tranche (2,50 / 3,40 / 4,10 €); the evening slot keeps its unit price.</summary>
    private static readonly PriceList Prices = new([C, A, B], [(A.Id, Meal, 2.50m), (B.Id, Meal, 3.40m), (C.Id, Meal, 4.10m)]);

    private static BillableBooking Day(int day, int activity = Meal, CancellationKind cancellation = CancellationKind.None, bool justified = false, int child = 1) =>
        new(child, child == 1 ? "Lou MARTIN" : "Sam MARTIN", activity, activity == Meal ? "GT - RESTAURATION" : "GT - PERI SOIR", activity == Meal ? 4.10m : 1.80m,
            new DateOnly(2026, 10, day), cancellation != CancellationKind.None, cancellation, justified);

    private static Func<DateOnly, int?> Quotient(int? value) => _ => value;

    [Theory]
    [InlineData(0, "Tranche A", 2.50)]
    [InlineData(699, "Tranche A", 2.50)]
    [InlineData(700, "Tranche B", 3.40)]
    [InlineData(1199, "Tranche B", 3.40)]
    [InlineData(1200, "Tranche C", 4.10)]
    [InlineData(5000, "Tranche C", 4.10)]
    public void A_quotient_falls_in_the_tranche_whose_lower_bound_it_reaches(int quotient, string tranche, decimal price)
    {
        var priced = Prices.Price(Meal, 4.10m, quotient);

        Assert.Equal(new PricedUnit(price, tranche, false), priced);
    }

    [Fact]
    public void A_quotient_below_the_first_bound_takes_the_first_tranche()
    {
        var prices = new PriceList([new BracketBound(1, "T1", 300), new BracketBound(2, "T2", 600)], [(1, Meal, 1m), (2, Meal, 2m)]);

        Assert.Equal("T1", prices.BracketOf(100)!.Label);
        Assert.Equal(599, prices.UpperBoundOf(prices.Brackets[0]));
        Assert.Null(prices.UpperBoundOf(prices.Brackets[1]));
    }

    [Fact]
    public void Without_a_quotient_the_highest_tranche_is_applied_and_the_invoice_says_so()
    {
        var draft = InvoiceCalculator.Compute([Day(5), Day(6)], Prices, Quotient(null));

        var line = Assert.Single(draft.Lines);
        Assert.Equal((2, 4.10m, 8.20m, "Tranche C", true), (line.Quantity, line.UnitPrice, line.Amount, line.Bracket, line.ForLackOfQuotient));
        Assert.True(draft.HighestBracketApplied);
        Assert.Equal(8.20m, draft.Total);
    }

    [Fact]
    public void An_expired_quotient_counts_as_none_from_the_day_after_its_end()
    {
        var quotients = InvoiceCalculator.QuotientsOf(
        [
            new FamilyQuotient { Id = 1, Value = 500, ValidFrom = new DateOnly(2026, 1, 1), ValidTo = new DateOnly(2026, 10, 15) },
        ]);

        var draft = InvoiceCalculator.Compute([Day(14), Day(15), Day(16), Day(19)], Prices, quotients);

        Assert.Equal([(2, 2.50m, 5.00m, false), (2, 4.10m, 8.20m, true)], draft.Lines.Select(l => (l.Quantity, l.UnitPrice, l.Amount, l.ForLackOfQuotient)));
        Assert.True(draft.HighestBracketApplied);
        Assert.Equal(13.20m, draft.Total);
    }

    [Fact]
    public void The_latest_recorded_quotient_wins_where_two_overlap()
    {
        var quotients = InvoiceCalculator.QuotientsOf(
        [
            new FamilyQuotient { Id = 1, Value = 500, ValidFrom = new DateOnly(2026, 1, 1), ValidTo = new DateOnly(2026, 12, 31), RecordedAtUtc = new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc) },
            new FamilyQuotient { Id = 2, Value = 900, ValidFrom = new DateOnly(2026, 10, 1), ValidTo = new DateOnly(2026, 12, 31), RecordedAtUtc = new DateTime(2026, 10, 2, 0, 0, 0, DateTimeKind.Utc) },
        ]);

        Assert.Equal(500, quotients(new DateOnly(2026, 9, 30)));
        Assert.Equal(900, quotients(new DateOnly(2026, 10, 1)));
        Assert.Null(quotients(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void An_activity_without_tranche_prices_keeps_its_unit_price_and_needs_no_quotient()
    {
        var draft = InvoiceCalculator.Compute([Day(6, Evening), Day(13, Evening)], Prices, Quotient(null));

        var line = Assert.Single(draft.Lines);
        Assert.Equal((2, 1.80m, 3.60m, (string?)null), (line.Quantity, line.UnitPrice, line.Amount, line.Bracket));
        Assert.False(draft.HighestBracketApplied);
    }

    [Fact]
    public void A_tranche_left_empty_for_an_activity_falls_back_to_its_unit_price()
    {
        var prices = new PriceList([A, B], [(A.Id, Meal, 2.50m)]);

        Assert.Equal(new PricedUnit(4.10m, "Tranche B", false), prices.Price(Meal, 4.10m, 800));
    }

    [Theory]
    [InlineData(CancellationKind.None, false, false, true)]
    [InlineData(CancellationKind.InTime, true, false, false)]
    [InlineData(CancellationKind.Closure, true, false, false)]
    [InlineData(CancellationKind.Late, true, false, true)]
    [InlineData(CancellationKind.Late, true, true, false)]
    [InlineData(CancellationKind.None, true, false, false)]
    public void Billed_are_kept_bookings_and_late_cancellations_not_justified(CancellationKind kind, bool cancelled, bool justified, bool billed) =>
        Assert.Equal(billed, BillingRules.IsBilled(cancelled, kind, justified));

    [Fact]
    public void Late_cancellations_are_billed_on_their_own_line_while_in_time_closure_and_justified_ones_are_free()
    {
        var draft = InvoiceCalculator.Compute(
        [
            Day(5), Day(6, cancellation: CancellationKind.InTime), Day(8, cancellation: CancellationKind.Closure),
            Day(9, cancellation: CancellationKind.Late), Day(12, cancellation: CancellationKind.Late, justified: true),
        ], PriceList.UnitPricesOnly, Quotient(null));

        Assert.Equal(
            [("GT - RESTAURATION", 1, 4.10m), ("GT - RESTAURATION – annulation hors délai", 1, 4.10m)],
            draft.Lines.Select(l => (l.Description, l.Quantity, l.Amount)));
        Assert.Equal(8.20m, draft.Total);
        Assert.False(draft.HighestBracketApplied);
    }

    [Fact]
    public void A_month_of_free_days_only_makes_no_invoice()
    {
        var draft = InvoiceCalculator.Compute([Day(6, cancellation: CancellationKind.InTime)], Prices, Quotient(400));

        Assert.True(draft.IsEmpty);
        Assert.Equal(0m, draft.Total);
    }

    [Fact]
    public void Each_line_is_rounded_to_the_cent_and_the_total_is_the_sum_of_the_rounded_lines()
    {
        // 1,125 € a day: 3 days make 3,375 € → 3,38 €; the other child's single day 1,125 € → 1,13 €.
        var prices = new PriceList([A], [(A.Id, Evening, 1.125m)]);

        var draft = InvoiceCalculator.Compute([Day(5, Evening), Day(6, Evening), Day(7, Evening), Day(5, Evening, child: 2)], prices, Quotient(100));

        Assert.Equal([3.38m, 1.13m], draft.Lines.Select(l => l.Amount));
        Assert.Equal(4.51m, draft.Total);
        Assert.NotEqual(Money.Round(4 * 1.125m), draft.Total);
    }

    [Fact]
    public void Lines_are_grouped_by_child_then_activity()
    {
        var draft = InvoiceCalculator.Compute([Day(6, Evening, child: 2), Day(5), Day(5, child: 2), Day(6), Day(6, Evening)], PriceList.UnitPricesOnly, Quotient(null));

        Assert.Equal(
            [("Lou MARTIN", "GT - PERI SOIR", 1), ("Lou MARTIN", "GT - RESTAURATION", 2), ("Sam MARTIN", "GT - PERI SOIR", 1), ("Sam MARTIN", "GT - RESTAURATION", 1)],
            draft.Lines.Select(l => (l.ChildName, l.ActivityLabel, l.Quantity)));
    }

    [Theory]
    [InlineData(10, 0, 0, InvoiceStatus.ToPay, 10)]
    [InlineData(10, 0, 4, InvoiceStatus.PartiallyPaid, 6)]
    [InlineData(10, 0, 10, InvoiceStatus.Paid, 0)]
    [InlineData(10, 4, 6, InvoiceStatus.Paid, 0)]
    [InlineData(10, 10, 0, InvoiceStatus.Cancelled, 0)]
    public void The_status_follows_payments_and_credit_notes(decimal total, decimal credited, decimal paid, InvoiceStatus status, decimal remaining)
    {
        Assert.Equal(status, InvoiceStatuses.Of(total, credited, paid));
        Assert.Equal(remaining, InvoiceStatuses.Remaining(total, credited, paid));
    }

    [Fact]
    public void Statuses_use_the_words_of_the_guide() =>
        Assert.Equal(["à payer", "partiellement payée", "payée"], new[] { InvoiceStatus.ToPay, InvoiceStatus.PartiallyPaid, InvoiceStatus.Paid }.Select(s => s.Label()));

    [Theory]
    [InlineData(null, 10, "Saisissez le montant reçu, par exemple 12,50.")]
    [InlineData("0", 10, "Le montant doit être supérieur à 0.")]
    [InlineData("10.01", 10, "Le montant dépasse le reste à payer (10,00\u00A0€).")]
    [InlineData("10", 10, null)]
    public void A_payment_is_positive_and_at_most_what_is_left(string? amount, decimal remaining, string? message) =>
        Assert.Equal(message, LedgerRules.CheckPayment(amount is null ? null : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), remaining));

    [Fact]
    public void A_credit_note_is_at_most_what_the_invoice_still_bills() =>
        Assert.Equal("L'avoir ne peut pas dépasser le montant restant de la facture (4,10\u00A0€).", LedgerRules.CheckCredit(4.11m, 4.10m));

    [Theory]
    [InlineData("12,5", 12.5)]
    [InlineData("12.50", 12.50)]
    [InlineData(" 1 234,56 € ", 1234.56)]
    [InlineData("1,234", null)]
    [InlineData("-3", null)]
    [InlineData("douze", null)]
    [InlineData("", null)]
    public void Amounts_are_read_as_people_type_them(string text, double? expected) =>
        Assert.Equal(expected is null ? null : (decimal)expected.Value, Money.Parse(text));

    [Fact]
    public void Amounts_are_written_in_french_with_no_break_spaces()
    {
        Assert.Equal("1\u00A0234,50\u00A0€", Money.Format(1234.5m));
        Assert.Equal("0,01\u00A0€", Money.Format(0.005m));
        Assert.Equal("1,125\u00A0€", Money.FormatUnit(1.125m));
        Assert.Equal("4,10\u00A0€", Money.FormatUnit(4.1m));
    }

    [Fact]
    public void Numbers_run_per_year_with_six_digits()
    {
        Assert.Equal("2026-000123", DocumentNumber.Invoice(2026, 123));
        Assert.Equal("AV-2026-000004", DocumentNumber.CreditNote(2026, 4));
    }

    [Fact]
    public void A_month_can_be_invoiced_once_it_is_over()
    {
        var october = BillingMonth.Parse("2026-10")!.Value;

        Assert.Equal(("octobre 2026", "d'octobre 2026", "de septembre 2026"), (october.Label, october.OfLabel, october.Previous.OfLabel));
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), (october.FirstDay, october.LastDay));
        Assert.False(october.IsOver(new DateOnly(2026, 10, 31)));
        Assert.True(october.IsOver(new DateOnly(2026, 11, 1)));
        Assert.Null(BillingMonth.Parse("2026-13"));
        Assert.Equal("2026-09", october.Previous.Key);
    }
}
