namespace FamilyPortal.Tests.Features.Accounts;

public class WaitingRoomEstimateTests
{
    [Theory]
    [InlineData(0, 10.0, 0.1)]
    [InlineData(99, 10.0, 10.0)]
    [InlineData(599, 20.0, 30.0)]
    [InlineData(-3, 20.0, 0.05)]
    public void The_wait_is_the_checks_ahead_and_this_one_at_the_measured_rate(int ahead, double rate, double seconds) =>
        Assert.Equal(seconds, WaitingRoomEstimate.Seconds(ahead, rate), 6);

    [Fact]
    public void A_rate_of_zero_never_divides_by_zero() =>
        Assert.True(double.IsFinite(WaitingRoomEstimate.Seconds(5, 0)));

    [Theory]
    [InlineData(9, 2.0, 0, 10)]
    [InlineData(9, 2.0, 2, 6)]
    [InlineData(9, 2.0, 4.4, 2)]
    [InlineData(9, 2.0, 4.9, 1)]
    [InlineData(9, 2.0, 60, 1)]
    [InlineData(0, 2.0, 0, 1)]
    public void The_position_moves_on_at_the_measured_rate_and_never_below_one(int ahead, double rate, double elapsedSeconds, int position) =>
        Assert.Equal(position, WaitingRoomEstimate.Position(ahead, rate, TimeSpan.FromSeconds(elapsedSeconds)));

    [Theory]
    [InlineData(3, "quelques secondes")]
    [InlineData(10, "quelques secondes")]
    [InlineData(11, "environ 20 secondes")]
    [InlineData(41, "environ 50 secondes")]
    [InlineData(75, "environ 1 minute")]
    [InlineData(150, "environ 3 minutes")]
    public void The_words_round_up(double seconds, string words) =>
        Assert.Equal(words, WaitingRoomEstimate.Words(seconds));

    [Theory]
    [InlineData(1, 2)]
    [InlineData(9, 5)]
    [InlineData(600, 10)]
    public void The_page_asks_again_after_half_the_wait_between_2_and_10_seconds(double seconds, int refresh) =>
        Assert.Equal(refresh, WaitingRoomEstimate.RefreshSeconds(seconds));
}
