namespace FamilyPortal.Web.Infrastructure.Jobs;

public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Off in the tests, which call <see cref="ScheduledJobRunner.RunDueAsync"/> after moving the clock.</summary>
    public bool Enabled { get; set; } = true;

    public int PollSeconds { get; set; } = 60;

    /// <summary>How long a server may hold a job before another one may take it over (a crashed server's job).</summary>
    public int LeaseMinutes { get; set; } = 30;
}
