#!/usr/bin/env bash
# Renders the desktop app's main screens from a real `./ngisec demo` under Xvfb into
# docs/screenshots/ (or DIR): the demo starts the policy server and the echo contact, then the app
# with NGISEC_APP_TOUR=DIR, which walks the screens once online (directory, a file sent to echo,
# a chat with echo, then the call and diagnostics screens when the app has them), writes a PNG
# after each and closes; the demo then cleans up. Needs the Debian packages xvfb, libgtk-3-0 and
# libgl1 (and fonts-dejavu-core). With NGISEC_APP_PROBE=FILE set, the app's responsiveness probe
# runs too (launch to a usable window under a real X server).
#   app/screenshots.sh [DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mkdir -p "${1:-${here}/docs/screenshots}" && cd "${1:-${here}/docs/screenshots}" && pwd)"

if ! command -v Xvfb >/dev/null; then
  echo "screenshots: Xvfb not found (apt-get install xvfb libgtk-3-0 libgl1)" >&2
  exit 2
fi

# Xvfb picks a free display itself and writes its number to fd 3.
displayfile="$(mktemp /tmp/ngisec-xvfb.XXXXXX)"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"${displayfile}" 2>/dev/null &
xvfb=$!
trap 'kill "${xvfb}" 2>/dev/null || true; rm -f "${displayfile}"' EXIT
for _ in $(seq 1 100); do
  [[ -s "${displayfile}" ]] && break
  kill -0 "${xvfb}" 2>/dev/null || { echo "screenshots: Xvfb did not start" >&2; exit 1; }
  sleep 0.1
done
display=":$(tr -d '[:space:]' <"${displayfile}")"
echo "screenshots: Xvfb on ${display}, pictures to ${out}"

# The tour closes the app when done; the timeout only guards a hung run.
DISPLAY="${display}" NGISEC_APP_TOUR="${out}" timeout 600 "${here}/ngisec" demo
ls -l "${out}"/*.png
