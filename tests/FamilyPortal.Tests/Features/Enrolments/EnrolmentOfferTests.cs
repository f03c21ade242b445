using FamilyPortal.Web.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Enrolments.EnrolmentKit;

namespace FamilyPortal.Tests.Features.Enrolments;

/// <summary>A freed place offered for a delay, then to the next (its own portal: the test moves the clock).</summary>
public class EnrolmentOfferTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_freed_place_is_offered_for_48_hours_then_goes_to_the_next_who_accepts_it()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await RequireAsync(factory, tenant.MunicipalityId, tenant.ActivityId,
            new EnrolmentSettings { Mode = EnrolmentMode.SchoolYear, Capacity = 1, AutoAccept = true, OfferHours = 48 });
        await using var first = await Reservations.ParentSession.OpenAsync(factory, tenant.MunicipalityId, tenant.FamilyId);
        var (second, secondChild) = await OtherFamilyAsync(factory, tenant, "BERNARD");
        var (third, thirdChild) = await OtherFamilyAsync(factory, tenant, "PETIT");
        var held = await first.Get<EnrolmentService>().RequestAsync(first.Parent, tenant.ChildId, tenant.ActivityId, YearStart, default);
        var late = await second.Get<EnrolmentService>().RequestAsync(second.Parent, secondChild, tenant.ActivityId, YearStart, default);
        var next = await third.Get<EnrolmentService>().RequestAsync(third.Parent, thirdChild, tenant.ActivityId, YearStart, default);

        await first.Get<EnrolmentService>().WithdrawAsync(first.Parent, held.Id, default);
        var offered = await StateOfAsync(factory, tenant.MunicipalityId, secondChild, tenant.ActivityId);
        Assert.Equal(EnrolmentState.Offered, offered.State);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime.AddHours(48), offered.OfferExpiresAtUtc);
        Assert.Equal(0, await first.Get<EnrolmentDecisions>().ExpireOffersAsync(default));

        factory.Clock.Advance(TimeSpan.FromHours(48));
        // The scheduled job, as the portal's runner calls it.
        await factory.Services.GetRequiredService<ScheduledJobRunner>().RunDueAsync(default);

        Assert.Equal(EnrolmentState.Withdrawn, (await StateOfAsync(factory, tenant.MunicipalityId, secondChild, tenant.ActivityId)).State);
        Assert.Equal(EnrolmentState.Offered, (await StateOfAsync(factory, tenant.MunicipalityId, thirdChild, tenant.ActivityId)).State);
        var lapsed = await Assert.ThrowsAsync<EnrolmentRefusedException>(() => second.Get<EnrolmentService>().AcceptOfferAsync(second.Parent, late.Id, default));
        Assert.Equal("Cette place n'est plus proposée.", lapsed.Message);
        await third.Get<EnrolmentService>().AcceptOfferAsync(third.Parent, next.Id, default);
        Assert.Equal(EnrolmentState.Enrolled, (await StateOfAsync(factory, tenant.MunicipalityId, thirdChild, tenant.ActivityId)).State);
        Assert.Equal(1, await first.Get<EnrolmentGate>().TakenAsync(tenant.ActivityId, YearStart, default));
        var mails = await MailsAsync(factory, tenant.MunicipalityId);
        Assert.Equal(2, mails.Count(m => m.Subject.StartsWith("Une place vous est proposée", StringComparison.Ordinal)));
        await second.DisposeAsync();
        await third.DisposeAsync();
    }
}
