using SkiaSharp;

namespace FamilyPortal.Web.Infrastructure.Captcha;

/// <summary>
/// Draws a captcha as a PNG: each character turned, skewed, sized and shifted on its own, the whole picture
/// bent by a wave, crossed by light curves and dots. The same seed gives the same picture, so reloading the
/// image does not hand a robot several noisy copies to average.
/// </summary>
public sealed class CaptchaImageRenderer
{
    public const int Width = 260;
    public const int Height = 90;

    /// <summary>Drawn at twice the size, bent pixel by pixel, then reduced: smooth edges without interpolation code.</summary>
    private const int Scale = 2;

    public const string FontFamily = "DejaVu Sans";

    // Dark inks on a pale ground, clearly darker than the noise: people read the characters, not the curves.
    private static readonly SKColor[] Inks =
    [
        new(0x1B, 0x26, 0x3B), new(0x3A, 0x1C, 0x2E), new(0x1D, 0x3B, 0x2A), new(0x22, 0x22, 0x22), new(0x4A, 0x1E, 0x12),
    ];

    private readonly SKTypeface[] _typefaces;

    public CaptchaImageRenderer()
    {
        _typefaces =
        [
            SKTypeface.FromFamilyName(FontFamily, SKFontStyle.Bold) ?? SKTypeface.Default,
            SKTypeface.FromFamilyName(FontFamily, SKFontStyle.Normal) ?? SKTypeface.Default,
        ];
    }

    /// <summary>The font family fontconfig actually gave (empty rendering is likely when it is not DejaVu).</summary>
    public string ResolvedFontFamily => _typefaces[0].FamilyName;

    internal byte[] Render(string text, int seed)
    {
        // A seeded, non-cryptographic generator is enough for the distortion: the characters come from RandomNumberGenerator.
        var random = new Random(seed);
        using var drawn = new SKBitmap(Width * Scale, Height * Scale, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(drawn))
        {
            canvas.Scale(Scale);
            DrawBackground(canvas, random);
            DrawCurves(canvas, random, count: 3);
            DrawCharacters(canvas, random, text);
        }
        using var bent = Bend(drawn, random);
        using var reduced = bent.Resize(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul),
            new SKSamplingOptions(SKCubicResampler.Mitchell));
        using (var canvas = new SKCanvas(reduced))
        {
            DrawCurves(canvas, random, count: 2);
            DrawDots(canvas, random);
        }
        using var image = SKImage.FromBitmap(reduced);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void DrawBackground(SKCanvas canvas, Random random)
    {
        var start = new SKColor((byte)random.Next(236, 250), (byte)random.Next(236, 250), (byte)random.Next(232, 246));
        var end = new SKColor((byte)random.Next(222, 238), (byte)random.Next(226, 240), (byte)random.Next(230, 244));
        using var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(Width, Height),
            [start, end], SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = shader };
        canvas.DrawRect(0, 0, Width, Height, paint);
    }

    private void DrawCharacters(SKCanvas canvas, Random random, string text)
    {
        const float margin = 10;
        var glyphs = new (SKFont Font, float Width)[text.Length];
        try
        {
            for (var i = 0; i < text.Length; i++)
            {
                var font = new SKFont(_typefaces[random.Next(_typefaces.Length)], random.Next(36, 45)) { Edging = SKFontEdging.Antialias };
                glyphs[i] = (font, font.MeasureText(text[i].ToString()));
            }
            // Spread the glyphs by their real widths: a W next to an M must not swallow it.
            var slack = (Width - (2 * margin) - glyphs.Sum(g => g.Width)) / text.Length;
            var x = margin;
            for (var i = 0; i < text.Length; i++)
            {
                var (font, width) = glyphs[i];
                using var paint = new SKPaint { Color = Inks[random.Next(Inks.Length)], IsAntialias = true };
                var centre = x + (slack / 2) + (width / 2) + Between(random, -2, 2);
                var middle = (Height / 2f) + Between(random, -5, 5);
                canvas.Save();
                canvas.Translate(centre, middle);
                canvas.RotateDegrees(Between(random, -18, 18));
                canvas.Skew(Between(random, -0.25f, 0.25f), Between(random, -0.08f, 0.08f));
                // Turned about its middle: capitals of DejaVu are about 0.73 em high, so the baseline is 0.36 em below.
                canvas.DrawText(text[i].ToString(), 0, font.Size * 0.36f, SKTextAlign.Center, font, paint);
                canvas.Restore();
                x += width + slack;
            }
        }
        finally
        {
            foreach (var (font, _) in glyphs)
            {
                font?.Dispose();
            }
        }
    }

    private static void DrawCurves(SKCanvas canvas, Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var grey = (byte)random.Next(130, 175);
            using var paint = new SKPaint
            {
                Color = new SKColor(grey, (byte)(grey + random.Next(0, 20)), (byte)(grey + random.Next(0, 30))),
                IsAntialias = true,
                Style = SKPaintStyle.Stroke,
                StrokeWidth = Between(random, 1f, 1.8f),
            };
            using var path = new SKPath();
            path.MoveTo(Between(random, -10, Width * 0.1f), Between(random, 5, Height - 5));
            path.CubicTo(Between(random, Width * 0.15f, Width * 0.4f), Between(random, -20, Height + 20),
                Between(random, Width * 0.6f, Width * 0.85f), Between(random, -20, Height + 20),
                Between(random, Width * 0.9f, Width + 10), Between(random, 5, Height - 5));
            canvas.DrawPath(path, paint);
        }
    }

    private static void DrawDots(SKCanvas canvas, Random random)
    {
        using var paint = new SKPaint { IsAntialias = true };
        for (var i = 0; i < 160; i++)
        {
            var grey = (byte)random.Next(110, 190);
            paint.Color = new SKColor(grey, grey, (byte)Math.Min(255, grey + 15));
            canvas.DrawCircle(Between(random, 0, Width), Between(random, 0, Height), Between(random, 0.4f, 1.2f), paint);
        }
    }

    /// <summary>Each row slides sideways and each column up or down along two sine waves.</summary>
    private static SKBitmap Bend(SKBitmap source, Random random)
    {
        int width = source.Width, height = source.Height;
        var amplitudeX = Between(random, 2, 5) * Scale;
        var periodX = Between(random, 50, 90) * Scale;
        var phaseX = Between(random, 0, MathF.Tau);
        var amplitudeY = Between(random, 2, 5) * Scale;
        var periodY = Between(random, 70, 130) * Scale;
        var phaseY = Between(random, 0, MathF.Tau);

        var input = source.Pixels;
        var output = new SKColor[input.Length];
        var background = input[0];
        for (var y = 0; y < height; y++)
        {
            var shiftX = (int)MathF.Round(amplitudeX * MathF.Sin((MathF.Tau * y / periodX) + phaseX));
            for (var x = 0; x < width; x++)
            {
                var shiftY = (int)MathF.Round(amplitudeY * MathF.Sin((MathF.Tau * x / periodY) + phaseY));
                int fromX = x + shiftX, fromY = y + shiftY;
                output[(y * width) + x] = fromX >= 0 && fromX < width && fromY >= 0 && fromY < height
                    ? input[(fromY * width) + fromX]
                    : background;
            }
        }
        var bent = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul) { Pixels = output };
        return bent;
    }

    private static float Between(Random random, float min, float max) => min + ((max - min) * random.NextSingle());
}
