#!/usr/bin/env bash
# Launch time of the installed app to a usable window, with and without AppCDS (docs/benchmarks.md,
# "Installers: sizes and launch time"). As root on Debian, with the packages installer/build.sh made
# in installer/target/packages: installs the server and app .debs, starts the server on loopback,
# enrolls a device, then launches the installed app under Xvfb ROUNDS times (default 3) in each of
# three ways, interleaved so that the machine's load falls on all alike:
#   packaged  the archive made at build time (lib/app/ngisec-app.jsa), as shipped
#   none      the launcher's settings without the archive (the JDK's own CDS archive only)
#   per-user  -XX:+AutoCreateSharedArchive with ${HOME}/.cache/ngisec-app.jsa instead (the first
#             launch makes it and is reported apart)
# and prints, per way, the time from the launcher's start to the main window and to online (the
# app's probe, NGISEC_APP_PROBE). Purges both packages and stops everything at the end.
#   installer/launch-bench.sh [ROUNDS]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rounds="${1:-3}"
[[ "${rounds}" =~ ^[1-9][0-9]?$ ]] || { echo "launch-bench.sh: ROUNDS is a number 1-99, not '${rounds}'" >&2; exit 2; }
[[ "$(id -u)" -eq 0 ]] || { echo "launch-bench.sh: run as root (it installs the packages)" >&2; exit 2; }
for pkg in ngisec ngisec-server; do
  if dpkg-query -W -f '${Status}' "${pkg}" 2>/dev/null | grep -q installed; then
    echo "launch-bench.sh: ${pkg} is installed already; not touching it" >&2; exit 1
  fi
done
arch="$(dpkg --print-architecture)"
app_deb="$(ls "${here}"/target/packages/ngisec_*_"${arch}".deb)"
server_deb="$(ls "${here}"/target/packages/ngisec-server_*_"${arch}".deb)"

tmp="$(mktemp -d /tmp/ngisec-launch-bench.XXXXXX)"
chmod 0755 "${tmp}"
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "${p}" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "${p}" 2>/dev/null || true; done
  dpkg -P ngisec ngisec-server >/dev/null 2>&1 || true
  rm -rf "${tmp}"
}
trap cleanup EXIT
wait_for() { local i; for ((i = 0; i < $3 * 5; i++)); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.2; done; echo "launch-bench.sh: no '$2' in $1" >&2; exit 1; }

dpkg -i "${server_deb}" "${app_deb}" >/dev/null 2>&1
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
sed -e "s/^HOSTNAMES=.*/HOSTNAMES=127.0.0.1/" -e "s/^PORT=.*/PORT=${port}/" -e "s/^LISTEN=.*/LISTEN=127.0.0.1:${port}/" \
  /etc/ngisec-server/ngisec-server.conf >"${tmp}/server.conf"
runuser -u ngisec-server -- env NGISEC_SERVER_CONFIG="${tmp}/server.conf" /opt/ngisec-server/bin/ngisec-server-service >"${tmp}/server.log" 2>&1 &
pids+=($!)
wait_for "${tmp}/server.log" '^listening on' 120
export HOME="${tmp}/user"
mkdir -p "${HOME}/.cache"
ngisec enroll --home "${tmp}/peer" --name bench \
  --invite "$(runuser -u ngisec-server -- ngisec-server invite --home /var/lib/ngisec-server/home --user bench 2>/dev/null | grep -o 'ngisec:[^ ]*')" >/dev/null
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"${tmp}/display" 2>/dev/null &
pids+=($!)
for _ in $(seq 1 100); do [[ -s "${tmp}/display" ]] && break; sleep 0.1; done
export DISPLAY=":$(tr -d '[:space:]' <"${tmp}/display")"

cfg=/opt/ngisec/lib/app/ngisec-app.cfg
cp "${cfg}" "${tmp}/packaged.cfg"
grep -v 'ngisec-app.jsa\|Xlog:cds' "${cfg}" >"${tmp}/none.cfg"
{ cat "${tmp}/none.cfg"; printf '%s\n' 'java-options=-XX:+AutoCreateSharedArchive' \
  'java-options=-XX:SharedArchiveFile=${HOME}/.cache/ngisec-app.jsa' 'java-options=-Xlog:cds=off' 'java-options=-Xlog:cds+dynamic=off'; } >"${tmp}/per-user.cfg"

launch() { # WAY: one launch with that way's settings; prints "shown ready" in ms from the launcher's start
  local probe="${tmp}/probe" t0 start p
  cp "${tmp}/$1.cfg" "${cfg}"
  rm -f "${probe}"
  t0=$(date +%s%3N)
  NGISEC_APP_PROBE="${probe}" /opt/ngisec/bin/ngisec-app --home "${tmp}/peer" >/dev/null 2>&1 &
  p=$!
  wait_for "${probe}" '^ready' 120
  kill -TERM "${p}"; wait "${p}" 2>/dev/null || true
  start="$(sed -n 's/^start //p' "${probe}")"
  echo "$((start - t0 + $(sed -n 's/^shown //p' "${probe}"))) $((start - t0 + $(sed -n 's/^ready //p' "${probe}")))"
}

launch packaged >/dev/null  # JavaFX unpacks its natives into ~/.openjfx on the very first launch
echo "per-user, first launch (makes the archive): $(launch per-user) (load $(cut -d' ' -f1 /proc/loadavg))"
declare -A results
for ((r = 1; r <= rounds; r++)); do
  for way in packaged none per-user; do
    results[${way}]+="$(launch "${way}") (load $(cut -d' ' -f1 /proc/loadavg)); "
  done
done
for way in packaged none per-user; do echo "${way}: shown ready ms: ${results[${way}]}"; done
cp "${tmp}/packaged.cfg" "${cfg}"
