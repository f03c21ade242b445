namespace FamilyPortal.Web.Tenancy;

/// <summary>Raised when a save would touch a row of a collectivité other than the current one.</summary>
public sealed class TenantViolationException(string message) : InvalidOperationException(message);
