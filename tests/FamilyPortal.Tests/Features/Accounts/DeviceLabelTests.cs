namespace FamilyPortal.Tests.Features.Accounts;

public class DeviceLabelTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome sur Android")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari sur iPhone")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1", "Chrome sur iPhone")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge sur Windows")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox sur Windows")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", "Safari sur Mac")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36", "Samsung Internet sur Android")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0", "Opera sur Linux")]
    [InlineData("python-requests/2.32", "Navigateur inconnu")]
    [InlineData("Mozilla/5.0 (Linux; Android 14)", "Navigateur sur Android")]
    [InlineData("", "Navigateur inconnu")]
    [InlineData(null, "Navigateur inconnu")]
    public void The_label_names_the_browser_and_the_system(string? userAgent, string label) =>
        Assert.Equal(label, DeviceLabel.From(userAgent));

    [Fact]
    public void The_label_always_fits_its_column() =>
        Assert.True(DeviceLabel.From("Mozilla/5.0 (Linux; Android 14) " + new string('x', 5000) + " SamsungBrowser/1 ").Length <= DeviceLabel.MaxLength);
}
