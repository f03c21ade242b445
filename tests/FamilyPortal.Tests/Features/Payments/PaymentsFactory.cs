namespace FamilyPortal.Tests.Features.Payments;

/// <summary>A portal whose PayFiP is the simulator, running as its own process for the lifetime of the factory.</summary>
public sealed class PaymentsFactory : PortalFactory
{
    public PaymentsFactory() : this(new PayFipSimulatorProcess()) { }

    private PaymentsFactory(PayFipSimulatorProcess simulator) : base(new Dictionary<string, string?>
    {
        ["PayFip:ServiceUrl"] = simulator.ServiceUrl,
        ["PayFip:PaymentPageUrl"] = simulator.PaymentPageUrl,
    })
    {
        Simulator = simulator;
    }

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
