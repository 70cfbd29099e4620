#!/usr/bin/env bash
# Makes examples/media/panic/week1-sara.mp4, the week 1 film, from files in this folder: the English
# caption track (the script: who says what, and when) spoken by espeak-ng, over the two drawings
# (Sara's poster while she speaks, the alarm-system diagram while Jonas the psychologist explains).
# Run once by hand when the script or the drawings change (needs ffmpeg, espeak-ng, rsvg-convert);
# the film is committed, so nothing else needs these tools.
set -euo pipefail
cd "$(dirname "$0")/media/panic"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Each drawing whole, centred on a white 640×360 frame.
for drawing in sara:week1-sara-poster jonas:alarm-system; do
  rsvg-convert -a -h 360 -b white "${drawing#*:}.svg" -o "$work/${drawing%%:*}-drawn.png"
  ffmpeg -v error -y -i "$work/${drawing%%:*}-drawn.png" -vf 'scale=640:360:force_original_aspect_ratio=decrease,pad=640:360:(ow-iw)/2:(oh-ih)/2:white' "$work/${drawing%%:*}.png"
done

seconds() { awk -F: '{ printf "%.3f", $1 * 3600 + $2 * 60 + $3 }' <<<"$1"; }

# One cue per block: "start --> end" then "<v Speaker>text".
inputs=()
filters=''
images="$work/images.txt"
: >"$images"
previous_end=0
count=0
while IFS= read -r line; do
  if [[ $line == *' --> '* ]]; then
    start=$(seconds "${line%% -->*}")
    end=$(seconds "${line##*--> }")
  elif [[ $line =~ ^\<v\ ([A-Za-z]+)\>(.*)$ ]]; then
    speaker=${BASH_REMATCH[1]}
    text=${BASH_REMATCH[2]}
    voice=$([[ $speaker == Sara ]] && echo 'en-gb+f3' || echo 'en-gb+m3')
    espeak-ng -v "$voice" -s 150 -w "$work/cue$count.wav" "$text"
    length=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$work/cue$count.wav")
    room=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }')
    # Speech that would run past its cue is sped up to fit (never slowed down).
    tempo=$(awk -v l="$length" -v r="$room" 'BEGIN { t = l / r; if (t < 1) t = 1; if (t > 2) t = 2; printf "%.3f", t }')
    delay=$(awk -v s="$start" 'BEGIN { printf "%d", s * 1000 }')
    inputs+=(-i "$work/cue$count.wav")
    filters+="[$count:a]atempo=$tempo,adelay=$delay|$delay[a$count];"
    # The picture: the speaker's drawing from the end of the previous cue to the end of this one.
    echo "file '$work/$(tr 'A-Z' 'a-z' <<<"$speaker").png'" >>"$images"
    echo "duration $(awk -v p="$previous_end" -v e="$end" 'BEGIN { printf "%.3f", e - p }')" >>"$images"
    previous_end=$end
    count=$((count + 1))
  fi
done <week1-sara.en.vtt
# A few quiet seconds on the poster after the last cue; the concat demuxer needs the last file twice.
echo "file '$work/sara.png'" >>"$images"
echo "duration 4" >>"$images"
echo "file '$work/sara.png'" >>"$images"

mix=$(for ((i = 0; i < count; i++)); do printf '[a%d]' "$i"; done)
ffmpeg -v error -y "${inputs[@]}" -filter_complex "${filters}${mix}amix=inputs=$count:normalize=0[voice]" -map '[voice]' -ac 1 -ar 22050 "$work/voice.wav"
ffmpeg -v error -y -f concat -safe 0 -i "$images" -i "$work/voice.wav" \
  -vf 'fps=2,format=yuv420p' -c:v libx264 -preset veryslow -tune stillimage -crf 30 \
  -c:a aac -b:a 32k -ac 1 -shortest -movflags +faststart -metadata title="Sara's first attack (Careloom example, CC BY 4.0)" \
  week1-sara.mp4
ffprobe -v error -show_entries format=duration,size -of default=nw=1 week1-sara.mp4
