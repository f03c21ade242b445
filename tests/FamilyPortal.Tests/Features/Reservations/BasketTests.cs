using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Reservations.ReservationKit;

namespace FamilyPortal.Tests.Features.Reservations;

public class BasketTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(TenantBuilder.Tenant Tenant, ParentSession Session)> ParentAsync()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        return (tenant, await ParentSession.OpenAsync(factory, tenant.MunicipalityId, tenant.FamilyId));
    }

    [Fact]
    public async Task A_click_puts_a_square_in_the_basket_and_a_second_click_takes_it_out()
    {
        var (tenant, session) = await ParentAsync();
        await using var _ = session;
        var basket = session.Get<BasketService>();

        Assert.Equal(CellState.ToAdd, await basket.ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday, default));
        Assert.Equal(1, await session.Db.BasketLines.CountAsync(l => l.AccountId == session.Parent.AccountId));
        Assert.Equal(CellState.Bookable, await basket.ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday, default));
        Assert.Equal(0, await session.Db.BasketLines.CountAsync(l => l.AccountId == session.Parent.AccountId));
    }

    [Fact]
    public async Task A_booked_round_becomes_a_cancellation_request_and_comes_back()
    {
        var (tenant, session) = await ParentAsync();
        await using var _ = session;
        var basket = session.Get<BasketService>();
        await basket.ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday, default);
        await session.Get<BasketValidator>().ValidateAsync(session.Parent, default);

        Assert.Equal(CellState.ToCancel, await basket.ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday, default));
        Assert.Equal(CellState.Booked, await basket.ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday, default));
    }

    [Fact]
    public async Task Clicks_on_one_cell_at_the_same_moment_leave_it_in_or_out_of_the_basket_without_error()
    {
        var (tenant, session) = await ParentAsync();
        await using var _ = session;

        // A double tap or two tabs: on a database that locks rows, two clicks can both find the cell empty.
        var clicks = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            await using var s = await ParentSession.OpenAsync(factory, tenant.MunicipalityId, tenant.FamilyId, session.Parent.AccountId);
            return await s.Get<BasketService>().ToggleAsync(s.Parent, tenant.ChildId, tenant.ActivityId, NextMonday, default);
        }));
        var states = await Task.WhenAll(clicks);

        Assert.All(states, state => Assert.Contains(state, new[] { CellState.ToAdd, CellState.Bookable }));
        var lines = await session.Db.BasketLines.CountAsync(l => l.AccountId == session.Parent.AccountId);
        Assert.InRange(lines, 0, 1);
        var next = await session.Get<BasketService>().ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday, default);
        Assert.Equal(lines == 1 ? CellState.Bookable : CellState.ToAdd, next);
    }

    [Theory]
    [InlineData("2026-11-25", "fermé")]
    [InlineData("2026-11-17", "délai dépassé le 13/11 à 10:00")]
    [InlineData("2026-12-21", "fermé (Vacances de Noël)")]
    [InlineData("2027-08-02", "hors année scolaire")]
    [InlineData("2026-11-11", "fermé (Armistice 1918)")]
    public async Task A_day_the_reglement_refuses_is_not_put_in_the_basket(string day, string reason)
    {
        var (tenant, session) = await ParentAsync();
        await using var _ = session;
        var refusal = await Assert.ThrowsAsync<ReservationRefusedException>(() =>
            session.Get<BasketService>().ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), default));
        Assert.Equal(reason, refusal.Message);
        Assert.Equal(0, await session.Db.BasketLines.CountAsync(l => l.AccountId == session.Parent.AccountId));
    }

    [Fact]
    public async Task Another_familys_child_or_another_collectivites_activity_is_not_found()
    {
        var (tenant, session) = await ParentAsync();
        await using var _ = session;
        var other = await TenantBuilder.CreateAsync(factory);
        var neighbour = await AddFamilyAsync(factory, tenant);
        var neighbourChild = await ChildOfAsync(factory, tenant.MunicipalityId, neighbour);
        var basket = session.Get<BasketService>();

        var notMine = await Assert.ThrowsAsync<ReservationRefusedException>(() => basket.ToggleAsync(session.Parent, neighbourChild, tenant.ActivityId, NextMonday, default));
        Assert.Equal(404, notMine.StatusCode);
        var otherTown = await Assert.ThrowsAsync<ReservationRefusedException>(() => basket.ToggleAsync(session.Parent, tenant.ChildId, other.ActivityId, NextMonday, default));
        Assert.Equal(404, otherTown.StatusCode);
        Assert.Equal(0, await session.Db.BasketLines.CountAsync(l => l.AccountId == session.Parent.AccountId));
    }

    [Fact]
    public async Task A_period_fills_every_allowed_day_and_says_which_were_skipped_and_why()
    {
        var (tenant, session) = await ParentAsync();
        await using var _ = session;
        var (added, skipped) = await session.Get<BasketService>().FillPeriodAsync(session.Parent, tenant.ChildId, tenant.ActivityId,
            new DateOnly(2026, 11, 16), new DateOnly(2026, 12, 31), ServiceDays.Weekdays, siblings: false, default);

        // Mondays, Tuesdays, Thursdays and Fridays from 19/11 to 18/12 (18), less Friday 20/11 already booked by the builder.
        Assert.Equal(17, added);
        Assert.Contains(skipped, s => s.Date == new DateOnly(2026, 11, 16) && s.Reason == "délai dépassé le 12/11 à 10:00");
        Assert.Contains(skipped, s => s.Date == new DateOnly(2026, 12, 21) && s.Reason == "fermé (Vacances de Noël)");
        Assert.DoesNotContain(skipped, s => s.Date.DayOfWeek == DayOfWeek.Wednesday);
    }
}
