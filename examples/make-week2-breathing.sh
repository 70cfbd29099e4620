#!/usr/bin/env bash
# Makes examples/media/panic/week2-calm-breathing.mp3, week 2's guided calm-breathing exercise, from
# its English caption track (the script): each cue spoken by espeak-ng at its start, and a counting
# cue one number a second, so the breath keeps the pace it names (in for four, out for six).
# Run once by hand when the script changes (needs ffmpeg and espeak-ng); the recording is
# committed, so nothing else needs these tools.
set -euo pipefail
cd "$(dirname "$0")/media/panic"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds() { awk -F: '{ printf "%.3f", $1 * 60 + $2 }' <<<"$1"; }

inputs=()
filters=''
count=0
speak() { # text, start in seconds
  espeak-ng -v en-gb+f2 -s 135 -w "$work/p$count.wav" "$1"
  local delay
  delay=$(awk -v s="$2" 'BEGIN { printf "%d", s * 1000 }')
  inputs+=(-i "$work/p$count.wav")
  filters+="[$count:a]adelay=$delay|$delay[a$count];"
  count=$((count + 1))
}
while IFS= read -r line; do
  if [[ $line == *' --> '* ]]; then
    start=$(seconds "${line%% -->*}")
  elif [[ $line =~ ^\<v\ ([A-Za-z]+)\>(.*)$ ]]; then
    text=${BASH_REMATCH[2]}
    if [[ $text == One,* ]]; then
      # A counting cue: one number a second, so the breath takes as long as the count says.
      IFS=',' read -ra numbers <<<"$text"
      for index in "${!numbers[@]}"; do
        speak "${numbers[$index]//[ .]/}" "$(awk -v s="$start" -v i="$index" 'BEGIN { printf "%.3f", s + i }')"
      done
    else
      speak "$text" "$start"
    fi
  fi
done <week2-calm-breathing.en.vtt

mix=$(for ((i = 0; i < count; i++)); do printf '[a%d]' "$i"; done)
ffmpeg -v error -y "${inputs[@]}" -filter_complex "${filters}${mix}amix=inputs=$count:normalize=0,apad=pad_dur=2[voice]" -map '[voice]' -ac 1 -ar 22050 \
  -c:a libmp3lame -b:a 32k -metadata title="Calm breathing (Careloom example, CC BY 4.0)" week2-calm-breathing.mp3
ffprobe -v error -show_entries format=duration,size -of default=nw=1 week2-calm-breathing.mp3
