using FamilyPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Reservations.ReservationKit;
using static FamilyPortal.Tests.Features.Reservations.VerdictKit;

namespace FamilyPortal.Tests.Features.Reservations;

public class DayWaitingCellTests
{
    [Fact]
    public void A_full_day_offers_the_waiting_list_shows_the_rank_and_closes_with_the_booking_deadline()
    {
        var full = Day(capacity: 2, taken: 2);
        Assert.Equal(CellState.Full, Cell(full, BeforeTheDeadline).State);
        Assert.Equal(CellClick.Adding(BasketLineKind.Wait, CellState.ToWait), Cell(full, BeforeTheDeadline).Click());
        Assert.Equal(CellClick.Removing(CellState.Full), Cell(full with { BasketLine = BasketLineKind.Wait }, BeforeTheDeadline).Click());
        var waiting = Cell(full with { WaitingRank = 3 }, BeforeTheDeadline);
        Assert.Equal((CellState.Waiting, "rang 3"), (waiting.State, waiting.Reason));
        Assert.False(waiting.State.IsToggle());
        Assert.Equal(CellState.BookingClosed, Cell(full with { WaitingRank = 3 }, MondayDeadline).State);
    }
}

/// <summary>Waiting lists of « complet » days through the basket: joining, promotion on a cancellation, and under a rush.</summary>
public class DayWaitingListTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<List<OutboxMessage>> PromotionMailsAsync(ParentSession session, int municipalityId) =>
        await session.Db.OutboxMessages.AsNoTracking()
            .Where(m => m.MunicipalityId == municipalityId && m.Subject.StartsWith("Place obtenue sur liste d'attente")).ToListAsync();

    [Fact]
    public async Task A_child_waits_for_a_full_day_and_gets_the_place_another_family_gives_back_with_an_email()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await SetCapacityAsync(factory, tenant.MunicipalityId, tenant.ActivityId, 1);
        await using var holder = await ParentSession.OpenAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        await holder.Get<BasketService>().ToggleAsync(holder.Parent, tenant.ChildId, tenant.ActivityId, NextMonday, default);
        Assert.Equal(1, (await holder.Get<BasketValidator>().ValidateAsync(holder.Parent, default)).Booked);
        var (waiter, waiterChild) = await Enrolments.EnrolmentKit.OtherFamilyAsync(factory, tenant, "BERNARD");

        Assert.Equal(CellState.ToWait, await waiter.Get<BasketService>().ToggleAsync(waiter.Parent, waiterChild, tenant.ActivityId, NextMonday, default));
        var joined = await waiter.Get<BasketValidator>().ValidateAsync(waiter.Parent, default);
        // Joining a waiting list is neither a booking nor a cancellation: the summary and its counts say which.
        Assert.Equal((0, 0, 1, 0), (joined.Booked, joined.Cancelled, joined.Waiting, joined.Refused));
        var validation = await waiter.Db.BasketValidations.AsNoTracking().SingleAsync(v => v.Id == joined.ValidationId);
        Assert.Equal((0, 0, 1), (validation.BookedCount, validation.CancelledCount, validation.WaitingCount));
        var grid = await waiter.Get<CalendarLoader>().LoadAsync([tenant.ActivityId], [waiterChild], waiter.Parent.AccountId, NextMonday, NextMonday, default);
        Assert.Equal(1, grid.WaitingRanks[(waiterChild, tenant.ActivityId, NextMonday)]);
        Assert.Contains("Listes d'attente", (await waiter.Db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).LastAsync()).TextBody, StringComparison.Ordinal);

        await holder.Get<BasketService>().ToggleAsync(holder.Parent, tenant.ChildId, tenant.ActivityId, NextMonday, default);
        Assert.Equal(1, (await holder.Get<BasketValidator>().ValidateAsync(holder.Parent, default)).Cancelled);

        var booked = Assert.Single(await ActiveBookingsAsync(factory, tenant.MunicipalityId, tenant.ActivityId, NextMonday));
        Assert.Equal((waiterChild, waiter.Parent.AccountId), (booked.ChildId, booked.CreatedByAccountId));
        Assert.Equal(WaitingState.Promoted, (await waiter.Db.WaitingEntries.AsNoTracking().SingleAsync(e => e.ChildId == waiterChild)).State);
        Assert.Equal(1, (await waiter.Db.ActivityDayLoads.AsNoTracking().SingleAsync(l => l.ActivityId == tenant.ActivityId && l.Date == NextMonday)).Booked);
        var mails = await PromotionMailsAsync(waiter, tenant.MunicipalityId);
        Assert.Equal(2, mails.Count);
        var mail = mails[0];
        Assert.Contains("Sam est réservé(e) pour GT - RESTAURATION le lundi 23 novembre 2026", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("annulez cette réservation sans frais dans « Mes réservations » avant le", mail.TextBody, StringComparison.Ordinal);
        await waiter.DisposeAsync();
    }

    [Fact]
    public async Task Forty_cancellations_at_once_give_each_freed_place_once_to_forty_waiting_children_and_tell_every_family()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var day = NextMonday.AddDays(1);
        await SetCapacityAsync(factory, tenant.MunicipalityId, tenant.ActivityId, 40);
        var holders = new List<ParentSession>();
        var waiters = new List<(ParentSession Session, int Child, string Email)>();
        for (var i = 0; i < 40; i++)
        {
            var (holder, child) = await Enrolments.EnrolmentKit.OtherFamilyAsync(factory, tenant, $"TITULAIRE{i}");
            holder.Db.Bookings.Add(new Booking { MunicipalityId = tenant.MunicipalityId, ChildId = child, ActivityId = tenant.ActivityId, Date = day });
            holder.Db.BasketLines.Add(new BasketLine
            {
                MunicipalityId = tenant.MunicipalityId,
                AccountId = holder.Parent.AccountId,
                ChildId = child,
                ActivityId = tenant.ActivityId,
                Date = day,
                Kind = BasketLineKind.Cancel,
            });
            await holder.Db.SaveChangesAsync();
            holders.Add(holder);
            var (waiter, waiting) = await Enrolments.EnrolmentKit.OtherFamilyAsync(factory, tenant, $"ATTENTE{i}");
            waiter.Db.WaitingEntries.Add(new WaitingEntry
            {
                MunicipalityId = tenant.MunicipalityId,
                AccountId = waiter.Parent.AccountId,
                ChildId = waiting,
                ActivityId = tenant.ActivityId,
                Date = day,
                CreatedAtUtc = new DateTime(2026, 11, 16, 6, 0, i, DateTimeKind.Utc),
            });
            await waiter.Db.SaveChangesAsync();
            var familyId = await waiter.Db.Children.Where(c => c.Id == waiting).Select(c => c.FamilyId).SingleAsync();
            waiters.Add((waiter, waiting, await waiter.Db.Families.Where(f => f.Id == familyId).Select(f => f.Email).SingleAsync()));
        }
        await holders[0].Db.ActivityDayLoads.AddAsync(new ActivityDayLoad { MunicipalityId = tenant.MunicipalityId, ActivityId = tenant.ActivityId, Date = day, Booked = 40 });
        await holders[0].Db.SaveChangesAsync();

        using var start = new ManualResetEventSlim();
        var cancelling = holders.Select(h => Task.Run(async () =>
        {
            start.Wait();
            return await h.Get<BasketValidator>().ValidateAsync(h.Parent, default);
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(cancelling);

        Assert.Equal(40, outcomes.Sum(o => o.Cancelled));
        var active = await ActiveBookingsAsync(factory, tenant.MunicipalityId, tenant.ActivityId, day);
        Assert.Equal(waiters.Select(w => w.Child).Order(), active.Select(b => b.ChildId).Order());
        var db = holders[0].Db;
        Assert.Equal(40, (await db.ActivityDayLoads.AsNoTracking().SingleAsync(l => l.ActivityId == tenant.ActivityId && l.Date == day)).Booked);
        Assert.All(await db.WaitingEntries.AsNoTracking().Where(e => e.Date == day).ToListAsync(), e => Assert.Equal(WaitingState.Promoted, e.State));
        var told = (await PromotionMailsAsync(holders[0], tenant.MunicipalityId)).Select(m => m.ToAddress).ToList();
        Assert.All(waiters, w => Assert.Single(told, address => address == w.Email));
        foreach (var session in holders.Concat(waiters.Select(w => w.Session)))
        {
            await session.DisposeAsync();
        }
    }
}

/// <summary>A waiting entry lapses at its booking deadline (its own portal: the test moves the clock).</summary>
public class DayWaitingLapseTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_entry_lapses_when_the_booking_deadline_passes_and_a_later_cancellation_promotes_nobody()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await SetCapacityAsync(factory, tenant.MunicipalityId, tenant.ActivityId, 1);
        await using var holder = await ParentSession.OpenAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        await holder.Get<BasketService>().ToggleAsync(holder.Parent, tenant.ChildId, tenant.ActivityId, NextMonday, default);
        await holder.Get<BasketValidator>().ValidateAsync(holder.Parent, default);
        var (waiter, child) = await Enrolments.EnrolmentKit.OtherFamilyAsync(factory, tenant, "BERNARD");
        await waiter.Get<BasketService>().ToggleAsync(waiter.Parent, child, tenant.ActivityId, NextMonday, default);
        await waiter.Get<BasketValidator>().ValidateAsync(waiter.Parent, default);

        // The booking deadline of Monday 23/11 is Thursday 19/11 at 10:00 Paris.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero));
        await factory.Services.GetRequiredService<ScheduledJobRunner>().RunDueAsync(default);

        Assert.Equal(WaitingState.Lapsed, (await waiter.Db.WaitingEntries.AsNoTracking().SingleAsync(e => e.ChildId == child)).State);
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        var bookingId = (await ActiveBookingsAsync(factory, tenant.MunicipalityId, tenant.ActivityId, NextMonday)).Single().Id;
        await holder.Get<StaffBookings>().CancelAsync(new StaffBookings.Staff(staff.Id, tenant.MunicipalityId, tenant.Name),
            await holder.Db.Children.AsNoTracking().SingleAsync(c => c.Id == tenant.ChildId), [bookingId], "Enfant malade", default);
        Assert.Empty(await ActiveBookingsAsync(factory, tenant.MunicipalityId, tenant.ActivityId, NextMonday));
        await waiter.DisposeAsync();
    }
}
