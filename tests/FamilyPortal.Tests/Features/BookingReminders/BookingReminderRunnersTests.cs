using FamilyPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.BookingReminders.BookingReminderKit;

namespace FamilyPortal.Tests.Features.BookingReminders;

/// <summary>Two portal servers polling at the same moment: the reminder job runs on one of them, each family gets one email.</summary>
public class BookingReminderRunnersTests
{
    [Fact]
    public async Task Two_job_runners_polling_together_send_exactly_one_email_per_family()
    {
        using var factory = new PortalFactory();
        var first = await TenantBuilder.CreateAsync(factory);
        var second = await TenantBuilder.CreateAsync(factory);
        foreach (var tenant in new[] { first, second })
        {
            await EnableAsync(factory, tenant.MunicipalityId, tenant.ActivityId);
            await AddChildAsync(factory, tenant, "Léa");
        }
        var servers = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<ScheduledJobRunner>(factory.Services)).ToList();

        var ran = await Task.WhenAll(servers.Select(s => Task.Run(() => s.RunDueAsync(CancellationToken.None))));

        Assert.Equal(1, ran.Count(names => names.Contains("rappels-reservation")));
        foreach (var tenant in new[] { first, second })
        {
            var mail = Assert.Single(await MailsAsync(factory, tenant.MunicipalityId));
            Assert.Equal(tenant.FamilyEmail, mail.ToAddress);
            Assert.Single(await SentAsync(factory, tenant.MunicipalityId));
        }
        await using var scope = factory.Scope();
        var lease = await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().JobLeases.AsNoTracking().SingleAsync(l => l.Name == "rappels-reservation");
        Assert.Null(lease.LastError);

        // Both servers poll again a quarter of an hour later: the families already reminded for the week get nothing more.
        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        await Task.WhenAll(servers.Select(s => Task.Run(() => s.RunDueAsync(CancellationToken.None))));
        Assert.Single(await MailsAsync(factory, first.MunicipalityId));
        Assert.Single(await MailsAsync(factory, second.MunicipalityId));
    }
}
