#!/usr/bin/env bash
# What an EF class on the bottleneck buys a small real-time stream: router A shaped to RATE with
# DELAY ms each way and a QUEUE-packet buffer, once with one HTB class and once with --ef-class.
# For each load (none; iperf3 TCP CUBIC up and down, TCP BBR up, UDP at 1.25x RATE up and down,
# between host A and the public namespace: "up" fills router A's wan egress, "down" its lan),
# two pings of 50 packets/s run side by side, one marked EF (TOS 0xb8, which the echo reply
# keeps) and one unmarked; one line per ping: its RTT p50/p95 and loss. Not run by mvn verify.
#   qos-bench.sh [--rate 20mbit] [--delay-ms 20] [--queue-packets 100] [--seconds 5]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"

rate=20mbit delay=20 queue=100 seconds=5
while (($#)); do
  case "$1" in
    --rate) rate="$2"; shift 2 ;;
    --delay-ms) delay="$2"; shift 2 ;;
    --queue-packets) queue="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    *) netlab_fail "unknown option $1" ;;
  esac
done
[[ $(id -u) -eq 0 ]] || netlab_fail "must run as root"
for tool in iperf3 ping awk; do
  command -v "$tool" >/dev/null || netlab_fail "$tool not installed"
done
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || netlab_fail "--seconds must be a positive integer"

p="qb$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"
server_pid="" client_pid=""
cleanup() {
  set +e # every step, whatever failed before
  [[ -n "$client_pid" ]] && kill "$client_pid" 2>/dev/null
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null
  "$here/topology.sh" down "$p" >/dev/null 2>&1
}
trap cleanup EXIT
eval "$("$here/topology.sh" up "$p")"
udp_rate="$(awk -v r="$rate" \
  'BEGIN { match(r, /^[0-9.]+/); print substr(r, 1, RLENGTH) * 1.25 substr(r, RLENGTH + 1) }')"

# RTTs of `ping -Q TOS` at 50/s for SECONDS: "p50 p95 loss%".
probe() {
  local out sent
  out="$(ip netns exec "$NETLAB_HOST_A" ping -Q "$1" -i 0.02 -c "$((seconds * 50))" -W 2 \
    "$NETLAB_PUBLIC_IP")" || true # ping fails when a reply is missing: that is the loss we count
  sent="$(sed -n 's/^\([0-9]*\) packets transmitted.*/\1/p' <<<"$out")"
  sed -n 's/.*time=\([0-9.]*\) ms.*/\1/p' <<<"$out" | sort -n | awk -v sent="${sent:-0}" '
    { t[NR] = $1 }
    END {
      if (NR == 0 || sent == 0) { printf "- - 100.0\n"; exit }
      printf "%.1f %.1f %.1f\n", t[int(0.50 * NR + 0.999)], t[int(0.95 * NR + 0.999)],
        100 * (sent - NR) / sent
    }'
}

start_load() { # LOAD: idle | cubic-up | cubic-down | bbr-up | udp-up | udp-down
  [[ "$1" == idle ]] && return 0
  ip netns exec "$NETLAB_PUBLIC_NS" iperf3 -s -1 -B "$NETLAB_PUBLIC_IP" >/dev/null 2>&1 &
  server_pid=$!
  for _ in $(seq 30); do
    ip netns exec "$NETLAB_PUBLIC_NS" ss -ltn | grep -q ":5201 " && break; sleep 0.1
  done
  local args=(-c "$NETLAB_PUBLIC_IP" -t "$((seconds + 6))")
  # Loss-based CUBIC fills whatever buffer there is, as a desktop's file transfer would; BBR (this
  # kernel's default, and NGISec's own controller) keeps the queue short. With -R iperf3 asks the
  # server for the algorithm too.
  case "$1" in
    udp-*) args+=(-u -b "$udp_rate") ;;
    cubic-*) args+=(-C cubic) ;;
    bbr-*) args+=(-C bbr) ;;
  esac
  [[ "$1" == *-down ]] && args+=(-R)
  ip netns exec "$NETLAB_HOST_A" iperf3 "${args[@]}" >/dev/null 2>&1 &
  client_pid=$!
  sleep 2 # past slow start: the queue is full when the probes start
}

stop_load() {
  local pid
  # Either may have ended already (a slow probe outlasts the load): not an error.
  for pid in $client_pid $server_pid; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  client_pid="" server_pid=""
}

echo "# router A: $rate, $delay ms each way, $queue-packet FIFO per class;" \
  "ping RTT in ms, 50/s for $seconds s"
row() { printf '%-8s %-10s %-5s %7s %7s %6s\n' "$@"; }
row classes load probe p50 p95 loss%
for classes in one ef; do
  extra=(); [[ "$classes" == ef ]] && extra=(--ef-class)
  "$here/link.sh" "$p" a --rate "$rate" --delay-ms "$delay" --queue-packets "$queue" "${extra[@]}" \
    >/dev/null
  for load in idle cubic-up cubic-down bbr-up udp-up udp-down; do
    start_load "$load"
    probe 0xb8 > "$NETLAB_STATE_DIR/ef" & ef_pid=$!
    probe 0 > "$NETLAB_STATE_DIR/be"
    wait "$ef_pid"
    stop_load
    for kind in ef be; do
      read -r p50 p95 loss < "$NETLAB_STATE_DIR/$kind"
      row "$classes" "$load" "${kind^^}" "$p50" "$p95" "$loss"
    done
  done
done
