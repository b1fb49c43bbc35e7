#!/bin/sh
# Renders a report.html with headless Chromium (Debian package `chromium`) into a PNG next to it, to
# check by eye that the page draws: maps, curve, tables. Not part of CI.
# Usage: docs/check_report.sh out/baseline-2025/report.html [width] [height]
set -eu
report="$1"; width="${2:-1280}"; height="${3:-2600}"
command -v chromium >/dev/null || { echo "install chromium first: apt-get install -y chromium" >&2; exit 1; }
png="${report%.html}.png"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --window-size="${width},${height}" --screenshot="$png" "file://$(realpath "$report")" 2>/dev/null
echo "wrote $png"
