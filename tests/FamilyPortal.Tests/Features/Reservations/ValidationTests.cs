using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Reservations.ReservationKit;

namespace FamilyPortal.Tests.Features.Reservations;

public class ValidationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Valider_books_and_cancels_together_emails_the_summary_and_empties_the_basket()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await using var session = await ParentSession.OpenAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var basket = session.Get<BasketService>();
        await basket.ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday, default);
        await basket.ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday.AddDays(1), default);
        await basket.ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, new DateOnly(2026, 11, 20), default);

        var outcome = await session.Get<BasketValidator>().ValidateAsync(session.Parent, default);

        Assert.Equal((2, 1, 0), (outcome.Booked, outcome.Cancelled, outcome.Refused));
        var db = session.Db;
        Assert.Equal(0, await db.BasketLines.CountAsync(l => l.AccountId == session.Parent.AccountId));
        var active = await db.Bookings.Where(b => b.ChildId == tenant.ChildId && b.CancelledAtUtc == null).Select(b => b.Date).ToListAsync();
        Assert.Equal([NextMonday, NextMonday.AddDays(1)], active.Order());
        var cancelled = await db.Bookings.SingleAsync(b => b.ChildId == tenant.ChildId && b.CancelledAtUtc != null);
        Assert.Equal(CancellationKind.InTime, cancelled.Cancellation);
        Assert.Equal(0, (await db.ActivityDayLoads.SingleAsync(l => l.ActivityId == tenant.ActivityId && l.Date == new DateOnly(2026, 11, 20))).Booked);
        Assert.Equal(1, (await db.ActivityDayLoads.SingleAsync(l => l.ActivityId == tenant.ActivityId && l.Date == NextMonday)).Booked);

        var mail = await db.OutboxMessages.SingleAsync(m => m.Subject.StartsWith("Confirmation de vos réservations") && m.MunicipalityId == tenant.MunicipalityId);
        Assert.Contains("Lou – GT - RESTAURATION – lundi 23 novembre 2026", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Annulations :", mail.TextBody, StringComparison.Ordinal);
        var summary = await db.BasketValidations.SingleAsync(v => v.Id == outcome.ValidationId);
        Assert.Contains("Annulé · Lou · GT - RESTAURATION · vendredi 20 novembre 2026", summary.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validating_twice_applies_the_basket_once()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await using var session = await ParentSession.OpenAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        await session.Get<BasketService>().ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday, default);

        var first = Task.Run(async () =>
        {
            await using var s = await ParentSession.OpenAsync(factory, tenant.MunicipalityId, tenant.FamilyId, session.Parent.AccountId);
            return await s.Get<BasketValidator>().ValidateAsync(s.Parent, default);
        });
        var second = Task.Run(async () =>
        {
            await using var s = await ParentSession.OpenAsync(factory, tenant.MunicipalityId, tenant.FamilyId, session.Parent.AccountId);
            return await s.Get<BasketValidator>().ValidateAsync(s.Parent, default);
        });
        var outcomes = await Task.WhenAll(first, second);

        Assert.Equal(1, outcomes.Sum(o => o.Booked));
        Assert.Single(await ActiveBookingsAsync(factory, tenant.MunicipalityId, tenant.ActivityId, NextMonday));
        var third = await session.Get<BasketValidator>().ValidateAsync(session.Parent, default);
        Assert.Equal(0, third.Booked);
    }

    [Fact]
    public async Task Four_validations_of_one_basket_at_once_book_each_line_once_without_error()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await using var session = await ParentSession.OpenAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var basket = session.Get<BasketService>();
        // Monday, Tuesday, Thursday and Friday: the class has no service on Wednesdays.
        var days = new[] { 0, 1, 3, 4 }.Select(NextMonday.AddDays).ToList();
        foreach (var day in days)
        {
            await basket.ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, day, default);
        }

        var validations = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var s = await ParentSession.OpenAsync(factory, tenant.MunicipalityId, tenant.FamilyId, session.Parent.AccountId);
            return await s.Get<BasketValidator>().ValidateAsync(s.Parent, default);
        }));
        var outcomes = await Task.WhenAll(validations);

        Assert.Equal(4, outcomes.Sum(o => o.Booked));
        Assert.Equal(0, outcomes.Sum(o => o.Refused));
        foreach (var day in days)
        {
            Assert.Single(await ActiveBookingsAsync(factory, tenant.MunicipalityId, tenant.ActivityId, day));
        }
        Assert.Equal(0, await session.Db.BasketLines.CountAsync(l => l.AccountId == session.Parent.AccountId));
    }

    [Fact]
    public async Task A_line_past_its_deadline_at_validation_stays_in_the_basket_with_its_reason()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await using var session = await ParentSession.OpenAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var thursday = new DateOnly(2026, 11, 19);
        await session.Get<BasketService>().ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, thursday, default);

        // The deadline of Thursday 19/11 is Tuesday 17/11 at 10:00 Paris (09:00 UTC), to the second.
        // The clock only moves forward: later days of this class stay bookable after 17/11.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 17, 9, 0, 0, TimeSpan.Zero));
        var outcome = await session.Get<BasketValidator>().ValidateAsync(session.Parent, default);

        Assert.Equal((0, 1), (outcome.Booked, outcome.Refused));
        var line = await session.Db.BasketLines.AsNoTracking().SingleAsync(l => l.AccountId == session.Parent.AccountId);
        Assert.Equal("délai dépassé le 17/11 à 10:00", line.RefusalReason);
        Assert.Empty(await ActiveBookingsAsync(factory, tenant.MunicipalityId, tenant.ActivityId, thursday));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Forty_parents_validating_the_last_three_places_at_once_book_exactly_three(int round)
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var day = NextMonday.AddDays(7 * round);
        await SetCapacityAsync(factory, tenant.MunicipalityId, tenant.ActivityId, 3);
        var parents = new List<ParentSession>();
        for (var i = 0; i < 40; i++)
        {
            var familyId = await AddFamilyAsync(factory, tenant, $"FAMILLE{i}");
            var session = await ParentSession.OpenAsync(factory, tenant.MunicipalityId, familyId);
            var child = await ChildOfAsync(factory, tenant.MunicipalityId, familyId);
            await session.Get<BasketService>().ToggleAsync(session.Parent, child, tenant.ActivityId, day, default);
            parents.Add(session);
        }

        using var start = new ManualResetEventSlim();
        var outcomes = await Task.WhenAll(parents.Select(p => Task.Run(async () =>
        {
            start.Wait();
            return await p.Get<BasketValidator>().ValidateAsync(p.Parent, default);
        })).Append(Task.Run(() => { start.Set(); return new BasketValidator.Outcome(null, 0, 0, 0); })));

        Assert.Equal(3, outcomes.Sum(o => o.Booked));
        Assert.Equal(37, outcomes.Sum(o => o.Refused));
        Assert.Equal(3, (await ActiveBookingsAsync(factory, tenant.MunicipalityId, tenant.ActivityId, day)).Count);
        foreach (var parent in parents)
        {
            var line = await parent.Db.BasketLines.AsNoTracking().SingleOrDefaultAsync(l => l.AccountId == parent.Parent.AccountId);
            Assert.True(line is null || line.RefusalReason == "complet");
            await parent.DisposeAsync();
        }
    }
}
