#!/usr/bin/env bash
# The installers end to end, as root on a Debian machine (called by .ci/run after mvn verify): first
# checks the hosted-CI workflow's structure (installer/check-workflow.py, on any machine), then
# builds the .deb and .rpm packages from the jars verify made (installer/build.sh --no-maven --fast),
# checks the .rpm's file list and dependencies, installs the policy server's .deb (systemd-analyze
# verify on its unit; the installed server started as its system user with the packaged settings,
# on loopback; its health answered), installs the app's .deb, runs `ngisec version` from PATH,
# validates the installed .desktop entry and its ngisec: URL handler, enrolls a device with the
# installed `ngisec`, starts the installed app under Xvfb (twice: the first launch unpacks JavaFX's
# natives), reads its launch time to a usable window from the app's probe, takes a screenshot of it,
# then purges both packages and checks that nothing they installed is left (nor the server's user,
# home and settings). Prints "skipped: REASON" and exits 0 when not root or without dpkg.
# Cleans up whatever it started or installed, also when it fails. Results: installer/target/selftest/.
#   installer/selftest.sh [--no-build]     --no-build: test the packages already in installer/target/packages
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "${here}/.." && pwd)"
build=1
case "${1:-}" in
  "") ;;
  --no-build) build=0 ;;
  *) echo "selftest.sh: unknown argument '$1' (usage: installer/selftest.sh [--no-build])" >&2; exit 2 ;;
esac

# The hosted-CI workflow cannot run here; its structure can be checked everywhere (Debian's python3
# has python3-yaml from .ci/run; a python3 of its own, such as pyenv's, may not).
py=python3; [[ -x /usr/bin/python3 ]] && py=/usr/bin/python3
(cd "${root}" && "${py}" installer/check-workflow.py) || exit 1

[[ "$(uname -s)" == Linux ]] || { echo "skipped: the installer selftest runs on Linux"; exit 0; }
[[ "$(id -u)" -eq 0 ]] || { echo "skipped: installing packages needs root"; exit 0; }
command -v dpkg >/dev/null || { echo "skipped: no dpkg (not a Debian machine)"; exit 0; }
for tool in rpm rpmbuild Xvfb xwininfo import identify desktop-file-validate systemd-analyze curl python3; do
  command -v "${tool}" >/dev/null || { echo "selftest.sh: ${tool} missing (.ci/run installs it)" >&2; exit 1; }
done
for pkg in ngisec ngisec-server; do
  if dpkg-query -W -f '${Status}' "${pkg}" 2>/dev/null | grep -q installed; then
    echo "selftest.sh: ${pkg} is installed on this machine already; not touching it (dpkg -P ${pkg} first)" >&2
    exit 1
  fi
done

started=$(date +%s)
packages="${root}/installer/target/packages"
results="${root}/installer/target/selftest"
rm -rf "${results}"; mkdir -p "${results}"
tmp="$(mktemp -d /tmp/ngisec-installer-test.XXXXXX)"
chmod 0755 "${tmp}"
pids=()
installed=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "${p}" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "${p}" 2>/dev/null || true; done
  for p in "${installed[@]}"; do dpkg -P "${p}" >/dev/null 2>&1 || true; done
  rm -rf "${tmp}"
}
trap cleanup EXIT

step() { printf '%s selftest: %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { echo "selftest.sh: FAILED: $*" >&2; exit 1; }
ms() { date +%s%3N; }
wait_for() { # FILE PATTERN SECONDS PID
  local i
  for ((i = 0; i < $3 * 5; i++)); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    kill -0 "$4" 2>/dev/null || { cat "$1" >&2 2>/dev/null || true; fail "process $4 ended before '$2' appeared in $1"; }
    sleep 0.2
  done
  fail "no '$2' in $1 after $3 s"
}
# Files and links of a package's list (dpkg -L) that are still on disk after a purge. Directories
# may stay when other packages use them (/usr/bin, the hicolor tree): only empty ones count.
leftovers() {
  local path
  while read -r path; do
    [[ -n "${path}" && "${path}" != "/." ]] || continue
    if [[ -L "${path}" || -f "${path}" ]]; then
      echo "${path}"
    elif [[ -d "${path}" ]] && [[ -z "$(ls -A "${path}")" ]] && ! dpkg -S "${path}" >/dev/null 2>&1; then
      echo "${path} (empty folder)"
    fi
  done <"$1"
}

# --- build ------------------------------------------------------------------------------------------
version="$(sed -n '/<artifactId>ngisec-parent<\/artifactId>/,/<\/version>/s:.*<version>\(.*\)</version>.*:\1:p' "${root}/pom.xml" | head -n 1)"
arch="$(dpkg --print-architecture)"
app_deb="${packages}/ngisec_${version}_${arch}.deb"
server_deb="${packages}/ngisec-server_${version}_${arch}.deb"
app_rpm="${packages}/ngisec-${version}-1.$(uname -m).rpm"
if ((build)); then
  step "building the packages (installer/build.sh --no-maven --fast)"
  t=$(date +%s)
  "${here}/build.sh" --no-maven --fast 2>&1 | tee "${results}/build.log" | grep --line-buffered -E 'build.sh: (built|AppCDS|done|modules)' || true
  ((PIPESTATUS[0] == 0)) || { tail -n 30 "${results}/build.log" >&2; fail "installer/build.sh failed"; }
  build_seconds=$(($(date +%s) - t))
fi
for f in "${app_deb}" "${server_deb}" "${app_rpm}"; do [[ -f "${f}" ]] || fail "${f} was not built"; done

# --- the .rpm: contents and dependencies (no rpm database to install it into on Debian) -------------
step "rpm: file list and requirements"
rpm -qpl "${app_rpm}" >"${results}/rpm-files.txt" 2>/dev/null
for f in /opt/ngisec/bin/ngisec-app /opt/ngisec/bin/ngisec /opt/ngisec/lib/runtime/lib/server/libjvm.so \
  /usr/bin/ngisec /usr/share/applications/ngisec.desktop /usr/share/icons/hicolor/48x48/apps/ngisec.png \
  /usr/share/icons/hicolor/scalable/apps/ngisec.svg; do
  grep -qx "${f}" "${results}/rpm-files.txt" || fail "the .rpm lacks ${f}"
done
rpm -qpR "${app_rpm}" >"${results}/rpm-requires.txt" 2>/dev/null
grep -q '^libgtk-3.so.0()(64bit)' "${results}/rpm-requires.txt" || fail "the .rpm does not require GTK 3"
if grep -qE '^lib(jvm|java|jli|awt)\.so' "${results}/rpm-requires.txt"; then fail "the .rpm requires the runtime's own libraries"; fi

# --- the server .deb --------------------------------------------------------------------------------
step "server: dpkg -i"
dpkg -i "${server_deb}" >"${results}/server-install.log" 2>&1 || { cat "${results}/server-install.log" >&2; fail "dpkg -i ${server_deb}"; }
installed+=(ngisec-server)
dpkg -L ngisec-server >"${results}/server-files.txt"
getent passwd ngisec-server >/dev/null || fail "no ngisec-server user"
[[ "$(stat -c %U "/var/lib/ngisec-server")" == ngisec-server ]] || fail "/var/lib/ngisec-server is not the service user's"
[[ "$(readlink -f "$(command -v ngisec-server)")" == /opt/ngisec-server/bin/ngisec-server ]] || fail "ngisec-server is not on PATH"
grep -qx /etc/ngisec-server/ngisec-server.conf <(dpkg-query -W -f '${Conffiles}\n' ngisec-server | awk '{print $1}') \
  || fail "ngisec-server.conf is not a conffile"
systemd-analyze verify /usr/lib/systemd/system/ngisec-server.service >"${results}/systemd-analyze.txt" 2>&1 \
  || { cat "${results}/systemd-analyze.txt" >&2; fail "systemd-analyze verify ngisec-server.service"; }

# systemd does not run here: the unit's ExecStart as its User, with the packaged settings file, in
# which only what keeps the test on loopback changes: the names and address (and a free port).
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
sed -e "s/^HOSTNAMES=.*/HOSTNAMES=127.0.0.1/" -e "s/^PORT=.*/PORT=${port}/" -e "s/^LISTEN=.*/LISTEN=127.0.0.1:${port}/" \
  /etc/ngisec-server/ngisec-server.conf >"${tmp}/ngisec-server.conf"
diff /etc/ngisec-server/ngisec-server.conf "${tmp}/ngisec-server.conf" >"${results}/server-conf.diff" || true
exec_start="$(sed -n 's/^ExecStart=//p' /usr/lib/systemd/system/ngisec-server.service)"
step "server: ${exec_start} as ngisec-server on 127.0.0.1:${port}"
t=$(ms)
runuser -u ngisec-server -- env NGISEC_SERVER_CONFIG="${tmp}/ngisec-server.conf" "${exec_start}" >"${tmp}/server.log" 2>&1 &
server_pid=$!
pids+=("${server_pid}")
wait_for "${tmp}/server.log" '^listening on' 120 "${server_pid}"
server_start_ms=$(($(ms) - t))
[[ "$(curl -sk "https://127.0.0.1:${port}/v1/health")" == *'"ok"'* ]] || fail "the server's /v1/health did not answer ok"
[[ -f /var/lib/ngisec-server/home/server.conf ]] || fail "the first start made no server home"
invite="$(runuser -u ngisec-server -- ngisec-server invite --home /var/lib/ngisec-server/home --user tester 2>"${results}/invite.log" | grep -o 'ngisec:[^ ]*' | head -n 1)"
[[ "${invite}" == ngisec:invite* ]] || fail "ngisec-server invite gave no invite"

# --- the app .deb -----------------------------------------------------------------------------------
step "app: dpkg -i"
dpkg -i "${app_deb}" >"${results}/app-install.log" 2>&1 || { cat "${results}/app-install.log" >&2; fail "dpkg -i ${app_deb}"; }
installed+=(ngisec)
dpkg -L ngisec >"${results}/app-files.txt"
[[ "$(command -v ngisec)" == /usr/bin/ngisec ]] || fail "ngisec is not on PATH"
(cd / && ngisec version) >"${results}/ngisec-version.txt" || fail "ngisec version"
grep -q "^ngisec ${version}" "${results}/ngisec-version.txt" || fail "ngisec version printed: $(head -n 1 "${results}/ngisec-version.txt")"
desktop-file-validate /usr/share/applications/ngisec.desktop || fail "desktop-file-validate"
grep -q '^x-scheme-handler/ngisec=.*ngisec.desktop' /usr/share/applications/mimeinfo.cache \
  || fail "ngisec: links are not handed to ngisec.desktop (mimeinfo.cache)"
[[ -f /usr/share/icons/hicolor/256x256/apps/ngisec.png ]] || fail "no hicolor icon"

step "app: enroll with the installed ngisec"
export HOME="${tmp}/user"   # the app's user: JavaFX keeps its natives under ~/.openjfx
mkdir -p "${HOME}"
ngisec enroll --home "${tmp}/peer" --name selftest --invite "${invite}" >"${results}/enroll.txt" || fail "ngisec enroll"

Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"${tmp}/display" 2>/dev/null &
pids+=($!)
for _ in $(seq 1 100); do [[ -s "${tmp}/display" ]] && break; sleep 0.1; done
[[ -s "${tmp}/display" ]] || fail "Xvfb did not start"
export DISPLAY=":$(tr -d '[:space:]' <"${tmp}/display")"

# One launch of the installed app as the menu entry starts it (`ngisec app` runs the same launcher);
# sets shown_ms and ready_ms: from the process's start (the launcher's own work included, which the
# probe's JVM-relative marks miss) to the first frame of the main window, and to online.
launch() {
  local name="$1" probe="${tmp}/$1.probe" t0 jvm_start
  t0=$(ms)
  NGISEC_APP_PROBE="${probe}" ngisec app --home "${tmp}/peer" >"${results}/${name}.log" 2>&1 &
  app_pid=$!
  pids+=("${app_pid}")
  wait_for "${probe}" '^ready' 120 "${app_pid}"
  jvm_start="$(sed -n 's/^start //p' "${probe}")"
  shown_ms=$((jvm_start - t0 + $(sed -n 's/^shown //p' "${probe}")))
  ready_ms=$((jvm_start - t0 + $(sed -n 's/^ready //p' "${probe}")))
  step "app: ${name}: main window shown ${shown_ms} ms, online ${ready_ms} ms after the launch (load $(cut -d' ' -f1 /proc/loadavg))"
}
stop_app() {
  kill -TERM "${app_pid}"
  wait "${app_pid}" 2>/dev/null || true
}

step "app: first launch under Xvfb ${DISPLAY}"
launch first
first_shown=${shown_ms}; first_ready=${ready_ms}
xwininfo -root -tree >"${results}/windows.txt"
grep -q '"NGISec Communicator - tester / selftest"' "${results}/windows.txt" || fail "no main window titled for tester/selftest"
sleep 1
import -window root "${results}/app.png"
# A blank or failed frame is one colour; the main window has text, icons and a status bar.
colours="$(identify -format '%k' "${results}/app.png")"
((colours > 100)) || fail "the screenshot has ${colours} colours: blank"
stop_app
step "app: second launch"
launch second
stop_app

# --- purge and check nothing is left ----------------------------------------------------------------
step "app: dpkg -P"
dpkg -P ngisec >"${results}/app-purge.log" 2>&1 || { cat "${results}/app-purge.log" >&2; fail "dpkg -P ngisec"; }
installed=(ngisec-server)
leftovers "${results}/app-files.txt" >"${results}/app-leftovers.txt"
[[ ! -s "${results}/app-leftovers.txt" ]] || { cat "${results}/app-leftovers.txt" >&2; fail "files of ngisec left after dpkg -P"; }
[[ ! -e /opt/ngisec && ! -e /usr/bin/ngisec ]] || fail "/opt/ngisec or /usr/bin/ngisec left"
if grep -q 'ngisec.desktop' /usr/share/applications/mimeinfo.cache 2>/dev/null; then fail "mimeinfo.cache still names ngisec.desktop"; fi

step "server: stop, dpkg -P"
kill -TERM "${server_pid}"
wait "${server_pid}" && server_rc=0 || server_rc=$?
((server_rc == 0 || server_rc == 143)) || fail "the server exited with ${server_rc} on SIGTERM"
dpkg -P ngisec-server >"${results}/server-purge.log" 2>&1 || { cat "${results}/server-purge.log" >&2; fail "dpkg -P ngisec-server"; }
installed=()
leftovers "${results}/server-files.txt" >"${results}/server-leftovers.txt"
for p in /opt/ngisec-server /usr/bin/ngisec-server /etc/ngisec-server /var/lib/ngisec-server \
  /etc/systemd/system/multi-user.target.wants/ngisec-server.service /tmp/hsperfdata_ngisec-server; do
  if [[ -e "${p}" || -L "${p}" ]]; then echo "${p}" >>"${results}/server-leftovers.txt"; fi
done
if getent passwd ngisec-server >/dev/null; then echo "user ngisec-server" >>"${results}/server-leftovers.txt"; fi
if getent group ngisec-server >/dev/null; then echo "group ngisec-server" >>"${results}/server-leftovers.txt"; fi
[[ ! -s "${results}/server-leftovers.txt" ]] || { cat "${results}/server-leftovers.txt" >&2; fail "ngisec-server left these after dpkg -P"; }

# --- summary ------------------------------------------------------------------------------------------
size() { du -m --apparent-size "$1" | cut -f1; }
{
  echo "installer selftest $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
  echo "packages (MB): app .deb $(size "${app_deb}"), app .rpm $(size "${app_rpm}"), server .deb $(size "${server_deb}") (xz -1: --fast)"
  echo "installed (MB): app $(($(dpkg-deb -f "${app_deb}" Installed-Size) / 1024)), server $(($(dpkg-deb -f "${server_deb}" Installed-Size) / 1024))"
  echo "app launch to main window / online (ms): first ${first_shown} / ${first_ready}, second ${shown_ms} / ${ready_ms}"
  echo "server: first start (home created) to listening: ${server_start_ms} ms"
  echo "build: ${build_seconds:-not run} s; selftest in all: $(($(date +%s) - started)) s"
} | tee "${results}/summary.txt"
echo "installer selftest: ok (screenshot ${results}/app.png)"
