using System.Diagnostics.Metrics;

namespace FamilyPortal.Web.Infrastructure.Observability;

/// <summary>
/// The portal's own metrics (meter <see cref="MeterName"/>), beside those of ASP.NET Core, EF Core and the
/// runtime: sign-ins by outcome, the password-check queue, « Valider » outcomes per basket line, the outbox
/// and the background leases this server holds. Each server reports its own counters; the outbox gauges are
/// the platform's (every server reads the same table).
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "FamilyPortal";

    private readonly Counter<long> _signIns;
    private readonly Histogram<double> _passwordWait;
    private readonly Counter<long> _basketLines;
    private int _passwordQueue;
    private int _leasesHeld;

    public PortalMetrics(IMeterFactory meters, OutboxGauges outbox)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(outbox);
        var meter = meters.Create(MeterName);
        _signIns = meter.CreateCounter<long>("portal.sign_ins", description: "Sign-in attempts by outcome");
        meter.CreateObservableGauge("portal.password_checks.queued", () => Volatile.Read(ref _passwordQueue),
            description: "Password checks waiting for a hashing thread");
        _passwordWait = meter.CreateHistogram<double>("portal.password_checks.wait", unit: "s",
            description: "Time a password check waited for a hashing thread");
        _basketLines = meter.CreateCounter<long>("portal.basket.lines", description: "Basket lines applied or refused by « Valider », by outcome");
        meter.CreateObservableGauge("portal.outbox.backlog", () => outbox.Read().Backlog, description: "Mail waiting to be sent");
        meter.CreateObservableGauge("portal.outbox.oldest_unsent_age", () => outbox.Read().OldestAgeSeconds, unit: "s",
            description: "Age of the oldest mail waiting to be sent");
        meter.CreateObservableGauge("portal.jobs.leases_held", () => Volatile.Read(ref _leasesHeld),
            description: "Scheduled job leases this server holds");
    }

    public void SignIn(string outcome) => _signIns.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void PasswordCheckQueued() => Interlocked.Increment(ref _passwordQueue);

    public void PasswordCheckStarted(TimeSpan waited)
    {
        Interlocked.Decrement(ref _passwordQueue);
        _passwordWait.Record(waited.TotalSeconds);
    }

    public void BasketLines(string outcome, int count)
    {
        if (count > 0)
        {
            _basketLines.Add(count, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    public void LeaseTaken() => Interlocked.Increment(ref _leasesHeld);

    public void LeaseGivenBack() => Interlocked.Decrement(ref _leasesHeld);
}

/// <summary>Outcome names of the portal's metrics (tag « outcome »).</summary>
public static class MetricOutcomes
{
    public const string SignedIn = "signed_in";
    public const string SecondFactorAsked = "second_factor";
    /// <summary>Signed in by a remembered device: no password check.</summary>
    public const string RememberedDevice = "remembered_device";
    public const string Refused = "refused";
    public const string LockedOut = "locked_out";
    public const string Suspended = "suspended";

    public const string Booked = "booked";
    public const string Cancelled = "cancelled";
    public const string Waiting = "waiting_list";
    public const string RefusedFull = "refused_full";
    public const string RefusedDeadline = "refused_deadline";
    public const string RefusedOther = "refused_other";
}
