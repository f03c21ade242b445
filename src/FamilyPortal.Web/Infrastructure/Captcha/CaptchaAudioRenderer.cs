using System.Collections.Frozen;

namespace FamilyPortal.Web.Infrastructure.Captcha;

/// <summary>
/// The audio version of a captcha (RGAA 1.5): the same characters spoken in French, one after the other
/// with uneven pauses, over a faint noise. Built from clips embedded in the assembly (Captcha/Voice,
/// recorded by its regenerate.sh), so the server needs no speech synthesiser.
/// </summary>
public sealed class CaptchaAudioRenderer
{
    private const string ResourcePrefix = "FamilyPortal.Web.Captcha.Voice.";

    // Seconds of silence: before the first character, between two characters, after the last.
    internal const double MinLeadIn = 0.4, MaxLeadIn = 0.6, MinGap = 0.45, MaxGap = 0.85, Tail = 0.5;

    private readonly Lazy<(FrozenDictionary<char, short[]> Clips, int SampleRate)> _voice = new(LoadVoice);

    public int SampleRate => _voice.Value.SampleRate;

    /// <summary>Samples in a character's clip.</summary>
    internal int ClipLength(char character) => _voice.Value.Clips[character].Length;

    internal byte[] Render(string text, int seed)
    {
        // Pauses and noise only need variety, and the same seed must give the same sound.
        var random = new Random(~seed);
        var (clips, rate) = _voice.Value;
        var samples = new List<short>(rate * 8);
        AddSilence(samples, rate, Between(random, MinLeadIn, MaxLeadIn));
        for (var i = 0; i < text.Length; i++)
        {
            var gain = Between(random, 0.8, 1.0);
            foreach (var sample in clips[text[i]])
            {
                samples.Add((short)(sample * gain));
            }
            AddSilence(samples, rate, i < text.Length - 1 ? Between(random, MinGap, MaxGap) : Tail);
        }

        // Low-passed noise about 30 dB under the voice: a hiss that blurs the clip edges without masking the speech.
        var noisy = samples.ToArray();
        var level = Between(random, 500, 900);
        var smoothed = 0.0;
        for (var i = 0; i < noisy.Length; i++)
        {
            smoothed = (0.6 * smoothed) + (0.4 * ((random.NextDouble() * 2) - 1));
            noisy[i] = (short)Math.Clamp(noisy[i] + (smoothed * level), short.MinValue, short.MaxValue);
        }
        return WavFile.Write(noisy, rate);
    }

    private static void AddSilence(List<short> samples, int rate, double seconds) =>
        samples.AddRange(new short[(int)(rate * seconds)]);

    private static double Between(Random random, double min, double max) => min + ((max - min) * random.NextDouble());

    private static (FrozenDictionary<char, short[]>, int) LoadVoice()
    {
        var assembly = typeof(CaptchaAudioRenderer).Assembly;
        var clips = new Dictionary<char, short[]>();
        int? rate = null;
        foreach (var character in CaptchaCode.Alphabet)
        {
            using var stream = assembly.GetManifestResourceStream($"{ResourcePrefix}{character}.wav")
                ?? throw new InvalidOperationException($"Captcha voice clip for « {character} » is missing from the assembly.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var (samples, sampleRate) = WavFile.Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            if (rate is not null && rate != sampleRate)
            {
                throw new InvalidOperationException("Captcha voice clips must share one sample rate.");
            }
            rate = sampleRate;
            clips[character] = samples;
        }
        return (clips.ToFrozenDictionary(), rate ?? throw new InvalidOperationException("Empty captcha alphabet."));
    }
}
