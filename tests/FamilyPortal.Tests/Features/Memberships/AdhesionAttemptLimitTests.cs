namespace FamilyPortal.Tests.Features.Memberships;

public class AdhesionAttemptLimitTests
{
    private static readonly DateTime Now = new(2026, 11, 16, 9, 0, 0, DateTimeKind.Utc);

    private static DateTime[] MinutesAgo(params int[] minutes) => minutes.Select(m => Now.AddMinutes(-m)).ToArray();

    [Fact]
    public void Up_to_five_failures_in_the_hour_allow_the_attempt() =>
        Assert.Null(AdhesionAttemptLimit.WaitBefore(MinutesAgo(1, 2, 3, 4, 5), Now));

    [Fact]
    public void A_sixth_failure_refuses_until_the_oldest_is_an_hour_old() =>
        Assert.Equal(TimeSpan.FromMinutes(10), AdhesionAttemptLimit.WaitBefore(MinutesAgo(50, 40, 30, 20, 10, 1), Now));

    [Fact]
    public void Failures_older_than_an_hour_do_not_count() =>
        Assert.Null(AdhesionAttemptLimit.WaitBefore(MinutesAgo(60, 61, 90, 1, 2, 3, 4, 5), Now));

    [Fact]
    public void With_more_failures_the_wait_lasts_until_only_five_remain() =>
        // Eight failures: allowed again when the three oldest are gone, i.e. when the one of 40 minutes ago expires.
        Assert.Equal(TimeSpan.FromMinutes(20), AdhesionAttemptLimit.WaitBefore(MinutesAgo(50, 45, 40, 30, 20, 10, 5, 1), Now));

    [Theory]
    [InlineData(0.1, 1)]
    [InlineData(1, 1)]
    [InlineData(1.01, 2)]
    [InlineData(59.5, 60)]
    public void The_wait_is_told_in_whole_minutes_rounded_up(double minutes, int told) =>
        Assert.Equal(told, AdhesionAttemptLimit.MinutesToWait(TimeSpan.FromMinutes(minutes)));
}
