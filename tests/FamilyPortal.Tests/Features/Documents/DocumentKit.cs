using System.Buffers.Binary;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace FamilyPortal.Tests.Features.Documents;

/// <summary>Document types, files good and hostile, and the deposit as a browser posts it. The builder's inactive type and its document are left out.</summary>
public static class DocumentKit
{
    public const string PagePath = "/mon-dossier/pieces";

    public sealed record Types(int FamilyTypeId, int ChildTypeId);

    /// <summary>« Attestation de quotient familial » (per family, 12 months) and « Carnet de vaccinations » (per child, never expires).</summary>
    public static async Task<Types> AddTypesAsync(PortalFactory factory, int municipalityId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        var serviceId = await db.ServiceKinds.Select(s => s.Id).FirstAsync();
        var quotient = new SupportingDocumentType { MunicipalityId = municipalityId, Name = "Attestation de quotient familial", ValidityMonths = 12, ServiceKindIds = [serviceId] };
        var vaccinations = new SupportingDocumentType { MunicipalityId = municipalityId, Name = "Carnet de vaccinations", PerChild = true };
        db.AddRange(quotient, vaccinations);
        await db.SaveChangesAsync();
        return new Types(quotient.Id, vaccinations.Id);
    }

    public static Task<List<SupportingDocument>> DocumentsAsync(PortalFactory factory, int municipalityId) =>
        Invoices.BillingKit.ReadAsync(factory, municipalityId, db => db.Set<SupportingDocument>().AsNoTracking().Where(d => d.Type!.IsActive).OrderBy(d => d.Id).ToListAsync());

    /// <summary>A small PDF with a line of text (the marker, to look for it in the database file).</summary>
    public static byte[] Pdf(string text = "Attestation CAF", string extra = "") => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R " + extra + ">> endobj\n"
        + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        + $"3 0 obj << /Length {text.Length + 20} >> stream\nBT ({text}) Tj ET\nendstream endobj\n"
        + "trailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Png(int width = 30, int height = 20)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SteelBlue);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    /// <summary>A phone photo: a JPEG 40×20 with an EXIF block (orientation « turned right », GPS position and a marker).</summary>
    public static byte[] PhonePhoto(string gpsMarker)
    {
        using var bitmap = new SKBitmap(40, 20);
        bitmap.Erase(SKColors.OrangeRed);
        using var image = SKImage.FromBitmap(bitmap);
        var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
        var tiff = new List<byte>();
        tiff.AddRange("II*\0"u8.ToArray());
        tiff.AddRange(Le32(8));
        // IFD0: orientation 6 (rotate 90° clockwise to view), pointer to the GPS IFD at 38.
        tiff.AddRange(Le16(2));
        tiff.AddRange([.. Le16(0x0112), .. Le16(3), .. Le32(1), .. Le16(6), 0, 0]);
        tiff.AddRange([.. Le16(0x8825), .. Le16(4), .. Le32(1), .. Le32(38)]);
        tiff.AddRange(Le32(0));
        // GPS IFD: GPSLatitudeRef « N », GPSMapDatum holding the marker (data at 38 + 2 + 24 + 4 = 68).
        var datum = Encoding.ASCII.GetBytes(gpsMarker + "\0");
        tiff.AddRange(Le16(2));
        tiff.AddRange([.. Le16(0x0001), .. Le16(2), .. Le32(2), (byte)'N', 0, 0, 0]);
        tiff.AddRange([.. Le16(0x0012), .. Le16(2), .. Le32(datum.Length), .. Le32(68)]);
        tiff.AddRange(Le32(0));
        tiff.AddRange(datum);
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new byte[] { 0xFF, 0xE1, (byte)((payload.Length + 2) >> 8), (byte)((payload.Length + 2) & 0xFF) }.Concat(payload);
        return jpeg.Take(2).Concat(segment).Concat(jpeg.Skip(2)).ToArray();
    }

    /// <summary>A PNG of a few hundred bytes declaring 30 000 × 30 000 pixels (900 million): a decompression bomb.</summary>
    public static byte[] PngBomb()
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, 30_000);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 30_000);
        header[8] = 8;
        header[9] = 2;
        Chunk(output, "IHDR", header);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[64 * 1024]);
        }
        Chunk(output, "IDAT", compressed.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(Be32(data.Length));
        output.Write(typeBytes);
        output.Write(data);
        output.Write(Be32((int)Crc32([.. typeBytes, .. data])));
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309), bit by bit: a test helper, speed does not matter.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }

    private static byte[] Le16(int value) => [(byte)value, (byte)(value >> 8)];

    private static byte[] Le32(int value) => BitConverter.GetBytes(value);

    private static byte[] Be32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    /// <summary>« Déposer » on the row of a type (and child), as the browser posts the form.</summary>
    public static async Task<HttpResponseMessage> DepositAsync(PageClient parent, int typeId, int? childId, byte[] content, string fileName, string contentType = "application/pdf")
    {
        var page = await parent.GetPageAsync(PagePath);
        var token = page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent(typeId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "typeId");
        if (childId is { } id)
        {
            form.Add(new StringContent(id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "childId");
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "upload", fileName);
        return await parent.Http.PostAsync(PagePath + "/Deposit", form);
    }
}
