using System.Buffers.Binary;
using System.Net;
using FamilyPortal.Web.Infrastructure.Captcha;
using SkiaSharp;

namespace FamilyPortal.Tests.Infrastructure.Captcha;

public class CaptchaEndpointsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Image_is_a_png_of_the_announced_size_and_is_not_cached()
    {
        var challenge = await CaptchaHttp.IssueAsync(factory);

        var response = await factory.CreateClient().GetAsync(challenge.ImagePath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(PngSignature, png[..8]);
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(CaptchaImageRenderer.Width, bitmap.Width);
        Assert.Equal(CaptchaImageRenderer.Height, bitmap.Height);
    }

    [Fact]
    public async Task Image_has_dark_character_pixels_so_the_font_was_found()
    {
        var challenge = await CaptchaHttp.IssueAsync(factory);
        var png = await factory.CreateClient().GetByteArrayAsync(challenge.ImagePath);

        using var bitmap = SKBitmap.Decode(png);
        // Only the characters are drawn in dark inks; curves and dots stay lighter than this threshold.
        var dark = bitmap.Pixels.Count(p => (p.Red + p.Green + p.Blue) / 3 < 100);

        Assert.True(dark > 400, $"Only {dark} dark pixels: the captcha characters were not drawn (fonts missing?).");
    }

    [Fact]
    public async Task Image_is_stable_for_one_challenge_and_differs_between_challenges()
    {
        var client = factory.CreateClient();
        var first = await CaptchaHttp.IssueAsync(factory);
        var second = await CaptchaHttp.IssueAsync(factory);

        var firstImage = await client.GetByteArrayAsync(first.ImagePath);
        var firstAgain = await client.GetByteArrayAsync(first.ImagePath);
        var secondImage = await client.GetByteArrayAsync(second.ImagePath);

        Assert.Equal(firstImage, firstAgain);
        Assert.NotEqual(firstImage, secondImage);
    }

    [Fact]
    public async Task Audio_is_a_pcm_wave_whose_length_follows_the_characters()
    {
        var challenge = await CaptchaHttp.IssueAsync(factory);
        var answer = await CaptchaHttp.AnswerOfAsync(factory, challenge.Id);

        var response = await factory.CreateClient().GetAsync(challenge.AudioPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var wav = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("RIFF"u8.ToArray(), wav[..4]);
        Assert.Equal(wav.Length - 8, (int)BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(4)));
        Assert.Equal("WAVEfmt "u8.ToArray(), wav[8..16]);
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(20)));   // PCM
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(22)));   // mono
        var rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(24));
        Assert.Contains(rate, new[] { 8000, 16000 });
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(34)));
        Assert.Equal("data"u8.ToArray(), wav[36..40]);
        var samples = (int)BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(40)) / 2;
        Assert.Equal(wav.Length - 44, samples * 2);

        var (shortest, longest) = AudioMatchingTests.LengthBounds(answer, rate);
        Assert.InRange(samples, shortest, longest);
    }

    [Fact]
    public async Task Unknown_malformed_and_expired_challenges_are_not_found()
    {
        var client = factory.CreateClient();
        var expired = await CaptchaHttp.IssueAsync(factory);
        factory.Clock.Advance(CaptchaService.Lifetime + TimeSpan.FromSeconds(1));

        foreach (var path in new[]
        {
            CaptchaChallenge.ImagePathOf(new string('a', 32)), CaptchaChallenge.AudioPathOf(new string('a', 32)),
            "/captcha/pas-un-identifiant.png", expired.ImagePath, expired.AudioPath,
        })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_answer_appears_in_no_header_and_nowhere_in_the_partial()
    {
        var challenge = await CaptchaHttp.IssueAsync(factory);
        var answer = await CaptchaHttp.AnswerOfAsync(factory, challenge.Id);
        var client = factory.CreateClient();

        foreach (var path in new[] { challenge.ImagePath, challenge.AudioPath })
        {
            var response = await client.GetAsync(path);
            var headers = response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value.Prepend(h.Key));
            Assert.DoesNotContain(headers, value => value.Contains(answer, StringComparison.OrdinalIgnoreCase));
        }
        var html = await CaptchaHttp.RenderPartialAsync(factory, new CaptchaFieldModel(challenge, "Input.Captcha"));
        Assert.Contains(challenge.Id, html, StringComparison.Ordinal);
        Assert.DoesNotContain(answer, html, StringComparison.OrdinalIgnoreCase);
    }
}
