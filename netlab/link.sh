#!/usr/bin/env bash
# Shapes the link through one NAT router of a lab (this kernel has no netem):
#   link.sh PREFIX ROUTER [--rate 100mbit] [--loss 0.01] [--delay-ms 25[/UP]] [--jitter-ms J]
#           [--reorder P] [--seed N]
#   link.sh PREFIX ROUTER --clear
# ROUTER is a or b. Every option applies in both directions:
#   rate   HTB on the router's egress veths (wan and lan)
#   loss   iptables `statistic` random DROP on FORWARD (probability per packet, each direction)
#   delay  NFQUEUE in raw PREROUTING (before conntrack and NAT, like time on the wire) held by
#          nfqdelay; "25" is 25 ms each way, "25/40" is 25 ms towards the host, 40 ms towards
#          the internet. --jitter-ms adds uniform jitter in [-J, +J] (packets may then reorder);
#          --reorder P accepts a fraction P of packets at once, overtaking the delayed ones.
# Applying again replaces the previous shaping.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

QUEUE_FROM_WAN=1
QUEUE_FROM_LAN=2

in_ns() { ip netns exec "$ns" "$@"; }

clear_link() {
  in_ns iptables -t raw -D PREROUTING -j NETLAB_DELAY 2>/dev/null || true
  in_ns iptables -t raw -F NETLAB_DELAY 2>/dev/null || true
  in_ns iptables -t raw -X NETLAB_DELAY 2>/dev/null || true
  in_ns iptables -D FORWARD -j NETLAB_LOSS 2>/dev/null || true
  in_ns iptables -F NETLAB_LOSS 2>/dev/null || true
  in_ns iptables -X NETLAB_LOSS 2>/dev/null || true
  for dev in wan lan; do in_ns tc qdisc del dev "$dev" root 2>/dev/null || true; done
  # After the rules are gone, so the delayers' last act is to release what they hold.
  netlab_kill_pidfile "$dir/nfqdelay-$side-$QUEUE_FROM_WAN.pid"
  netlab_kill_pidfile "$dir/nfqdelay-$side-$QUEUE_FROM_LAN.pid"
}

start_delayer() { # QUEUE DELAY_MS
  local q="$1" d="$2" log="$dir/nfqdelay-$side-$1.log"
  local args=(-q "$q" -d "$d" -s "$((seed + q))")
  [[ -n "$jitter" ]] && args+=(-j "$jitter")
  [[ -n "$reorder" ]] && args+=(-r "$reorder")
  nohup ip netns exec "$ns" "$NFQDELAY" "${args[@]}" </dev/null >"$log" 2>&1 &
  echo $! > "$dir/nfqdelay-$side-$q.pid"
  for _ in $(seq 20); do
    grep -q "^nfqdelay: queue $q " "$log" 2>/dev/null && return 0
    netlab_pid_alive "$(cat "$dir/nfqdelay-$side-$q.pid")" || break
    sleep 0.05
  done
  netlab_fail "nfqdelay for queue $q did not start: $(tail -n 1 "$log")"
}

[[ $(id -u) -eq 0 ]] || netlab_fail "must run as root"
prefix="${1:-}"; router="${2:-}"
netlab_check_prefix "$prefix"
ns="$(netlab_router_ns "$prefix" "$router")"
side="${ns##*-}"
dir="$(netlab_state_dir "$prefix")"
netlab_ns_exists "$ns" || netlab_fail "no router namespace $ns; run topology.sh up $prefix"
shift 2

rate="" loss="" delay="" jitter="" reorder="" seed=1 clear=0
while (($#)); do
  case "$1" in
    --rate) rate="$2"; shift 2 ;;
    --loss) loss="$2"; shift 2 ;;
    --delay-ms) delay="$2"; shift 2 ;;
    --jitter-ms) jitter="$2"; shift 2 ;;
    --reorder) reorder="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --clear) clear=1; shift ;;
    *) netlab_fail "unknown option $1" ;;
  esac
done
mkdir -p "$dir"
clear_link
((clear)) && exit 0
trap 'rc=$?; if ((rc)); then clear_link; fi' EXIT

if [[ -n "$rate" ]]; then
  for dev in wan lan; do
    in_ns tc qdisc add dev "$dev" root handle 1: htb default 10
    in_ns tc class add dev "$dev" parent 1: classid 1:10 htb rate "$rate" ceil "$rate" quantum 1514
  done
fi

if [[ -n "$loss" ]]; then
  in_ns iptables -N NETLAB_LOSS
  in_ns iptables -A NETLAB_LOSS -m statistic --mode random --probability "$loss" -j DROP
  in_ns iptables -I FORWARD 1 -j NETLAB_LOSS
fi

if [[ -n "$delay" || -n "$jitter" || -n "$reorder" ]]; then
  NFQDELAY="$NETLAB_DIR/nfqdelay/nfqdelay"
  [[ -x "$NFQDELAY" ]] || make -s -C "$NETLAB_DIR/nfqdelay" >/dev/null \
    || netlab_fail "cannot build nfqdelay (needs gcc make libnetfilter-queue-dev libmnl-dev)"
  down_ms="${delay%%/*}"; up_ms="${delay##*/}"
  down_ms="${down_ms:-0}"; up_ms="${up_ms:-0}"
  # Delayers first: a queue nobody listens on drops every packet.
  start_delayer "$QUEUE_FROM_WAN" "$down_ms"
  start_delayer "$QUEUE_FROM_LAN" "$up_ms"
  in_ns iptables -t raw -N NETLAB_DELAY
  in_ns iptables -t raw -A NETLAB_DELAY -i wan -j NFQUEUE --queue-num "$QUEUE_FROM_WAN"
  in_ns iptables -t raw -A NETLAB_DELAY -i lan -j NFQUEUE --queue-num "$QUEUE_FROM_LAN"
  in_ns iptables -t raw -I PREROUTING 1 -j NETLAB_DELAY
fi
echo "link $ns: rate=${rate:-unlimited} loss=${loss:-0} delay_ms=${delay:-0} jitter_ms=${jitter:-0} reorder=${reorder:-0}"
