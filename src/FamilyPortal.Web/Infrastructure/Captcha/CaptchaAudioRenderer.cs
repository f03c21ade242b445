using System.Collections.Frozen;

namespace FamilyPortal.Web.Infrastructure.Captcha;

/// <summary>
/// The audio version of a captcha (RGAA 1.5): the same characters spoken in French, one after the other
/// with uneven pauses. Built from clips embedded in the assembly (Captcha/Voice, recorded by its
/// regenerate.sh), so the server needs no speech synthesiser. The clips are public (they are in the
/// repository), so no rendering plays them as recorded: each clip is resampled at its own speed, never
/// close to the recording's, which changes its pitch and its tempo together, with a slow wobble within
/// it; the pauses are random; under the voice run other clips played backwards (a murmur with the
/// spectrum of speech, but no word of the alphabet) and a faint hiss. A script sliding the recorded clips
/// along the sound no longer finds them, while a listener hears the characters at a natural pace.
/// </summary>
public sealed class CaptchaAudioRenderer
{
    private const string ResourcePrefix = "FamilyPortal.Web.Captcha.Voice.";

    // Seconds of silence: before the first character, between two characters, after the last.
    internal const double MinLeadIn = 0.4, MaxLeadIn = 0.6, MinGap = 0.45, MaxGap = 0.85, Tail = 0.5;

    /// <summary>
    /// Speed of a clip against its recording (above 1: faster and higher). It is never within
    /// <see cref="NearestSpeed"/> of 1: a clip played almost as recorded would still match its recording.
    /// </summary>
    internal const double MinSpeed = 0.82, MaxSpeed = 1.2, NearestSpeed = 0.07;

    /// <summary>Depth of the slow variation of the speed within a clip (a few times a second).</summary>
    internal const double Wobble = 0.04;

    /// <summary>The loudest sample, as a fraction of full scale: the mix never clips.</summary>
    internal const double Peak = 0.85;

    private readonly Lazy<(FrozenDictionary<char, short[]> Clips, int SampleRate)> _voice = new(LoadVoice);

    public int SampleRate => _voice.Value.SampleRate;

    /// <summary>Samples in a character's clip as recorded.</summary>
    internal int ClipLength(char character) => _voice.Value.Clips[character].Length;

    internal byte[] Render(string text, int seed)
    {
        // Every choice comes from the challenge's seed: the same challenge always sounds the same, so that
        // listening again gives nothing to average.
        var random = new Random(~seed);
        var (clips, rate) = _voice.Value;
        var spoken = new List<(int At, float[] Samples)>();
        var at = (int)(rate * Between(random, MinLeadIn, MaxLeadIn));
        for (var i = 0; i < text.Length; i++)
        {
            var clip = Resample(clips[text[i]], Speed(random), random, rate);
            var gain = (float)Between(random, 0.8, 1.0);
            for (var k = 0; k < clip.Length; k++)
            {
                clip[k] *= gain;
            }
            spoken.Add((at, clip));
            at += clip.Length + (int)(rate * (i < text.Length - 1 ? Between(random, MinGap, MaxGap) : Tail));
        }

        var mix = new float[at];
        foreach (var (start, clip) in spoken)
        {
            clip.CopyTo(mix, start);
        }
        AddMurmur(mix, clips, random, rate);
        AddHiss(mix, random);

        var loudest = mix.Max(Math.Abs);
        var scale = loudest > 0 ? (float)(Peak * short.MaxValue / loudest) : 1f;
        var samples = new short[mix.Length];
        for (var i = 0; i < mix.Length; i++)
        {
            samples[i] = (short)Math.Round(mix[i] * scale);
        }
        return WavFile.Write(samples, rate);
    }

    /// <summary>A speed between the bounds, away from the recording's own.</summary>
    private static double Speed(Random random)
    {
        var slower = (1 - NearestSpeed) - MinSpeed;
        var faster = MaxSpeed - (1 + NearestSpeed);
        var pick = random.NextDouble() * (slower + faster);
        return pick < slower ? MinSpeed + pick : 1 + NearestSpeed + (pick - slower);
    }

    /// <summary>
    /// The clip read at <paramref name="speed"/> times its pace (linear interpolation), the speed itself
    /// swaying by <see cref="Wobble"/> three to six times a second: pitch and tempo change together, as on a
    /// tape played faster or slower, and never by a constant ratio a script could undo.
    /// </summary>
    private static float[] Resample(short[] clip, double speed, Random random, int rate)
    {
        var sway = 2 * Math.PI * Between(random, 3, 6) / rate;
        var phase = Between(random, 0, 2 * Math.PI);
        var output = new List<float>((int)(clip.Length / (speed * (1 - Wobble))) + 2);
        var position = 0.0;
        for (var j = 0; position < clip.Length - 1; j++)
        {
            var index = (int)position;
            var fraction = (float)(position - index);
            output.Add((clip[index] * (1 - fraction)) + (clip[index + 1] * fraction));
            position += speed * (1 + (Wobble * Math.Sin((sway * j) + phase)));
        }
        return [.. output];
    }

    /// <summary>
    /// Two layers of clips played backwards, end to end at random speeds, from the first sample to the last:
    /// a murmur about 15 dB under the voice that has the rhythm and spectrum of speech, so that neither the
    /// silences nor the loudness mark where a character is.
    /// </summary>
    private static void AddMurmur(float[] mix, FrozenDictionary<char, short[]> clips, Random random, int rate)
    {
        var voices = clips.Values;
        for (var layer = 0; layer < 2; layer++)
        {
            var at = -(int)(rate * Between(random, 0, 0.3));
            while (at < mix.Length)
            {
                var source = voices[random.Next(voices.Length)];
                var reversed = new short[source.Length];
                for (var i = 0; i < source.Length; i++)
                {
                    reversed[i] = source[source.Length - 1 - i];
                }
                var clip = Resample(reversed, Between(random, 0.7, 1.3), random, rate);
                var gain = (float)Between(random, 0.12, 0.18);
                for (var i = 0; i < clip.Length; i++)
                {
                    if (at + i >= 0 && at + i < mix.Length)
                    {
                        mix[at + i] += clip[i] * gain;
                    }
                }
                at += clip.Length + (int)(rate * Between(random, 0, 0.12));
            }
        }
    }

    /// <summary>Low-passed noise about 30 dB under the voice: a hiss that blurs the edges without masking the speech.</summary>
    private static void AddHiss(float[] mix, Random random)
    {
        var level = Between(random, 500, 900);
        var smoothed = 0.0;
        for (var i = 0; i < mix.Length; i++)
        {
            smoothed = (0.6 * smoothed) + (0.4 * ((random.NextDouble() * 2) - 1));
            mix[i] += (float)(smoothed * level);
        }
    }

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
