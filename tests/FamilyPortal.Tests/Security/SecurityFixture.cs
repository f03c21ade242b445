namespace FamilyPortal.Tests.Security;

/// <summary>
/// The anti-forgery and header tests share one portal (they read, or are refused): it is started and its
/// identities signed in once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedSecurityPortal : ICollectionFixture<SecurityFixture>
{
    public const string Name = "Security portal";
}

/// <summary>A portal with the identities of the access matrix signed in, and the handlers it answers.</summary>
public sealed class SecurityFixture : IAsyncLifetime
{
    public InstrumentedPortal Factory { get; } = new();

    public SecurityWorld World { get; private set; } = null!;

    public IReadOnlyList<PageHandler> Handlers { get; private set; } = [];

    public AccessMatrix Matrix { get; } = AccessMatrix.Load();

    public async Task InitializeAsync()
    {
        Handlers = await PageHandlers.DiscoverAsync(Factory);
        World = await SecurityWorld.CreateAsync(Factory);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>What the access matrix says the identity gets from the handler (the first GET row for an unknown page).</summary>
    public string Expected(PageHandler handler, string identity) =>
        Matrix.RuleFor(handler) is { } rule ? AccessMatrix.ExpectedFor(rule, handler, identity) : "unknown";
}
