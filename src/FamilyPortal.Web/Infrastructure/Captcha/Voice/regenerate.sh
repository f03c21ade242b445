#!/usr/bin/env bash
# Records again the spoken characters of the audio captcha. Only for whoever changes the alphabet or the
# voice: the clips are committed and embedded in the assembly, the running portal never calls this.
# Needs espeak-ng and sox (Debian: apt-get install espeak-ng sox).
# Output: 16 kHz, mono, 16-bit PCM, silence trimmed, normalised (the audio renderer expects that format).
set -euo pipefail
cd "$(dirname "$0")"
alphabet="ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # must match CaptchaCode.Alphabet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for ((i = 0; i < ${#alphabet}; i++)); do
  c="${alphabet:$i:1}"
  espeak-ng -v fr -s 130 -w "$work/raw.wav" "$c"
  sox "$work/raw.wav" "$work/trimmed.wav" silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse
  sox "$work/trimmed.wav" -r 16000 -b 16 -c 1 -e signed-integer "$c.wav" norm -1 fade t 0.01 -0 0.03
done
du -cb ./*.wav | tail -n 1
