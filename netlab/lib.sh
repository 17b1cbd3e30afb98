# Shared names and helpers for the netlab scripts; sourced, not run.
# Namespaces of a lab called PREFIX: PREFIX-pub (the "internet", bridge br0, coturn),
# PREFIX-ra / PREFIX-rb (NAT routers: wan, lan), PREFIX-a / PREFIX-b (hosts: eth0).

NETLAB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

netlab_fail() { echo "netlab: $*" >&2; exit 1; }

# A prefix is short so namespace names stay readable and cannot collide with anyone else's.
netlab_check_prefix() {
  [[ "${1:-}" =~ ^[a-z][a-z0-9]{1,15}$ ]] \
    || netlab_fail "PREFIX must be 2-16 chars [a-z0-9], starting with a letter (got '${1:-}')"
}

# Per-lab state (pid files, logs); removed by topology.sh down.
netlab_state_dir() { echo "${TMPDIR:-/tmp}/netlab-$1"; }

netlab_ns_exists() { ip netns list 2>/dev/null | awk '{print $1}' | grep -qx -- "$1"; }

# Router namespace for a router name: a|ra -> PREFIX-ra, b|rb -> PREFIX-rb.
netlab_router_ns() {
  case "$2" in
    a|ra) echo "$1-ra" ;;
    b|rb) echo "$1-rb" ;;
    *) netlab_fail "ROUTER must be a or b (got '$2')" ;;
  esac
}

# True while PID runs; a zombie counts as gone (some inits here reap orphans only slowly).
netlab_pid_alive() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat:0:1}" != Z ]]
}

# Stops the process recorded in a pid file, if it is still running, then waits for it.
netlab_kill_pidfile() {
  local f="$1" pid
  [[ -f "$f" ]] || return 0
  pid="$(cat "$f")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && netlab_pid_alive "$pid"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do netlab_pid_alive "$pid" || break; sleep 0.1; done
    netlab_pid_alive "$pid" && kill -9 "$pid" 2>/dev/null
  fi
  rm -f "$f"
}
