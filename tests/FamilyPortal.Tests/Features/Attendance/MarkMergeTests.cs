namespace FamilyPortal.Tests.Features.Attendance;

public class MarkMergeTests
{
    private static readonly DateTime At8 = new(2026, 11, 16, 7, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_first_mark_makes_the_state()
    {
        var state = MarkMerge.Apply(null, new IncomingMark(MarkAction.Absent, AbsenceMotif.Illness, null, At8));
        Assert.Equal(new MarkState(AttendanceStatus.Absent, AbsenceMotif.Illness, null, null, At8), state);
    }

    [Fact]
    public void The_mark_taken_later_wins_whatever_the_order_it_arrives_in()
    {
        var early = new IncomingMark(MarkAction.Absent, AbsenceMotif.Unannounced, null, At8);
        var late = new IncomingMark(MarkAction.Present, null, null, At8.AddMinutes(5));

        var inOrder = MarkMerge.Apply(MarkMerge.Apply(null, early), late);
        var lateFirst = MarkMerge.Apply(null, late);

        Assert.Equal(AttendanceStatus.Present, inOrder!.Status);
        Assert.Null(MarkMerge.Apply(lateFirst, early));
    }

    [Fact]
    public void Arrival_and_departure_keep_each_other_and_an_absence_clears_them()
    {
        var arrived = MarkMerge.Apply(null, new IncomingMark(MarkAction.Arrived, null, new TimeOnly(8, 5), At8));
        var left = MarkMerge.Apply(arrived, new IncomingMark(MarkAction.Left, null, new TimeOnly(17, 10), At8.AddHours(9)));
        var absent = MarkMerge.Apply(left, new IncomingMark(MarkAction.Absent, null, null, At8.AddHours(10)));

        Assert.Equal((new TimeOnly(8, 5), new TimeOnly(17, 10)), (left!.ArrivedAt, left.LeftAt));
        Assert.Equal("Présent — arrivé à 08:05 — parti à 17:10", AttendanceTexts.Describe(left));
        Assert.Equal(new MarkState(AttendanceStatus.Absent, AbsenceMotif.Other, null, null, At8.AddHours(10)), absent);
    }

    [Fact]
    public void A_device_clock_ahead_of_the_server_counts_at_the_server_time()
    {
        Assert.Equal(At8, MarkMerge.EffectiveTime(At8.AddHours(1), At8));
        Assert.Equal(At8.AddMinutes(-30), MarkMerge.EffectiveTime(At8.AddMinutes(-30), At8));
    }

    [Theory]
    [InlineData("2020-11-15", "6 ans et plus")]
    [InlineData("2020-11-16", "6 ans et plus")]
    [InlineData("2020-11-17", "moins de 6 ans")]
    public void The_age_bracket_is_the_age_on_the_day(string birth, string bracket) =>
        Assert.Equal(bracket, AttendanceTexts.AgeBracket(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 11, 16)));

    [Fact]
    public void Without_a_birth_date_the_age_is_unknown() => Assert.Equal("âge inconnu", AttendanceTexts.AgeBracket(null, new DateOnly(2026, 11, 16)));
}
