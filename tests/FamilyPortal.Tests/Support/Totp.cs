using System.Buffers.Binary;
using System.Security.Cryptography;

namespace FamilyPortal.Tests.Support;

/// <summary>An authenticator app for the tests (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), at the real time as the portal checks it.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset? at = null) =>
        CodeAtStep(base32Key, StepAt(at ?? TimeProvider.System.GetUtcNow()));

    /// <summary>The 30-second time step of an instant, as the portal counts them.</summary>
    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / 30;

    public static string CodeAtStep(string base32Key, long step)
    {
        var key = FromBase32(base32Key);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A code the portal has not accepted yet for this key: each code works once, so a second sign-in within
    /// the same 30 seconds takes the next step's code (the portal accepts two steps ahead of its clock).
    /// </summary>
    public static string FreshCode(string base32Key)
    {
        var present = StepAt(TimeProvider.System.GetUtcNow());
        var step = LastSteps.AddOrUpdate(Normalize(base32Key), present, (_, last) => Math.Max(present, last + 1));
        Assert.True(step <= present + 2, "more than three sign-ins with one key within 30 seconds");
        return CodeAtStep(base32Key, step);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> LastSteps = new();

    private static string Normalize(string base32Key) => base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>A code that is certainly not the current one (nor the neighbours the portal also accepts).</summary>
    public static string WrongCode(string base32Key)
    {
        var now = TimeProvider.System.GetUtcNow();
        var accepted = new[] { -60, -30, 0, 30, 60 }.Select(s => Code(base32Key, now.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => $"{i}{i}{i}{i}{i}{i}").First(c => !accepted.Contains(c));
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
