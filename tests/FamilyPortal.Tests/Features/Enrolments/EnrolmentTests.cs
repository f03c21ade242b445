using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Enrolments.EnrolmentKit;
using static FamilyPortal.Tests.Features.Reservations.ReservationKit;

namespace FamilyPortal.Tests.Features.Enrolments;

/// <summary>Inscriptions through the services the pages call: places, waiting list, promotion, emails, and the booking verdict.</summary>
public class EnrolmentTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static EnrolmentSettings PerYear(int? capacity, bool autoAccept) =>
        new() { Mode = EnrolmentMode.SchoolYear, Capacity = capacity, AutoAccept = autoAccept };

    [Fact]
    public async Task Automatic_acceptance_enrols_while_places_remain_ranks_the_waiting_list_and_promotes_the_first_on_withdrawal()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await RequireAsync(factory, tenant.MunicipalityId, tenant.ActivityId, PerYear(capacity: 1, autoAccept: true));
        await using var first = await Reservations.ParentSession.OpenAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var (second, secondChild) = await OtherFamilyAsync(factory, tenant, "BERNARD");
        var (third, thirdChild) = await OtherFamilyAsync(factory, tenant, "PETIT");

        var enrolled = await first.Get<EnrolmentService>().RequestAsync(first.Parent, tenant.ChildId, tenant.ActivityId, YearStart, default);
        var waiting = await second.Get<EnrolmentService>().RequestAsync(second.Parent, secondChild, tenant.ActivityId, YearStart, default);
        var last = await third.Get<EnrolmentService>().RequestAsync(third.Parent, thirdChild, tenant.ActivityId, YearStart, default);

        Assert.Equal(EnrolmentState.Enrolled, enrolled.State);
        Assert.Equal((EnrolmentState.Waiting, EnrolmentState.Waiting), (waiting.State, last.State));
        Assert.Equal(1, await third.Get<EnrolmentPromotion>().RankAsync(waiting, default));
        Assert.Equal(2, await third.Get<EnrolmentPromotion>().RankAsync(last, default));

        await first.Get<EnrolmentService>().WithdrawAsync(first.Parent, enrolled.Id, default);

        Assert.Equal(EnrolmentState.Withdrawn, (await StateOfAsync(factory, tenant.MunicipalityId, tenant.ChildId, tenant.ActivityId)).State);
        Assert.Equal(EnrolmentState.Enrolled, (await StateOfAsync(factory, tenant.MunicipalityId, secondChild, tenant.ActivityId)).State);
        var stillWaiting = await StateOfAsync(factory, tenant.MunicipalityId, thirdChild, tenant.ActivityId);
        Assert.Equal(EnrolmentState.Waiting, stillWaiting.State);
        Assert.Equal(1, await third.Get<EnrolmentPromotion>().RankAsync(stillWaiting, default));
        Assert.Equal(1, await third.Get<EnrolmentGate>().TakenAsync(tenant.ActivityId, YearStart, default));
        var mails = await MailsAsync(factory, tenant.MunicipalityId);
        Assert.Contains(mails, m => m.Subject.StartsWith("Demande d'inscription en liste d'attente", StringComparison.Ordinal) && m.TextBody.Contains("rang 2", StringComparison.Ordinal));
        Assert.Equal(2, mails.Count(m => m.Subject.StartsWith("Inscription acceptée", StringComparison.Ordinal)));
        Assert.Contains(mails, m => m.Subject.StartsWith("Inscription retirée", StringComparison.Ordinal) && m.ToAddress == tenant.FamilyEmail);
        await second.DisposeAsync();
        await third.DisposeAsync();
    }

    [Fact]
    public async Task Only_an_enrolled_child_may_book_and_Valider_refuses_a_line_whose_inscription_was_withdrawn()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await RequireAsync(factory, tenant.MunicipalityId, tenant.ActivityId, PerYear(capacity: null, autoAccept: false));
        await using var session = await Reservations.ParentSession.OpenAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var basket = session.Get<BasketService>();

        var refused = await Assert.ThrowsAsync<ReservationRefusedException>(() => basket.ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday, default));
        Assert.Equal("inscription requise : inscrivez d'abord l'enfant à cette activité (« Inscriptions »)", refused.Message);

        var request = await session.Get<EnrolmentService>().RequestAsync(session.Parent, tenant.ChildId, tenant.ActivityId, YearStart, default);
        Assert.Equal(EnrolmentState.Pending, request.State);
        await Assert.ThrowsAsync<ReservationRefusedException>(() => basket.ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday, default));
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        await session.Get<EnrolmentDecisions>().AcceptAsync([request.Id], staff.Id, default);

        Assert.Equal(CellState.ToAdd, await basket.ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday, default));
        Assert.Equal(CellState.ToAdd, await basket.ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday.AddDays(1), default));
        Assert.Equal(2, (await session.Get<BasketValidator>().ValidateAsync(session.Parent, default)).Booked);

        Assert.Equal(CellState.ToAdd, await basket.ToggleAsync(session.Parent, tenant.ChildId, tenant.ActivityId, NextMonday.AddDays(2 + 1), default));
        await session.Get<EnrolmentDecisions>().WithdrawAsync([request.Id], staff.Id, default);
        var outcome = await session.Get<BasketValidator>().ValidateAsync(session.Parent, default);

        Assert.Equal((0, 1), (outcome.Booked, outcome.Refused));
        var line = await session.Db.BasketLines.AsNoTracking().SingleAsync(l => l.AccountId == session.Parent.AccountId);
        Assert.Equal(Verdict.NotEnrolled.Message, line.RefusalReason);
        Assert.Empty(await ActiveBookingsAsync(factory, tenant.MunicipalityId, tenant.ActivityId, NextMonday.AddDays(3)));
        var mails = await MailsAsync(factory, tenant.MunicipalityId);
        Assert.Contains(mails, m => m.Subject.StartsWith("Demande d'inscription reçue", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.Subject.StartsWith("Inscription acceptée", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.Subject.StartsWith("Inscription retirée", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_accept_in_bulk_until_the_places_run_out_then_the_rest_wait_and_a_refusal_frees_a_place()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await RequireAsync(factory, tenant.MunicipalityId, tenant.ActivityId, PerYear(capacity: 2, autoAccept: false));
        var requests = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var (session, child) = await OtherFamilyAsync(factory, tenant, $"FAMILLE{i}");
            requests.Add((await session.Get<EnrolmentService>().RequestAsync(session.Parent, child, tenant.ActivityId, YearStart, default)).Id);
            await session.DisposeAsync();
        }
        var staff = await StaffJourney.CreateAsync(factory, tenant.MunicipalityId, Roles.Agent);
        await using var work = await Reservations.ParentSession.OpenAsync(factory, tenant.MunicipalityId, tenant.FamilyId);

        var accepted = await work.Get<EnrolmentDecisions>().AcceptAsync(requests, staff.Id, default);
        Assert.Equal((2, 1), (accepted.Enrolled, accepted.Waiting));

        var refused = await work.Get<EnrolmentDecisions>().RefuseAsync([requests[0]], "Dossier incomplet", staff.Id, default);
        Assert.Equal(1, refused.Refused);
        var states = await work.Db.Enrolments.AsNoTracking().Where(e => requests.Contains(e.Id)).OrderBy(e => e.Id).Select(e => e.State).ToListAsync();
        Assert.Equal([EnrolmentState.Refused, EnrolmentState.Enrolled, EnrolmentState.Enrolled], states);
        Assert.Equal(2, await work.Get<EnrolmentGate>().TakenAsync(tenant.ActivityId, YearStart, default));
        var mails = await MailsAsync(factory, tenant.MunicipalityId);
        Assert.Contains(mails, m => m.Subject.StartsWith("Demande d'inscription refusée", StringComparison.Ordinal) && m.TextBody.Contains("Motif : Dossier incomplet", StringComparison.Ordinal));
        await Assert.ThrowsAsync<EnrolmentRefusedException>(() => work.Get<EnrolmentDecisions>().AcceptAsync([requests[0]], staff.Id, default));
    }

    [Fact]
    public async Task Age_class_and_unpaid_invoice_conditions_refuse_in_French_and_write_nothing()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await RequireAsync(factory, tenant.MunicipalityId, tenant.ActivityId, new EnrolmentSettings { Mode = EnrolmentMode.SchoolYear, MinAge = 6 });
        await using var session = await Reservations.ParentSession.OpenAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var before = await DatabaseFingerprint.OfDatabaseAsync(factory);

        var age = await Assert.ThrowsAsync<EnrolmentRefusedException>(() =>
            session.Get<EnrolmentService>().RequestAsync(session.Parent, tenant.ChildId, tenant.ActivityId, YearStart, default));
        Assert.Equal("Inscription impossible : la date de naissance de l'enfant n'est pas connue de la mairie.", age.Message);
        var afterAge = await DatabaseFingerprint.OfDatabaseAsync(factory);
        Assert.True(before.SequenceEqual(afterAge), DatabaseFingerprint.Differences(before, afterAge));

        await session.Db.Children.Where(c => c.Id == tenant.ChildId).ExecuteUpdateAsync(u => u.SetProperty(c => c.BirthDate, new DateOnly(2021, 3, 1)));
        await RequireAsync(factory, tenant.MunicipalityId, tenant.ActivityId, new EnrolmentSettings { Mode = EnrolmentMode.SchoolYear, MaxUnpaidDays = 30 });
        await session.Db.Invoices.ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, InvoiceStatus.ToPay));
        before = await DatabaseFingerprint.OfDatabaseAsync(factory);

        var unpaid = await Assert.ThrowsAsync<EnrolmentRefusedException>(() =>
            session.Get<EnrolmentService>().RequestAsync(session.Parent, tenant.ChildId, tenant.ActivityId, YearStart, default));
        Assert.Equal("Inscription impossible : une facture est impayée depuis plus de 30 jours : réglez-la avant de demander l'inscription.", unpaid.Message);
        var wrongPeriod = await Assert.ThrowsAsync<EnrolmentRefusedException>(() =>
            session.Get<EnrolmentService>().RequestAsync(session.Parent, tenant.ChildId, tenant.ActivityId, YearStart.AddDays(1), default));
        Assert.Equal(400, wrongPeriod.StatusCode);

        var after = await DatabaseFingerprint.OfDatabaseAsync(factory);
        Assert.True(before.SequenceEqual(after), DatabaseFingerprint.Differences(before, after));
    }

    [Fact]
    public async Task Forty_families_asking_for_the_last_three_places_at_once_get_three_inscriptions_and_a_ranked_list()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await RequireAsync(factory, tenant.MunicipalityId, tenant.ActivityId, PerYear(capacity: 3, autoAccept: true));
        var families = new List<(Reservations.ParentSession Session, int Child)>();
        for (var i = 0; i < 40; i++)
        {
            families.Add(await OtherFamilyAsync(factory, tenant, $"FAMILLE{i}"));
        }

        using var start = new ManualResetEventSlim();
        var asked = families.Select(f => Task.Run(async () =>
        {
            start.Wait();
            return await f.Session.Get<EnrolmentService>().RequestAsync(f.Session.Parent, f.Child, tenant.ActivityId, YearStart, default);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(asked);

        Assert.Equal(3, results.Count(r => r.State == EnrolmentState.Enrolled));
        Assert.Equal(37, results.Count(r => r.State == EnrolmentState.Waiting));
        var promotion = families[0].Session.Get<EnrolmentPromotion>();
        var ranks = new List<int>();
        foreach (var waiting in results.Where(r => r.State == EnrolmentState.Waiting))
        {
            ranks.Add(await promotion.RankAsync(waiting, default));
        }
        Assert.Equal(Enumerable.Range(1, 37), ranks.Order());
        Assert.Equal(3, await families[0].Session.Get<EnrolmentGate>().TakenAsync(tenant.ActivityId, YearStart, default));
        foreach (var family in families)
        {
            await family.Session.DisposeAsync();
        }
    }
}
