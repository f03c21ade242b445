using System.Text;

namespace FamilyPortal.Tests.Features.Accounts;

public class AuthenticatorCodeTests
{
    /// <summary>The SHA-1 secret of RFC 6238's test vectors, « 12345678901234567890 », in base 32.</summary>
    private const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Codes_are_those_of_rfc_6238_on_six_digits(long unixSeconds, string expected)
    {
        var key = AuthenticatorCode.KeyFromBase32(RfcKey)!;
        Assert.Equal(Encoding.ASCII.GetBytes("12345678901234567890"), key);
        Assert.Equal(expected, AuthenticatorCode.Compute(key, AuthenticatorCode.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))));
    }

    [Fact]
    public void A_code_matches_its_own_step_within_two_steps_of_now_and_not_beyond()
    {
        var key = AuthenticatorCode.KeyFromBase32(RfcKey)!;
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var present = AuthenticatorCode.StepAt(now);
        foreach (var offset in new[] { -2, -1, 0, 1, 2 })
        {
            Assert.Equal(present + offset, AuthenticatorCode.MatchingStep(key, AuthenticatorCode.Compute(key, present + offset), now));
        }
        Assert.Null(AuthenticatorCode.MatchingStep(key, AuthenticatorCode.Compute(key, present - 3), now));
        Assert.Null(AuthenticatorCode.MatchingStep(key, AuthenticatorCode.Compute(key, present + 3), now));
    }

    [Theory]
    [InlineData("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")]
    [InlineData("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ====")]
    public void The_key_is_read_as_shown_in_groups_of_lowercase_letters_or_padded(string shown) =>
        Assert.Equal(AuthenticatorCode.KeyFromBase32(RfcKey), AuthenticatorCode.KeyFromBase32(shown));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("GEZD1GNB")]
    public void A_key_that_is_not_base_32_reads_as_none(string? text) => Assert.Null(AuthenticatorCode.KeyFromBase32(text));
}
