namespace FamilyPortal.Tests.Features.Reminders;

public class ReminderScheduleTests
{
    private static readonly DateOnly Due = new(2026, 10, 1);
    private static readonly int[] Days = [10, 30, 60];

    [Theory]
    [InlineData(9, null)]
    [InlineData(10, 1)]
    [InlineData(29, 1)]
    [InlineData(30, 2)]
    [InlineData(75, 3)]
    public void The_highest_reminder_due_is_sent_when_none_was(int daysAfter, int? level) =>
        Assert.Equal(level, ReminderSchedule.LevelToSend(Due, Due.AddDays(daysAfter), Days, []));

    [Fact]
    public void A_reminder_already_sent_or_passed_by_a_later_one_is_never_sent_again()
    {
        Assert.Null(ReminderSchedule.LevelToSend(Due, Due.AddDays(12), Days, [1]));
        Assert.Equal(2, ReminderSchedule.LevelToSend(Due, Due.AddDays(31), Days, [1]));
        Assert.Null(ReminderSchedule.LevelToSend(Due, Due.AddDays(35), Days, [2]));
    }

    [Fact]
    public void The_days_stop_at_the_first_missing_reminder() =>
        Assert.Equal([15], ReminderSchedule.Days(15, null, 40));

    [Theory]
    [InlineData(0, "non échue")]
    [InlineData(1, "1 à 30 jours")]
    [InlineData(31, "31 à 60 jours")]
    [InlineData(90, "61 à 90 jours")]
    [InlineData(181, "plus de 180 jours")]
    public void The_age_of_a_debt_falls_in_a_bracket(int age, string bracket) =>
        Assert.Equal(bracket, ReminderSchedule.Bracket(age));

    [Fact]
    public void Days_must_grow_and_leave_no_gap_and_the_first_is_needed_when_reminders_are_on()
    {
        Assert.Equal(1, ReminderSchedule.Check([null, null, null], enabled: true)?.Level);
        Assert.Null(ReminderSchedule.Check([null, null, null], enabled: false));
        Assert.Equal(2, ReminderSchedule.Check([20, 10, null], enabled: true)?.Level);
        Assert.Equal(2, ReminderSchedule.Check([20, null, 40], enabled: true)?.Level);
        Assert.Equal(1, ReminderSchedule.Check([0, null, null], enabled: true)?.Level);
        Assert.Equal(3, ReminderSchedule.Check([10, 20, 366], enabled: true)?.Level);
        Assert.Null(ReminderSchedule.Check([10, 20, 45], enabled: true));
    }
}
