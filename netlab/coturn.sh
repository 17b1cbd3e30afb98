#!/usr/bin/env bash
# Runs coturn in a lab's public namespace, as the STUN/TURN server the connectivity tests use.
#   coturn.sh start PREFIX SECRET [--deny-lan]
#                                   returns once a host behind router A gets its reflexive address;
#                                   --deny-lan refuses relaying to the lab's private LANs
#                                   (denied-peer-ip 10.0.0.0/8), as a hardened production relay does
#   coturn.sh stop PREFIX           stops it by PID (idempotent)
# TURN credentials follow coturn's use-auth-secret scheme: username "<unix-expiry>:<user>",
# password base64(HMAC-SHA1(SECRET, username)).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

start() {
  local p="$1" secret="$2" deny="$3" dir pub_ip deny_line=""
  [[ "$deny" == 1 ]] && deny_line="denied-peer-ip=10.0.0.0-10.255.255.255"
  dir="$(netlab_state_dir "$p")"
  netlab_ns_exists "$p-pub" || netlab_fail "no lab $p; run topology.sh up $p first"
  [[ -f "$dir/turnserver.pid" ]] && netlab_fail "coturn already running for $p; stop it first"
  command -v turnserver >/dev/null || netlab_fail "turnserver not installed (Debian package coturn)"
  pub_ip="$(ip -n "$p-pub" -4 -o addr show br0 | awk '{split($4, a, "/"); print a[1]}')"
  mkdir -p "$dir"
  (umask 077; cat > "$dir/turnserver.conf" <<CONF
listening-ip=$pub_ip
relay-ip=$pub_ip
listening-port=3478
realm=netlab.test
use-auth-secret
static-auth-secret=$secret
no-tls
no-dtls
no-cli
fingerprint
simple-log
# one log line per request: tests count them (CreatePermission requests, say)
verbose
$deny_line
log-file=$dir/turnserver.log
pidfile=$dir/turnserver.daemon.pid
userdb=$dir/turndb
CONF
)
  # `ip netns exec` execs turnserver itself, so $! is coturn's own PID.
  nohup ip netns exec "$p-pub" turnserver -c "$dir/turnserver.conf" \
    </dev/null >"$dir/turnserver.stdout" 2>&1 &
  echo $! > "$dir/turnserver.pid"

  local want; want="$(ip -n "$p-ra" -4 -o addr show wan | awk '{split($4, a, "/"); print a[1]}')"
  for _ in $(seq 50); do
    # turnutils_stunclient never retransmits, so a request sent before coturn bound is lost.
    if timeout 1 ip netns exec "$p-a" turnutils_stunclient "$pub_ip" 2>/dev/null \
        | grep -q "reflexive addr: $want:"; then
      echo "coturn: $pub_ip:3478 answering (reflexive $want), log $dir/turnserver.log"
      return 0
    fi
    netlab_pid_alive "$(cat "$dir/turnserver.pid")" || break
    sleep 0.2
  done
  netlab_kill_pidfile "$dir/turnserver.pid"
  netlab_fail "coturn did not answer with reflexive address $want; see $dir/turnserver.log"
}

[[ $(id -u) -eq 0 ]] || netlab_fail "must run as root"
cmd="${1:-}"; prefix="${2:-}"
netlab_check_prefix "$prefix"
case "$cmd" in
  start)
    [[ -n "${3:-}" ]] || netlab_fail "usage: $0 start PREFIX SECRET [--deny-lan]"
    deny=0
    case "${4:-}" in "") ;; --deny-lan) deny=1 ;; *) netlab_fail "unknown option ${4}" ;; esac
    start "$prefix" "$3" "$deny" ;;
  stop) netlab_kill_pidfile "$(netlab_state_dir "$prefix")/turnserver.pid" ;;
  *) echo "usage: $0 start PREFIX SECRET [--deny-lan] | stop PREFIX" >&2; exit 2 ;;
esac
