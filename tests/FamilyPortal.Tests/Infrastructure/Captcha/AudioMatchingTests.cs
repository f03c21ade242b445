using System.Numerics;
using FamilyPortal.Web.Infrastructure.Captcha;

namespace FamilyPortal.Tests.Infrastructure.Captcha;

/// <summary>
/// The audio captcha against the attack its recorded clips invite: a script that holds the same clips (they
/// are public, in the repository) and looks for each of them in the sound by normalised cross-correlation.
/// Each rendering changes the pitch and tempo of every clip, mixes in speech-like noise and spaces the
/// characters at random: the script must read fewer than half of the characters, while the sound keeps the
/// length of speech at a normal pace and never clips.
/// </summary>
public class AudioMatchingTests
{
    private const int Challenges = 50;

    private static readonly CaptchaAudioRenderer Renderer = new();

    private static List<(string Answer, short[] Samples)> RenderChallenges()
    {
        // Fixed seeds: the figures are the same at each run; the answers are drawn as the portal draws them.
        var draw = new Random(20261205);
        return Enumerable.Range(0, Challenges).Select(_ =>
        {
            var answer = new string(Enumerable.Range(0, draw.Next(CaptchaCode.MinLength, CaptchaCode.MaxLength + 1))
                .Select(_ => CaptchaCode.Alphabet[draw.Next(CaptchaCode.Alphabet.Length)]).ToArray());
            var (samples, rate) = WavFile.Read(Renderer.Render(answer, draw.Next()));
            Assert.Equal(Renderer.SampleRate, rate);
            return (answer, samples);
        }).ToList();
    }

    [Fact]
    public void A_script_correlating_the_stored_clips_with_the_sound_reads_fewer_than_half_of_the_characters()
    {
        var matcher = new ClipMatcher(Renderer.SampleRate);
        var characters = 0;
        var recovered = 0;
        foreach (var (answer, samples) in RenderChallenges())
        {
            var heard = matcher.Read(samples, answer.Length);
            characters += answer.Length;
            recovered += answer.Zip(heard).Count(pair => pair.First == pair.Second);
        }

        Assert.True(recovered * 2 < characters, $"the clip matcher read {recovered} of {characters} characters");
    }

    [Fact]
    public void Each_sound_keeps_the_length_of_speech_at_a_natural_pace_and_never_clips()
    {
        var rate = Renderer.SampleRate;
        foreach (var (answer, samples) in RenderChallenges())
        {
            var (shortest, longest) = LengthBounds(answer, rate);
            Assert.InRange(samples.Length, shortest, longest);
            var peak = samples.Max(s => Math.Abs((int)s));
            Assert.True(peak < short.MaxValue, $"« {answer} » reaches full scale");
            Assert.True(peak > short.MaxValue / 2, $"« {answer} » is too quiet ({peak})");
        }
    }

    [Fact]
    public void The_same_challenge_sounds_the_same_and_two_challenges_differ()
    {
        Assert.Equal(Renderer.Render("ABC23", 7), Renderer.Render("ABC23", 7));
        Assert.NotEqual(Renderer.Render("ABC23", 7), Renderer.Render("ABC23", 8));
    }

    /// <summary>Shortest and longest sound for these characters: the clips at the fastest and slowest pace, the silences at their bounds.</summary>
    internal static (int Shortest, int Longest) LengthBounds(string answer, int rate)
    {
        var speech = answer.Sum(Renderer.ClipLength);
        var n = answer.Length;
        var shortest = (int)(speech / (CaptchaAudioRenderer.MaxSpeed * (1 + CaptchaAudioRenderer.Wobble)))
            + (int)(rate * (CaptchaAudioRenderer.MinLeadIn + ((n - 1) * CaptchaAudioRenderer.MinGap) + CaptchaAudioRenderer.Tail)) - (2 * n) - 2;
        var longest = (int)(speech / (CaptchaAudioRenderer.MinSpeed * (1 - CaptchaAudioRenderer.Wobble)))
            + (int)(rate * (CaptchaAudioRenderer.MaxLeadIn + ((n - 1) * CaptchaAudioRenderer.MaxGap) + CaptchaAudioRenderer.Tail)) + (2 * n) + 2;
        return (shortest, longest);
    }

    /// <summary>
    /// The attacker's script: the stored clips, taken from the portal's assembly as anyone can take them from
    /// the repository, slid along the sound; at each instant the normalised cross-correlation of each clip with
    /// the sound under it (FFT, at 4 kHz, where the voice's energy is); then the best peaks, one per character,
    /// at least the shortest spacing of two characters apart, read from left to right.
    /// </summary>
    private sealed class ClipMatcher
    {
        private const int Decimation = 4;
        private readonly int _rate;
        private readonly List<(char Character, float[] Samples, double Norm)> _clips = [];
        private readonly Dictionary<(char, int), Complex[]> _spectra = [];

        public ClipMatcher(int sampleRate)
        {
            _rate = sampleRate / Decimation;
            var assembly = typeof(CaptchaAudioRenderer).Assembly;
            foreach (var character in CaptchaCode.Alphabet)
            {
                using var stream = assembly.GetManifestResourceStream($"FamilyPortal.Web.Captcha.Voice.{character}.wav")!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                var clip = Decimate(WavFile.Read(buffer.ToArray()).Samples);
                var mean = clip.Average();
                for (var i = 0; i < clip.Length; i++)
                {
                    clip[i] -= mean;
                }
                _clips.Add((character, clip, Math.Sqrt(clip.Sum(v => (double)v * v))));
            }
        }

        public string Read(short[] sound, int characters)
        {
            var x = Decimate(sound);
            var size = (int)BitOperations.RoundUpToPowerOf2((uint)(x.Length + _clips.Max(c => c.Samples.Length)));
            var spectrum = Fft(Pad(x, size), inverse: false);
            // Energy of the sound under a window starting at each instant, from running sums.
            var sums = new double[x.Length + 1];
            var squares = new double[x.Length + 1];
            for (var i = 0; i < x.Length; i++)
            {
                sums[i + 1] = sums[i] + x[i];
                squares[i + 1] = squares[i] + ((double)x[i] * x[i]);
            }
            var best = new double[x.Length];
            var bestClip = new char[x.Length];
            foreach (var (character, clip, norm) in _clips)
            {
                if (!_spectra.TryGetValue((character, size), out var clipSpectrum))
                {
                    clipSpectrum = Fft(Pad(clip, size), inverse: false);
                    _spectra[(character, size)] = clipSpectrum;
                }
                var product = new Complex[size];
                for (var i = 0; i < size; i++)
                {
                    product[i] = spectrum[i] * Complex.Conjugate(clipSpectrum[i]);
                }
                var correlation = Fft(product, inverse: true);
                for (var t = 0; t + clip.Length <= x.Length; t++)
                {
                    var m = clip.Length;
                    var sum = sums[t + m] - sums[t];
                    var energy = squares[t + m] - squares[t] - (sum * sum / m);
                    if (energy <= 1e-6)
                    {
                        continue;
                    }
                    var score = correlation[t].Real / size / (norm * Math.Sqrt(energy));
                    if (score > best[t])
                    {
                        best[t] = score;
                        bestClip[t] = character;
                    }
                }
            }
            // Two characters start at least a clip and a gap apart: the best peaks, that far from each other.
            var spacing = (int)(_rate * (CaptchaAudioRenderer.MinGap + 0.15));
            var picked = new List<(int At, char Character)>();
            var taken = new bool[x.Length];
            while (picked.Count < characters)
            {
                var at = -1;
                for (var t = 0; t < x.Length; t++)
                {
                    if (!taken[t] && best[t] > 0 && (at < 0 || best[t] > best[at]))
                    {
                        at = t;
                    }
                }
                if (at < 0)
                {
                    break;
                }
                picked.Add((at, bestClip[at]));
                for (var t = Math.Max(0, at - spacing); t < Math.Min(x.Length, at + spacing); t++)
                {
                    taken[t] = true;
                }
            }
            return new string(picked.OrderBy(p => p.At).Select(p => p.Character).ToArray());
        }

        private static float[] Decimate(short[] samples)
        {
            var result = new float[samples.Length / Decimation];
            for (var i = 0; i < result.Length; i++)
            {
                var total = 0;
                for (var k = 0; k < Decimation; k++)
                {
                    total += samples[(i * Decimation) + k];
                }
                result[i] = total / (float)Decimation;
            }
            return result;
        }

        private static Complex[] Pad(float[] values, int size)
        {
            var padded = new Complex[size];
            for (var i = 0; i < values.Length; i++)
            {
                padded[i] = values[i];
            }
            return padded;
        }

        /// <summary>Iterative radix-2 FFT; the inverse is not divided by the size.</summary>
        private static Complex[] Fft(Complex[] input, bool inverse)
        {
            var n = input.Length;
            var a = (Complex[])input.Clone();
            for (int i = 1, j = 0; i < n; i++)
            {
                var bit = n >> 1;
                for (; (j & bit) != 0; bit >>= 1)
                {
                    j ^= bit;
                }
                j ^= bit;
                if (i < j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                }
            }
            for (var length = 2; length <= n; length <<= 1)
            {
                var angle = 2 * Math.PI / length * (inverse ? 1 : -1);
                var step = new Complex(Math.Cos(angle), Math.Sin(angle));
                for (var i = 0; i < n; i += length)
                {
                    var w = Complex.One;
                    for (var k = 0; k < length / 2; k++)
                    {
                        var u = a[i + k];
                        var v = a[i + k + (length / 2)] * w;
                        a[i + k] = u + v;
                        a[i + k + (length / 2)] = u - v;
                        w *= step;
                    }
                }
            }
            return a;
        }
    }
}
