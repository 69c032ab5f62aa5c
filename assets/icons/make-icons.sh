#!/usr/bin/env bash
# Renders the app icon from its hand-written source, hypercast.svg, into what the installers use:
#   png/hypercast-NxN.png (16..512: Linux desktop and hicolor theme sizes), hypercast.png (256, the
#   Linux jpackage icon), hypercast.ico (Windows, 16..256) and hypercast.icns (macOS, 16..512).
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
# The outputs are committed; run this again only after editing the SVG.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for tool in rsvg-convert png2icns; do
  command -v "$tool" >/dev/null || { echo "make-icons: $tool missing (apt-get install -y librsvg2-bin icnsutils)" >&2; exit 1; }
done
# a real ImageMagick, not a stand-in that may shadow it on PATH
convert=/usr/bin/convert
[ -x "$convert" ] || convert=$(command -v convert) || { echo "make-icons: ImageMagick's convert missing (apt-get install -y imagemagick)" >&2; exit 1; }

mkdir -p png
for s in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" hypercast.svg -o "png/hypercast-${s}x${s}.png"
done
cp png/hypercast-256x256.png hypercast.png

# Windows: one .ico with the sizes Explorer and the taskbar pick from (256 stored as PNG)
"$convert" png/hypercast-16x16.png png/hypercast-24x24.png png/hypercast-32x32.png png/hypercast-48x48.png \
  png/hypercast-64x64.png png/hypercast-128x128.png png/hypercast-256x256.png hypercast.ico

# macOS: png2icns takes the sizes the .icns format has slots for
png2icns hypercast.icns png/hypercast-16x16.png png/hypercast-32x32.png png/hypercast-48x48.png \
  png/hypercast-128x128.png png/hypercast-256x256.png png/hypercast-512x512.png >/dev/null

ls -l hypercast.png hypercast.ico hypercast.icns png/
