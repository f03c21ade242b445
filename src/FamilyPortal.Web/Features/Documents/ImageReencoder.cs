using SkiaSharp;

namespace FamilyPortal.Web.Features.Documents;

/// <summary>
/// Decodes a deposited photo and encodes it again: what is kept is only its pixels, turned upright as the
/// phone's EXIF orientation asked — the EXIF block (location, device, date) is not written by the encoder.
/// The header's dimensions are checked before decoding; large photos are decoded at a reduced scale.
/// </summary>
public static class ImageReencoder
{
    /// <summary>Longest side kept: enough to read a document, small enough to store and view.</summary>
    public const int MaxSide = 3000;

    public sealed record Outcome(byte[]? Content, string? Problem);

    public static Outcome Reencode(byte[] content, UploadKind kind)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return new Outcome(null, UploadRules.Unreadable);
        }
        if (UploadRules.DimensionsProblem(codec.Info.Width, codec.Info.Height) is { } problem)
        {
            return new Outcome(null, problem);
        }
        var longest = Math.Max(codec.Info.Width, codec.Info.Height);
        var size = longest > MaxSide ? codec.GetScaledDimensions((float)MaxSide / longest) : codec.Info.Size;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, kind == UploadKind.Png ? SKAlphaType.Unpremul : SKAlphaType.Opaque);
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return new Outcome(null, UploadRules.Unreadable);
        }
        using var fitted = Fit(decoded);
        using var upright = Upright(fitted ?? decoded, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(upright ?? fitted ?? decoded);
        using var encoded = kind == UploadKind.Png
            ? image.Encode(SKEncodedImageFormat.Png, 100)
            : image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return encoded is null ? new Outcome(null, UploadRules.Unreadable) : new Outcome(encoded.ToArray(), null);
    }

    /// <summary>Codecs other than JPEG decode at full size only: the result is reduced afterwards.</summary>
    private static SKBitmap? Fit(SKBitmap bitmap)
    {
        var longest = Math.Max(bitmap.Width, bitmap.Height);
        if (longest <= MaxSide)
        {
            return null;
        }
        var scale = (float)MaxSide / longest;
        var info = bitmap.Info.WithSize(Math.Max(1, (int)(bitmap.Width * scale)), Math.Max(1, (int)(bitmap.Height * scale)));
        return bitmap.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }

    /// <summary>The pixels turned as the EXIF orientation says, or null when they are upright already.</summary>
    private static SKBitmap? Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return null;
        }
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var width = swap ? bitmap.Height : bitmap.Width;
        var height = swap ? bitmap.Width : bitmap.Height;
        var turned = new SKBitmap(bitmap.Info.WithSize(width, height));
        using var canvas = new SKCanvas(turned);
        canvas.SetMatrix(OriginMatrix(origin, bitmap.Width, bitmap.Height));
        canvas.DrawBitmap(bitmap, 0, 0);
        canvas.Flush();
        return turned;
    }

    private static SKMatrix OriginMatrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
