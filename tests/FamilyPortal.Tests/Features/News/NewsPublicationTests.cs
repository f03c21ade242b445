namespace FamilyPortal.Tests.Features.News;

public class NewsPublicationTests
{
    private static readonly DateTime Now = new(2026, 11, 16, 7, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(null, null, NewsStatus.Draft)]
    [InlineData(60, null, NewsStatus.Scheduled)]
    [InlineData(1, 120, NewsStatus.Scheduled)]
    [InlineData(0, null, NewsStatus.Published)]
    [InlineData(-60, null, NewsStatus.Published)]
    [InlineData(-60, 1, NewsStatus.Published)]
    [InlineData(-60, 0, NewsStatus.Expired)]
    [InlineData(-120, -60, NewsStatus.Expired)]
    public void The_status_follows_the_window_whose_start_is_included_and_end_excluded(int? fromMinutes, int? untilMinutes, NewsStatus expected)
    {
        DateTime? At(int? minutes) => minutes is { } m ? Now.AddMinutes(m) : null;
        Assert.Equal(expected, NewsPublication.StatusOf(At(fromMinutes), At(untilMinutes), Now));
    }

    [Fact]
    public void Statuses_are_written_in_french_words()
    {
        Assert.Equal(["brouillon", "programmée", "publiée", "expirée"],
            new[] { NewsStatus.Draft, NewsStatus.Scheduled, NewsStatus.Published, NewsStatus.Expired }.Select(NewsPublication.Label));
    }

    [Fact]
    public void A_window_needs_its_start_before_its_end()
    {
        Assert.Null(NewsPublication.Problem(null, null));
        Assert.Null(NewsPublication.Problem(Now, null));
        Assert.Null(NewsPublication.Problem(Now, Now.AddMinutes(1)));
        Assert.Equal("La fin de la publication doit être après son début.", NewsPublication.Problem(Now, Now));
        Assert.Equal("La fin de la publication doit être après son début.", NewsPublication.Problem(Now, Now.AddDays(-1)));
        Assert.StartsWith("Indiquez aussi la date de début", NewsPublication.Problem(null, Now), StringComparison.Ordinal);
    }

    [Fact]
    public void Withdrawing_ends_a_publication_now_and_returns_a_scheduled_one_to_draft()
    {
        Assert.Equal((Now.AddDays(-1), Now), NewsPublication.Withdrawn(Now.AddDays(-1), Now.AddDays(3), Now));
        Assert.Equal((Now.AddDays(-1), Now), NewsPublication.Withdrawn(Now.AddDays(-1), null, Now));
        Assert.Equal((null, null), NewsPublication.Withdrawn(Now.AddDays(1), null, Now));
        Assert.Null(NewsPublication.Withdrawn(null, null, Now));
        Assert.Null(NewsPublication.Withdrawn(Now.AddDays(-3), Now.AddDays(-1), Now));
    }
}
