using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace FamilyPortal.Web.Infrastructure;

/// <summary>
/// Health data and supporting documents are special categories of personal data (RGPD art. 9): they are
/// sealed with the Data Protection key ring — itself encrypted with a certificate kept outside the database —
/// before they are written, so that a copy of the database alone reveals none of them. Keys that expire
/// stay in the ring and still open what they sealed.
/// </summary>
public sealed class SensitiveData(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("FamilyPortal.SensitiveData.v1");

    public byte[] Seal(ReadOnlySpan<byte> clear) => _protector.Protect(clear.ToArray());

    public byte[] Open(byte[] sealedBytes) => _protector.Unprotect(sealedBytes);

    public byte[] SealJson<T>(T value) => Seal(JsonSerializer.SerializeToUtf8Bytes(value));

    public T OpenJson<T>(byte[] sealedBytes) =>
        JsonSerializer.Deserialize<T>(Open(sealedBytes))
        ?? throw new InvalidDataException("Sealed content holds no value.");
}
