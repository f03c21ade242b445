namespace FamilyPortal.Tests.Features.Payments;

/// <summary>A portal whose PayFiP is the simulator, running as its own process for the lifetime of the factory.</summary>
public sealed class PaymentsFactory : PortalFactory
{
    public PaymentsFactory() : this(new PayFipSimulatorProcess(), new Dictionary<string, string?>()) { }

    private PaymentsFactory(PayFipSimulatorProcess simulator, IDictionary<string, string?> settings) : base(new Dictionary<string, string?>(settings)
    {
        ["PayFip:ServiceUrl"] = simulator.ServiceUrl,
        ["PayFip:PaymentPageUrl"] = simulator.PaymentPageUrl,
    })
    {
        Simulator = simulator;
    }

    /// <summary>A portal with extra settings (a low rate limit, for instance), for a test that owns it.</summary>
    public static PaymentsFactory WithSettings(IDictionary<string, string?> settings) => new(new PayFipSimulatorProcess(), settings);

    public PayFipSimulatorProcess Simulator { get; }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Simulator.Dispose();
        }
    }
}
