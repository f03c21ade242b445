using FamilyPortal.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Infrastructure;

public sealed class ScheduledJobsTests(ScheduledJobsTests.JobsPortal portal) : IClassFixture<ScheduledJobsTests.JobsPortal>
{
    [Fact]
    public async Task A_due_job_runs_once_then_again_after_its_interval()
    {
        // The tests share one portal and its clock: each starts a day later, when every job is due.
        portal.Clock.Advance(TimeSpan.FromDays(1));
        var runner = portal.Services.GetRequiredService<ScheduledJobRunner>();
        var before = portal.Runs.Count(CountingJob.JobName);

        Assert.Contains(CountingJob.JobName, await runner.RunDueAsync(CancellationToken.None));
        Assert.DoesNotContain(CountingJob.JobName, await runner.RunDueAsync(CancellationToken.None));
        portal.Clock.Advance(CountingJob.Every - TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(CountingJob.JobName, await runner.RunDueAsync(CancellationToken.None));
        portal.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains(CountingJob.JobName, await runner.RunDueAsync(CancellationToken.None));

        Assert.Equal(before + 2, portal.Runs.Count(CountingJob.JobName));
    }

    [Fact]
    public async Task Servers_polling_at_the_same_moment_run_a_due_job_once()
    {
        portal.Clock.Advance(TimeSpan.FromDays(1));
        var before = portal.Runs.Count(CountingJob.JobName);
        // Each runner stands for one portal server: its own holder id, the same database.
        var servers = Enumerable.Range(0, 6)
            .Select(_ => ActivatorUtilities.CreateInstance<ScheduledJobRunner>(portal.Services))
            .ToList();

        var ran = await Task.WhenAll(servers.Select(s => Task.Run(() => s.RunDueAsync(CancellationToken.None))));

        Assert.Equal(1, ran.Count(names => names.Contains(CountingJob.JobName)));
        Assert.Equal(before + 1, portal.Runs.Count(CountingJob.JobName));
    }

    [Fact]
    public async Task A_failed_job_records_its_error_and_is_tried_again_five_minutes_later()
    {
        portal.Clock.Advance(TimeSpan.FromDays(1));
        var runner = portal.Services.GetRequiredService<ScheduledJobRunner>();
        var before = portal.Runs.Count(FailingJob.JobName);

        Assert.Contains(FailingJob.JobName, await runner.RunDueAsync(CancellationToken.None));
        var lease = await LeaseAsync(FailingJob.JobName);
        Assert.Contains("panne simulée", lease.LastError, StringComparison.Ordinal);
        Assert.Null(lease.HolderId);
        Assert.Equal(portal.Clock.GetUtcNow().UtcDateTime.AddMinutes(5), lease.NextRunAtUtc);

        portal.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.DoesNotContain(FailingJob.JobName, await runner.RunDueAsync(CancellationToken.None));
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains(FailingJob.JobName, await runner.RunDueAsync(CancellationToken.None));
        Assert.Equal(before + 2, portal.Runs.Count(FailingJob.JobName));
    }

    [Fact]
    public async Task A_lease_held_by_a_server_that_stopped_is_taken_over_once_it_lapses()
    {
        portal.Clock.Advance(TimeSpan.FromDays(1));
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        await using (var scope = portal.Scope())
        {
            var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
            Assert.True(await leases.TryTakeAsync(CountingJob.JobName, "serveur-arrete", now, TimeSpan.FromMinutes(30), CancellationToken.None));
        }
        var runner = portal.Services.GetRequiredService<ScheduledJobRunner>();

        Assert.DoesNotContain(CountingJob.JobName, await runner.RunDueAsync(CancellationToken.None));
        portal.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Contains(CountingJob.JobName, await runner.RunDueAsync(CancellationToken.None));
    }

    private async Task<JobLease> LeaseAsync(string name)
    {
        await using var scope = portal.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        return await db.JobLeases.AsNoTracking().SingleAsync(l => l.Name == name);
    }

    public sealed class RunLog
    {
        private readonly List<string> _runs = [];

        public void Add(string name)
        {
            lock (_runs)
            {
                _runs.Add(name);
            }
        }

        public int Count(string name)
        {
            lock (_runs)
            {
                return _runs.Count(r => r == name);
            }
        }
    }

    public sealed class CountingJob(RunLog runs) : IScheduledJob
    {
        public const string JobName = "essai-comptage";
        public static readonly TimeSpan Every = TimeSpan.FromHours(1);

        public string Name => JobName;
        public TimeSpan Interval => Every;

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            // Long enough for every other server's poll to meet the lease.
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            runs.Add(JobName);
        }
    }

    public sealed class FailingJob(RunLog runs) : IScheduledJob
    {
        public const string JobName = "essai-echec";

        public string Name => JobName;
        public TimeSpan Interval => TimeSpan.FromDays(1);

        public Task RunAsync(CancellationToken cancellationToken)
        {
            runs.Add(JobName);
            throw new InvalidOperationException("panne simulée");
        }
    }

    public sealed class JobsPortal : PortalFactory
    {
        public RunLog Runs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services
                .AddSingleton(Runs)
                .AddScheduledJob<CountingJob>()
                .AddScheduledJob<FailingJob>());
        }
    }
}
