namespace FamilyPortal.Tests.Features.Enrolments;

public class EnrolmentRulesTests
{
    private static readonly DateOnly Start = new(2027, 2, 13);

    [Theory]
    [InlineData("2021-02-13", null)]
    [InlineData("2021-02-14", "réservé aux enfants de 6 ans ou plus au 13/02/2027")]
    [InlineData("2015-02-13", "réservé aux enfants de 11 ans ou moins au 13/02/2027")]
    [InlineData("2015-02-14", null)]
    public void The_age_is_counted_in_whole_years_on_the_first_day_of_the_period(string born, string? refusal)
    {
        var settings = new EnrolmentSettings { Mode = EnrolmentMode.Period, MinAge = 6, MaxAge = 11 };
        Assert.Equal(refusal, EnrolmentEligibility.Refusal(settings, DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), null, Start, null));
    }

    [Fact]
    public void Classes_are_compared_without_case_and_an_unknown_birth_date_is_refused_when_ages_are_limited()
    {
        var classes = new EnrolmentSettings { Mode = EnrolmentMode.SchoolYear, Classes = "CP, ce1" };
        Assert.Null(EnrolmentEligibility.Refusal(classes, null, " CE1 ", Start, null));
        Assert.Equal("réservé aux classes CP, ce1", EnrolmentEligibility.Refusal(classes, null, "CM2", Start, null));
        Assert.Equal("réservé aux classes CP, ce1", EnrolmentEligibility.Refusal(classes, null, null, Start, null));
        var ages = new EnrolmentSettings { Mode = EnrolmentMode.SchoolYear, MaxAge = 11 };
        Assert.Equal("la date de naissance de l'enfant n'est pas connue de la mairie", EnrolmentEligibility.Refusal(ages, null, null, Start, null));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(30, null)]
    [InlineData(31, "une facture est impayée depuis plus de 30 jours : réglez-la avant de demander l'inscription")]
    public void An_invoice_unpaid_for_more_than_the_limit_refuses(int? unpaidDays, string? refusal)
    {
        var settings = new EnrolmentSettings { Mode = EnrolmentMode.SchoolYear, MaxUnpaidDays = 30 };
        Assert.Equal(refusal, EnrolmentEligibility.Refusal(settings, null, null, Start, unpaidDays));
        Assert.Null(EnrolmentEligibility.Refusal(new EnrolmentSettings { Mode = EnrolmentMode.SchoolYear }, null, null, Start, 400));
    }

    [Theory]
    [InlineData(true, true, false, EnrolmentState.Enrolled)]
    [InlineData(true, false, true, EnrolmentState.Waiting)]
    [InlineData(false, false, false, EnrolmentState.Pending)]
    [InlineData(false, false, true, EnrolmentState.Waiting)]
    public void A_request_is_enrolled_pending_or_waiting(bool autoAccept, bool placeTaken, bool full, EnrolmentState expected) =>
        Assert.Equal(expected, EnrolmentDecision.OnRequest(autoAccept, placeTaken, full));

    [Fact]
    public void A_promotion_enrols_at_once_or_offers_the_place_until_a_deadline()
    {
        var now = new DateTime(2027, 1, 10, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal((EnrolmentState.Enrolled, (DateTime?)null), EnrolmentDecision.Promotion(null, now));
        Assert.Equal((EnrolmentState.Offered, (DateTime?)now.AddHours(48)), EnrolmentDecision.Promotion(48, now));
        Assert.False(EnrolmentDecision.OfferExpired(now.AddHours(48), now.AddHours(48).AddTicks(-1)));
        Assert.True(EnrolmentDecision.OfferExpired(now.AddHours(48), now.AddHours(48)));
    }

    [Fact]
    public void The_waiting_list_ranks_by_the_moment_each_joined_then_by_number()
    {
        var t = new DateTime(2027, 1, 10, 9, 0, 0, DateTimeKind.Utc);
        var ranks = EnrolmentDecision.Ranks([(7, t.AddMinutes(1)), (9, t), (3, t.AddMinutes(1))]);
        Assert.Equal(new Dictionary<int, int> { [9] = 1, [3] = 2, [7] = 3 }, ranks);
        Assert.Equal("en liste d'attente, rang 2", EnrolmentStateText.Describe(EnrolmentState.Waiting, 2));
        Assert.Equal("refusé : hors secteur", EnrolmentStateText.Describe(EnrolmentState.Refused, null, "hors secteur"));
        Assert.Equal("non inscrit", EnrolmentStateText.Describe(null));
    }
}

public class EnrolmentVerdictTests
{
    [Fact]
    public void Parents_book_an_activity_on_inscription_only_for_an_enrolled_child_and_the_grid_says_why()
    {
        var day = Reservations.VerdictKit.Day() with { EnrolmentRequired = true };
        var now = Reservations.VerdictKit.BeforeTheDeadline;

        var refused = Reservations.VerdictKit.ParentBooks(day, now);
        Assert.Equal(VerdictReason.NotEnrolled, refused.Reason);
        Assert.Equal("inscription requise : inscrivez d'abord l'enfant à cette activité (« Inscriptions »)", refused.Message);
        var cell = Reservations.VerdictKit.Cell(day, now);
        Assert.Equal((CellState.BookingClosed, refused.Message), (cell.State, cell.Reason));

        Assert.Equal(Verdict.Yes, Reservations.VerdictKit.ParentBooks(day with { ChildEnrolled = true }, now));
        Assert.Equal(Verdict.Yes, Reservations.VerdictKit.StaffBooks(day, now));
        // A closed day stays « fermé », not « inscription requise ».
        Assert.Equal(VerdictReason.Closure, Reservations.VerdictKit.ParentBooks(day with { ClosureReason = "grève" }, now).Reason);
    }
}
