using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace FamilyPortal.Web.Features.Accounts.Rules;

/// <summary>
/// The codes of an authenticator app (RFC 6238: HMAC-SHA1 over 30-second time steps, 6 digits), and which
/// time step a typed code belongs to, so that a code can be refused once it has been used.
/// </summary>
public static class AuthenticatorCode
{
    public const int StepSeconds = 30;

    /// <summary>Steps accepted on each side of the present one: the phone's clock and the typing may lag.</summary>
    public const int AcceptedDrift = 2;

    public static long StepAt(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / StepSeconds;

    public static string Compute(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The latest step around <paramref name="now"/> whose code is <paramref name="code"/>, or null.</summary>
    public static long? MatchingStep(byte[] key, string code, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(code);
        var typed = Encoding.ASCII.GetBytes(code);
        var present = StepAt(now);
        for (var step = present + AcceptedDrift; step >= present - AcceptedDrift; step--)
        {
            if (CryptographicOperations.FixedTimeEquals(typed, Encoding.ASCII.GetBytes(Compute(key, step))))
            {
                return step;
            }
        }
        return null;
    }

    /// <summary>The key as stored and shown (RFC 4648 base 32, case and spaces ignored), or null when it is not base 32.</summary>
    public static byte[]? KeyFromBase32(string? text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = (text ?? "").Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        if (clean.Length == 0)
        {
            return null;
        }
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }
            buffer = ((buffer << 5) | value) & 0xFFFF;
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
