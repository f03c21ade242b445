using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Infrastructure;

public sealed class SensitiveDataTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed record Note(string Allergy, bool Pai);

    [Fact]
    public void Sealed_bytes_hide_the_content_and_open_back_to_it()
    {
        var data = factory.Services.GetRequiredService<SensitiveData>();
        var clear = Encoding.UTF8.GetBytes("Allergie à l'arachide — PAI");

        var sealedBytes = data.Seal(clear);

        Assert.Equal(-1, sealedBytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("arachide")));
        Assert.Equal(clear, data.Open(sealedBytes));
    }

    [Fact]
    public void A_record_sealed_as_json_opens_to_an_equal_record()
    {
        var data = factory.Services.GetRequiredService<SensitiveData>();

        var sealedBytes = data.SealJson(new Note("arachide", true));

        Assert.DoesNotContain("arachide", Encoding.UTF8.GetString(sealedBytes), StringComparison.Ordinal);
        Assert.Equal(new Note("arachide", true), data.OpenJson<Note>(sealedBytes));
    }

    [Fact]
    public void Tampered_bytes_are_refused()
    {
        var data = factory.Services.GetRequiredService<SensitiveData>();
        var sealedBytes = data.Seal(RandomNumberGenerator.GetBytes(64));
        sealedBytes[^1] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => { data.Open(sealedBytes); });
    }
}
