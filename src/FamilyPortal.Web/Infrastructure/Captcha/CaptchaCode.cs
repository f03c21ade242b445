using System.Security.Cryptography;
using System.Text;

namespace FamilyPortal.Web.Infrastructure.Captcha;

/// <summary>The characters of a captcha: how they are drawn at random, normalised and hashed.</summary>
public static class CaptchaCode
{
    /// <summary>No 0/O, 1/I/L: characters that a person cannot tell apart are left out.</summary>
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public const int MinLength = 5;
    public const int MaxLength = 6;

    public static string Generate()
    {
        var length = RandomNumberGenerator.GetInt32(MinLength, MaxLength + 1);
        return RandomNumberGenerator.GetString(Alphabet, length);
    }

    /// <summary>Upper case without any white space: « ab c7k » and « ABC7K » are the same answer.</summary>
    public static string Normalize(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return string.Empty;
        }
        var builder = new StringBuilder(answer.Length);
        foreach (var c in answer)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }
        return builder.ToString();
    }

    /// <summary>The id salts the hash, so equal answers of two challenges do not share a stored value.</summary>
    public static string Hash(string id, string normalizedAnswer) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{id}:{normalizedAnswer}")));
}
