using System.Buffers.Binary;
using System.Text;

namespace FamilyPortal.Web.Infrastructure.Captcha;

/// <summary>Reads and writes the only WAV flavour the captcha uses: PCM, mono, 16-bit.</summary>
public static class WavFile
{
    public const int HeaderSize = 44;

    /// <summary>The samples of a PCM mono 16-bit file; other chunks (LIST, fact…) are skipped.</summary>
    public static (short[] Samples, int SampleRate) Read(ReadOnlySpan<byte> wav)
    {
        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException("Not a RIFF/WAVE file.");
        }
        int? sampleRate = null;
        var position = 12;
        while (position + 8 <= wav.Length)
        {
            var id = wav.Slice(position, 4);
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(wav.Slice(position + 4, 4));
            var body = wav.Slice(position + 8, Math.Min(size, wav.Length - position - 8));
            if (id.SequenceEqual("fmt "u8))
            {
                var format = BinaryPrimitives.ReadUInt16LittleEndian(body);
                var channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                var bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
                if (format != 1 || channels != 1 || bits != 16)
                {
                    throw new InvalidDataException($"Expected PCM mono 16-bit, got format {format}, {channels} channel(s), {bits} bits.");
                }
                sampleRate = (int)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (sampleRate is null)
                {
                    throw new InvalidDataException("The data chunk comes before the fmt chunk.");
                }
                var samples = new short[body.Length / 2];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(body[(i * 2)..]);
                }
                return (samples, sampleRate.Value);
            }
            position += 8 + size + (size & 1);
        }
        throw new InvalidDataException("No data chunk.");
    }

    public static byte[] Write(ReadOnlySpan<short> samples, int sampleRate)
    {
        var dataSize = samples.Length * 2;
        var wav = new byte[HeaderSize + dataSize];
        var span = wav.AsSpan();
        Encoding.ASCII.GetBytes("RIFF", span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(36 + dataSize));
        Encoding.ASCII.GetBytes("WAVEfmt ", span[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)(sampleRate * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], 16);
        Encoding.ASCII.GetBytes("data", span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], (uint)dataSize);
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(span[(HeaderSize + (i * 2))..], samples[i]);
        }
        return wav;
    }
}
