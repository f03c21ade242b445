namespace FamilyPortal.Web.Features.Messages.Rules;

public enum ThreadStatus
{
    New = 0,
    InProgress = 1,
    Treated = 2,
}

public enum MessageSide
{
    Parent = 0,
    Staff = 1,
}

/// <summary>The statuses in the inbox's words, and how a new message moves them.</summary>
public static class ThreadStatuses
{
    public static readonly IReadOnlyList<ThreadStatus> All = [ThreadStatus.New, ThreadStatus.InProgress, ThreadStatus.Treated];

    public static string Label(ThreadStatus status) => status switch
    {
        ThreadStatus.New => "nouveau",
        ThreadStatus.InProgress => "en cours",
        _ => "traité",
    };

    /// <summary>The word of the inbox's filter (« nouveau », « en-cours », « traite »), read back by <see cref="Parse"/>.</summary>
    public static string Slug(ThreadStatus status) => status switch
    {
        ThreadStatus.New => "nouveau",
        ThreadStatus.InProgress => "en-cours",
        _ => "traite",
    };

    public static ThreadStatus? Parse(string? slug) => All.Cast<ThreadStatus?>().FirstOrDefault(s => Slug(s!.Value) == slug);

    /// <summary>
    /// A family writing again reopens a thread the town hall had closed; the town hall answering a new thread
    /// takes it in hand. An internal note changes nothing.
    /// </summary>
    public static ThreadStatus After(ThreadStatus status, MessageSide side, bool internalNote) => (status, side, internalNote) switch
    {
        (_, _, true) => status,
        (ThreadStatus.Treated, MessageSide.Parent, _) => ThreadStatus.InProgress,
        (ThreadStatus.New, MessageSide.Staff, _) => ThreadStatus.InProgress,
        _ => status,
    };
}
