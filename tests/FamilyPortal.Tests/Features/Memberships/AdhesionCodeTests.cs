namespace FamilyPortal.Tests.Features.Memberships;

public class AdhesionCodeTests
{
    [Theory]
    [InlineData("WKMLY75KOA", "WKMLY75KOA")]
    [InlineData("wkmly75koa", "WKMLY75KOA")]
    [InlineData(" wkmly-75koa ", "WKMLY75KOA")]
    [InlineData("WKM LY7 5KOA", "WKMLY75KOA")]
    public void Input_is_forgiving(string input, string expected) =>
        Assert.Equal(expected, AdhesionCode.Normalize(input));

    [Theory]
    [InlineData("")]
    [InlineData("WKMLY75KO")]
    [InlineData("WKMLY75KOAA")]
    [InlineData("WKMLY75KÖA")]
    [InlineData("WKMLY<5KOA")]
    public void Impossible_codes_are_rejected(string input) => Assert.Null(AdhesionCode.Normalize(input));

    [Fact]
    public void Generated_codes_use_the_unambiguous_alphabet_and_differ()
    {
        var codes = Enumerable.Range(0, 500).Select(_ => AdhesionCode.Generate()).ToList();
        Assert.All(codes, c =>
        {
            Assert.Equal(AdhesionCode.Length, c.Length);
            Assert.DoesNotContain(c, ch => "01OIL".Contains(ch, StringComparison.Ordinal));
            Assert.Equal(c, AdhesionCode.Normalize(c));
        });
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
