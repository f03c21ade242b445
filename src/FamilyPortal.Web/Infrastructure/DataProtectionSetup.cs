using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Infrastructure;

/// <summary>
/// The Data Protection key ring (it seals the adhesion code envelopes, the captcha secrets, the cookies and
/// the emailed links) lives in the database, so that every web instance reads the same keys. Each key is
/// encrypted there with a certificate kept outside the database: a copy of the database alone opens nothing.
/// </summary>
public static class DataProtectionSetup
{
    public const string CertificatePathSetting = "DataProtection:CertificatePath";
    public const string CertificatePasswordSetting = "DataProtection:CertificatePassword";

    /// <summary>Where Development (and a demonstration) keeps the certificate it makes itself, under the application folder.</summary>
    public const string LocalCertificatePath = "data/protection-des-cles.pfx";

    private static readonly XName RequiresEncryption = XName.Get("requiresEncryption", "http://schemas.asp.net/2015/03/dataProtection");
    private static readonly XName EncryptedSecret = XName.Get("encryptedSecret", "http://schemas.asp.net/2015/03/dataProtection");

    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var certificate = LoadCertificate(configuration, environment);
        services.AddSingleton(new KeyRingCertificate(certificate));
        services.AddDataProtection()
            .SetApplicationName("FamilyPortal")
            .PersistKeysToDbContext<FamilyPortalDbContext>()
            .ProtectKeysWithCertificate(certificate);
        return services;
    }

    /// <summary>
    /// The certificate named by <see cref="CertificatePathSetting"/> (a PFX file with its private key, a
    /// relative path being under the application folder). Development and the demonstration mode make a
    /// self-signed one when the file is missing; anywhere else a missing setting, file or password stops the
    /// start with a message saying what to set.
    /// </summary>
    public static X509Certificate2 LoadCertificate(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var mayCreate = environment.IsDevelopment() || DemoMode.IsOn(configuration);
        var configured = configuration[CertificatePathSetting];
        var password = configuration[CertificatePasswordSetting];
        if (string.IsNullOrWhiteSpace(password))
        {
            password = null;
        }
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!mayCreate)
            {
                throw new InvalidOperationException(
                    "Le certificat qui chiffre les clés de protection des données n'est pas configuré. Indiquez le chemin " +
                    $"d'un fichier PFX (certificat RSA avec sa clé privée) dans {CertificatePathSetting} (variable " +
                    "d'environnement DataProtection__CertificatePath) et, s'il est protégé, son mot de passe dans " +
                    $"{CertificatePasswordSetting}. Gardez ce fichier hors de la base de données et de ses sauvegardes.");
            }
            configured = LocalCertificatePath;
        }
        var path = Path.GetFullPath(configured, environment.ContentRootPath);
        if (!File.Exists(path))
        {
            if (!mayCreate)
            {
                throw new InvalidOperationException(
                    $"Le fichier de certificat « {path} » indiqué par {CertificatePathSetting} est introuvable : " +
                    "vérifiez le chemin (un chemin relatif part du dossier de l'application).");
            }
            CreateSelfSigned(path, password);
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password,
                OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"Le certificat « {path} » ne peut pas être ouvert : vérifiez que c'est un fichier PFX et que " +
                $"{CertificatePasswordSetting} contient son mot de passe.", e);
        }
        if (!certificate.HasPrivateKey || certificate.GetRSAPublicKey() is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException(
                $"Le certificat « {path} » ({CertificatePathSetting}) doit être un certificat RSA accompagné de sa clé privée.");
        }
        return certificate;
    }

    /// <summary>A self-signed RSA certificate written as a PFX file that only the portal's user may read.</summary>
    public static void CreateSelfSigned(string path, string? password)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Portail Famille - protection des clés", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(30));
        var pfx = certificate.Export(X509ContentType.Pkcs12, password);
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            file.Write(pfx);
        }
    }

    /// <summary>
    /// Keys written before the key ring was encrypted still hold their master key in clear: each is encrypted
    /// in place with the certificate, as Data Protection would have written it. Runs at start-up, before
    /// anything reads the key ring; a key already encrypted is left as it is.
    /// </summary>
    /// <returns>The number of keys encrypted.</returns>
    public static async Task<int> EncryptClearKeysAsync(FamilyPortalDbContext db, X509Certificate2 certificate, ILoggerFactory loggers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var encryptor = new CertificateXmlEncryptor(certificate, loggers);
        var encrypted = 0;
        foreach (var row in await db.DataProtectionKeys.ToListAsync(ct))
        {
            if (string.IsNullOrEmpty(row.Xml))
            {
                continue;
            }
            var key = XElement.Parse(row.Xml);
            var clear = key.DescendantsAndSelf().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList();
            if (clear.Count == 0)
            {
                continue;
            }
            foreach (var element in clear)
            {
                var sealedElement = encryptor.Encrypt(new XElement(element));
                element.ReplaceWith(new XElement(EncryptedSecret,
                    new XAttribute("decryptorType", sealedElement.DecryptorType.AssemblyQualifiedName!),
                    sealedElement.EncryptedElement));
            }
            row.Xml = key.ToString(SaveOptions.DisableFormatting);
            encrypted++;
        }
        if (encrypted > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        return encrypted;
    }
}

/// <summary>The certificate of the key ring, for the start-up step that encrypts keys written in clear before.</summary>
public sealed record KeyRingCertificate(X509Certificate2 Certificate);
