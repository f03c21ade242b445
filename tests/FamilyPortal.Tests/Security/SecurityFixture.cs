using FamilyPortal.Tests.Support;

namespace FamilyPortal.Tests.Security;

/// <summary>A portal with the identities of the access matrix signed in, and the handlers it answers.</summary>
public class SecurityFixture : IAsyncLifetime
{
    public SecurityFixture() : this(new PortalFactory()) { }

    protected SecurityFixture(PortalFactory factory) => Factory = factory;

    public PortalFactory Factory { get; }

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
