#!/usr/bin/env bash
# Makes the app image's AppCDS archive (lib/app/ngisec-app.jsa) by one training launch, and names it
# in the app launcher's options. The launch goes as far as a user's does: a policy server from the
# server image on loopback, a device enrolled with the image's own `ngisec` command, then the app
# under Xvfb until its main window is online; on SIGTERM the JVM writes the classes it loaded
# (-XX:ArchiveClassesAtExit). Every later launch maps them instead of loading, verifying and linking
# each class again: measured here, 7.2 s to the main window without, 3.8 s with (docs/benchmarks.md).
# Called by installer/build.sh; cleans up everything it starts.
#   installer/linux/cds-train.sh APP_IMAGE SERVER_IMAGE
set -euo pipefail

(($# == 2)) || { echo "cds-train.sh: usage: cds-train.sh APP_IMAGE SERVER_IMAGE" >&2; exit 2; }
app="$(cd "$1" && pwd)"
server="$(cd "$2" && pwd)"
archive="${app}/lib/app/ngisec-app.jsa"
cfg="${app}/lib/app/ngisec-app.cfg"
[[ -x "${app}/bin/ngisec-app" && -x "${server}/bin/ngisec-server" && -f "${cfg}" ]] \
  || { echo "cds-train.sh: not the app and server images: $1 $2" >&2; exit 2; }

tmp="$(mktemp -d /tmp/ngisec-cds.XXXXXX)"
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "${p}" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "${p}" 2>/dev/null || true; done
  rm -rf "${tmp}"
}
trap cleanup EXIT

wait_for() { # FILE PATTERN SECONDS PID
  local i
  for ((i = 0; i < $3 * 5; i++)); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    kill -0 "$4" 2>/dev/null || { echo "cds-train.sh: process ended early; its output:" >&2; cat "$1" >&2; return 1; }
    sleep 0.2
  done
  echo "cds-train.sh: no '$2' in $1 after $3 s" >&2
  return 1
}

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# Its own HOME: JavaFX unpacks its natives under ~/.openjfx, and the launcher may leave ~/.rpmdb.
export HOME="${tmp}/user"
mkdir -p "${HOME}"
"${server}/bin/ngisec-server" init --home "${tmp}/server" --org "CDS training" --hostname 127.0.0.1 --port "${port}" >/dev/null
"${server}/bin/ngisec-server" start --home "${tmp}/server" --listen "127.0.0.1:${port}" >"${tmp}/server.log" 2>&1 &
pids+=($!)
wait_for "${tmp}/server.log" '^listening on' 120 "${pids[-1]}"
invite="$("${server}/bin/ngisec-server" invite --home "${tmp}/server" --user trainer | grep -o 'ngisec:[^ ]*' | head -n 1)"
"${app}/bin/ngisec" enroll --home "${tmp}/peer" --name build --invite "${invite}" >/dev/null

Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"${tmp}/display" 2>/dev/null &
pids+=($!)
for _ in $(seq 1 100); do [[ -s "${tmp}/display" ]] && break; sleep 0.1; done
[[ -s "${tmp}/display" ]] || { echo "cds-train.sh: Xvfb did not start" >&2; exit 1; }

rm -f "${archive}"
# JAVA_TOOL_OPTIONS reaches the JVM the launcher starts; -Xlog keeps the dump's notes (BouncyCastle's
# classes are skipped: signed jars cannot be archived) out of the build log.
DISPLAY=":$(tr -d '[:space:]' <"${tmp}/display")" NGISEC_APP_PROBE="${tmp}/probe" \
  JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=${archive} -Xlog:cds=off -Xlog:cds+dynamic=off" \
  "${app}/bin/ngisec-app" --home "${tmp}/peer" >"${tmp}/app.log" 2>&1 &
app_pid=$!
pids+=("${app_pid}")
wait_for "${tmp}/probe" '^ready' 180 "${app_pid}"
sleep 2  # a few pulses more: the classes of the first frames after going online
kill -TERM "${app_pid}"
wait "${app_pid}" || true
[[ -s "${archive}" ]] || { echo "cds-train.sh: the app wrote no archive; its output:" >&2; cat "${tmp}/app.log" >&2; exit 1; }

# The cfg's last section is [JavaOptions]. Should the archive ever not match (another runtime, changed
# jars), the JVM ignores it and starts as without; its CDS warnings are off so they do not reach the
# user's terminal.
printf '%s\n' 'java-options=-XX:SharedArchiveFile=$APPDIR/ngisec-app.jsa' 'java-options=-Xlog:cds=off' \
  'java-options=-Xlog:cds+dynamic=off' >>"${cfg}"
echo "cds-train.sh: ${archive} ($(du -m "${archive}" | cut -f1) MB)"
