using System.Text;
using SkiaSharp;

namespace FamilyPortal.Tests.Features.Documents;

/// <summary>The checks of a deposited file, before anything is written: size, kind from the content, PDF shape, image re-encoding.</summary>
public class UploadChecksTests
{
    [Fact]
    public void A_phone_photo_comes_back_upright_without_its_exif_block_nor_its_gps_position()
    {
        const string marker = "GPS-MARQUEUR-48.6915N";
        var photo = DocumentKit.PhonePhoto(marker);
        Assert.Contains(marker, Encoding.ASCII.GetString(photo), StringComparison.Ordinal);
        using (var codec = SKCodec.Create(SKData.CreateCopy(photo)))
        {
            Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin);
        }

        var (file, problem) = DocumentFiles.Prepare(photo, "IMG_20261116_0800.jpg");

        Assert.Null(problem);
        var text = Encoding.ASCII.GetString(file!.Content);
        Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
        Assert.Equal("image/jpeg", file.ContentType);
        Assert.Equal("IMG_20261116_0800.jpg", file.FileName);
        using var stored = SKBitmap.Decode(file.Content);
        Assert.Equal((20, 40), (stored.Width, stored.Height));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file.Content)), file.Sha256);
    }

    [Fact]
    public void A_decompression_bomb_png_is_refused_from_its_header_before_decoding()
    {
        var bomb = DocumentKit.PngBomb();
        Assert.True(bomb.Length < 2000);

        var (file, problem) = DocumentFiles.Prepare(bomb, "photo.png");

        Assert.Null(file);
        Assert.Equal(UploadRules.TooManyPixels, problem);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00 })]
    [InlineData(new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E })]
    public void A_file_named_pdf_that_is_something_else_is_refused_as_of_the_wrong_type(byte[] content)
    {
        var (file, problem) = DocumentFiles.Prepare(content, "attestation.pdf");

        Assert.Null(file);
        Assert.Equal(UploadRules.WrongType, problem);
    }

    [Fact]
    public void A_pdf_without_its_end_marker_and_a_broken_jpeg_are_unreadable()
    {
        var truncated = DocumentKit.Pdf()[..40];
        Assert.Equal(UploadRules.Unreadable, DocumentFiles.Prepare(truncated, "a.pdf").Problem);
        Assert.Equal(UploadRules.Unreadable, DocumentFiles.Prepare([0xFF, 0xD8, 0xFF, 0xE0, 0, 1, 2, 3], "a.jpg").Problem);
    }

    [Fact]
    public void More_than_ten_megabytes_or_nothing_is_refused()
    {
        Assert.Equal(UploadRules.TooLarge, DocumentFiles.Prepare(new byte[UploadRules.MaxBytes + 1], "gros.pdf").Problem);
        Assert.Equal(UploadRules.Empty, DocumentFiles.Prepare([], "vide.pdf").Problem);
        Assert.Equal("Le fichier dépasse 10 Mo.", UploadRules.TooLarge);
    }

    [Fact]
    public void A_pdf_is_kept_as_sent_and_its_name_gets_the_extension_of_its_real_kind()
    {
        var pdf = DocumentKit.Pdf();

        var (file, _) = DocumentFiles.Prepare(pdf, @"C:\Users\moi\Documents\attestation CAF.jpeg");

        Assert.Equal(pdf, file!.Content);
        Assert.Equal("attestation CAF.pdf", file.FileName);
        Assert.Equal("document.png", UploadRules.SafeFileName("../\u0001.png", UploadKind.Png));
    }
}
