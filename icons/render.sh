#!/usr/bin/env bash
# Regenerates every committed icon render from the SVGs beside this script, with tools from
# Debian packages only: librsvg2-bin (rsvg-convert), icoutils (icotool), icnsutils (png2icns).
# Run it after editing an SVG, then commit the SVG and the renders together. IconsTest checks
# that every render below exists with its size and format.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

for tool in rsvg-convert:librsvg2-bin icotool:icoutils png2icns:icnsutils; do
  if ! command -v "${tool%%:*}" >/dev/null; then
    echo "render.sh: ${tool%%:*} not found; install it with: apt-get install ${tool#*:}" >&2
    exit 1
  fi
done

# render SVG SIZE OUT: a square PNG of SIZE pixels.
render() {
  mkdir -p "$(dirname "$3")"
  rsvg-convert --width "$2" --height "$2" --output "$3" "$1"
}

# The app icon: the small variant where the master's detail does not survive (up to 32 px).
app_svg() { if (($1 <= 32)); then echo ngisec-small.svg; else echo ngisec.svg; fi; }

sizes=(16 24 32 48 64 128 256 512 1024)
rm -rf png hicolor tray badges/*.png
for s in "${sizes[@]}"; do
  render "$(app_svg "$s")" "$s" "png/ngisec-$s.png"
done

# Windows: every size up to 256 in one .ico; 256 stored as PNG (-r), as Vista and later expect.
icotool --create --output ngisec.ico \
  png/ngisec-{16,24,32,48,64,128}.png --raw=png/ngisec-256.png

# macOS: the sizes the icns format has types for (24 and 64 have none).
png2icns ngisec.icns png/ngisec-{16,32,48,128,256,512,1024}.png >/dev/null

# Linux: the freedesktop hicolor theme layout, ready to copy under /usr/share/icons/hicolor.
for s in 16 24 32 48 64 128 256 512; do
  mkdir -p "hicolor/${s}x${s}/apps"
  cp "png/ngisec-$s.png" "hicolor/${s}x${s}/apps/ngisec.png"
done
mkdir -p hicolor/scalable/apps
cp ngisec.svg hicolor/scalable/apps/ngisec.svg

# Tray / menu bar: each size from the grid it is drawn on, plus its @2x for HiDPI.
for s in 16 22 32 44; do
  for scale in 1 2; do
    if ((s % 22 == 0)); then svg=ngisec-tray-22.svg; else svg=ngisec-tray.svg; fi
    suffix=""; ((scale == 1)) || suffix="@2x"
    render "$svg" $((s * scale)) "tray/ngisec-tray-$s$suffix.png"
  done
done

# Status badges.
for b in online offline relayed direct; do
  for s in 16 32; do
    render "badges/$b.svg" "$s" "badges/$b-$s.png"
  done
done

# The window icons, status badges and tray icons the app loads from its class path (WindowIcons,
# StatusBadges, TrayStatus), kept in step with the above.
resources=../app/src/main/resources/io/ngisec/app/icons
rm -rf "$resources"
mkdir -p "$resources"
for s in 16 24 32 48 64 128 256; do
  cp "png/ngisec-$s.png" "$resources/ngisec-$s.png"
done
mkdir -p "$resources/badges" "$resources/tray"
cp badges/*.png "$resources/badges/"
cp tray/*.png "$resources/tray/"

echo "render.sh: renders written under $(pwd) and $resources"
