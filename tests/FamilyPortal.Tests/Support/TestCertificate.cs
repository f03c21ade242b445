using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FamilyPortal.Tests.Support;

/// <summary>
/// A throwaway certificate for the Data Protection key ring of the test portals: made once per test run,
/// written as a password-protected PFX into each portal's own folder, as an operator would provide one.
/// </summary>
public static class TestCertificate
{
    public static string Password { get; } = "pfx-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    private static readonly Lazy<byte[]> Pfx = new(() =>
    {
        TestSecrets.Add(Password, "data protection certificate password");
        return Create("CN=Portail Famille tests", Password);
    });

    /// <summary>Writes the run's certificate into <paramref name="folder"/> and returns its path.</summary>
    public static string WriteTo(string folder)
    {
        var path = Path.Combine(folder, "protection-des-cles.pfx");
        File.WriteAllBytes(path, Pfx.Value);
        return path;
    }

    /// <summary>A new self-signed RSA certificate with its private key, as PFX bytes.</summary>
    public static byte[] Create(string subject, string? password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        return certificate.Export(X509ContentType.Pkcs12, password);
    }
}
