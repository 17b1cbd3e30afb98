#!/usr/bin/env bash
# Shapes the link through one NAT router of a lab (this kernel has no netem):
#   link.sh PREFIX ROUTER [--rate 100mbit [--ef-class] [--queue-packets N | --queue-ms MS]]
#           [--loss 0.01] [--delay-ms 25[/UP]] [--jitter-ms J] [--reorder P] [--seed N]
#   link.sh PREFIX ROUTER --clear
# ROUTER is a or b. Every option applies in both directions:
#   rate   HTB on the router's egress veths (wan and lan). One class, or with --ef-class two:
#          DSCP EF (IPv4 TOS 0xb8/0xfc) in its own class served first (prio 0, 10% of the rate
#          guaranteed, may use all of it), everything else in the default class (prio 1).
#          The bottleneck buffer is each class's FIFO: the device's txqueuelen (1000 packets)
#          unless --queue-packets N (pfifo) or --queue-ms MS (bfifo of MS at the link rate).
#          With any of these three, the devices that feed the router send wire-size packets
#          (gso_max_segs 1): a TCP sender's GSO packet of many segments would otherwise count as
#          one packet in the FIFO and hold EF back for all of its segments.
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

# A tc rate (20mbit, 2.5gbit, 100kbps, a bare number of bit/s) as whole bits per second, for the
# derived class rates and buffer sizes.
rate_bits() {
  local n unit
  [[ "${1,,}" =~ ^([0-9]+(\.[0-9]+)?)([a-z]*)$ ]] \
    || netlab_fail "--rate '$1': expected a number and bit, kbit, mbit, gbit, bps, kbps, mbps or gbps"
  n="${BASH_REMATCH[1]}" unit="${BASH_REMATCH[3]}"
  case "$unit" in
    ""|bit) ;; kbit) n="$n*1e3" ;; mbit) n="$n*1e6" ;; gbit) n="$n*1e9" ;;
    bps) n="$n*8" ;; kbps) n="$n*8e3" ;; mbps) n="$n*8e6" ;; gbps) n="$n*8e9" ;;
    *) netlab_fail "--rate '$1': expected a number and bit, kbit, mbit, gbit, bps, kbps, mbps or gbps" ;;
  esac
  awk "BEGIN { printf \"%d\", $n }"
}

# The router's veth peers (the host's eth0, the bridge port in the public namespace) hand it GSO
# packets of at most SEGS segments; 65535 is the veth default.
wire_size_packets() {
  ip -n "$host_ns" link set dev eth0 gso_max_segs "$1"
  ip -n "$prefix-pub" link set dev "$side" gso_max_segs "$1"
}

clear_link() {
  in_ns iptables -t raw -D PREROUTING -j NETLAB_DELAY 2>/dev/null || true
  in_ns iptables -t raw -F NETLAB_DELAY 2>/dev/null || true
  in_ns iptables -t raw -X NETLAB_DELAY 2>/dev/null || true
  in_ns iptables -D FORWARD -j NETLAB_LOSS 2>/dev/null || true
  in_ns iptables -F NETLAB_LOSS 2>/dev/null || true
  in_ns iptables -X NETLAB_LOSS 2>/dev/null || true
  for dev in wan lan; do in_ns tc qdisc del dev "$dev" root 2>/dev/null || true; done
  wire_size_packets 65535 2>/dev/null || true
  # After the rules are gone, so the delayers' last act is to release what they hold.
  netlab_kill_pidfile "$dir/nfqdelay-$side-$QUEUE_FROM_WAN.pid"
  netlab_kill_pidfile "$dir/nfqdelay-$side-$QUEUE_FROM_LAN.pid"
}

start_delayer() { # QUEUE DELAY_MS
  local q="$1" d="$2" log="$dir/nfqdelay-$side-$1.log"
  local args=(-q "$q" -d "$d" -s "$((seed + q))")
  [[ -n "$jitter" ]] && args+=(-j "$jitter")
  [[ -n "$reorder" ]] && args+=(-r "$reorder")
  # Real-time priority: on a busy machine an ordinary process wakes up to ~100 ms late, and the
  # delay's p95 then measures the machine (seen: idle ping p95 54 ms instead of 41 at load 6).
  # It sleeps in ppoll between packets; the kernel's RT throttling bounds it anyway.
  local rt=()
  chrt -f 10 true 2>/dev/null && rt=(chrt -f 10)
  nohup ip netns exec "$ns" "${rt[@]}" "$NFQDELAY" "${args[@]}" </dev/null >"$log" 2>&1 &
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
host_ns="$prefix-${side#r}"
dir="$(netlab_state_dir "$prefix")"
netlab_ns_exists "$ns" || netlab_fail "no router namespace $ns; run topology.sh up $prefix"
shift 2

rate="" ef_class=0 queue_packets="" queue_ms="" loss="" delay="" jitter="" reorder="" seed=1 clear=0
while (($#)); do
  case "$1" in
    --rate) rate="$2"; shift 2 ;;
    --ef-class) ef_class=1; shift ;;
    --queue-packets) queue_packets="$2"; shift 2 ;;
    --queue-ms) queue_ms="$2"; shift 2 ;;
    --loss) loss="$2"; shift 2 ;;
    --delay-ms) delay="$2"; shift 2 ;;
    --jitter-ms) jitter="$2"; shift 2 ;;
    --reorder) reorder="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --clear) clear=1; shift ;;
    *) netlab_fail "unknown option $1" ;;
  esac
done
if [[ -z "$rate" && ( "$ef_class" == 1 || -n "$queue_packets$queue_ms" ) ]]; then
  netlab_fail "--ef-class, --queue-packets and --queue-ms shape the HTB of --rate; give --rate"
fi
[[ -n "$queue_packets" && -n "$queue_ms" ]] && netlab_fail "give --queue-packets or --queue-ms, not both"
[[ -z "$queue_packets" || "$queue_packets" =~ ^[1-9][0-9]*$ ]] \
  || netlab_fail "--queue-packets must be a positive integer (got '$queue_packets')"
[[ -z "$queue_ms" || "$queue_ms" =~ ^[1-9][0-9]*$ ]] \
  || netlab_fail "--queue-ms must be a positive integer (got '$queue_ms')"
[[ -n "$rate" ]] && rate_bps="$(rate_bits "$rate")"
if [[ -n "$queue_ms" ]]; then
  queue_bytes="$((rate_bps / 8 * queue_ms / 1000))"
  ((queue_bytes >= 1514)) || netlab_fail "--queue-ms $queue_ms at $rate holds less than one 1514-byte packet"
fi
mkdir -p "$dir"
clear_link
((clear)) && exit 0
trap 'rc=$?; if ((rc)); then clear_link; fi' EXIT

if [[ -n "$rate" ]]; then
  if ((ef_class)) || [[ -n "$queue_packets$queue_ms" ]]; then wire_size_packets 1; fi
  for dev in wan lan; do
    in_ns tc qdisc add dev "$dev" root handle 1: htb default 10
    if ((ef_class)); then
      # EF never waits behind the default class: HTB serves the lowest prio first among classes
      # within their rate, and voice stays far below its guarantee. Both borrow from 1:1, so
      # either may fill the link alone.
      in_ns tc class add dev "$dev" parent 1: classid 1:1 htb rate "$rate_bps" ceil "$rate_bps" \
        quantum 1514
      in_ns tc class add dev "$dev" parent 1:1 classid 1:ef htb rate "$((rate_bps / 10))" \
        ceil "$rate_bps" prio 0 quantum 1514
      in_ns tc class add dev "$dev" parent 1:1 classid 1:10 htb \
        rate "$((rate_bps - rate_bps / 10))" ceil "$rate_bps" prio 1 quantum 1514
      in_ns tc filter add dev "$dev" parent 1: protocol ip prio 1 u32 match ip tos 0xb8 0xfc \
        flowid 1:ef
      leaves=(10 ef)
    else
      in_ns tc class add dev "$dev" parent 1: classid 1:10 htb rate "$rate" ceil "$rate" quantum 1514
      leaves=(10)
    fi
    for leaf in "${leaves[@]}"; do
      if [[ -n "$queue_packets" ]]; then
        in_ns tc qdisc add dev "$dev" parent "1:$leaf" handle "$leaf:" pfifo limit "$queue_packets"
      elif [[ -n "$queue_ms" ]]; then
        in_ns tc qdisc add dev "$dev" parent "1:$leaf" handle "$leaf:" bfifo limit "$queue_bytes"
      fi
    done
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
queue="${queue_packets:+${queue_packets}p}${queue_ms:+${queue_ms}ms}"
echo "link $ns: rate=${rate:-unlimited} classes=$( ((ef_class)) && echo ef+default || echo one)" \
  "queue=${queue:-${rate:+txqueuelen}} loss=${loss:-0} delay_ms=${delay:-0} jitter_ms=${jitter:-0} reorder=${reorder:-0}"
