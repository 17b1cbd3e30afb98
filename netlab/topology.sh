#!/usr/bin/env bash
# Builds or removes the "small internet" of docs: one public bridge, two NAT routers, two hosts.
#   topology.sh up PREFIX [--symmetric]   prints `export NETLAB_...=...` lines
#   topology.sh down PREFIX               removes every namespace and process of PREFIX (idempotent)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PUBLIC_NET=198.51.100      # TEST-NET-2 (RFC 5737): never routed on the real internet
PUBLIC_IP=$PUBLIC_NET.1
RA_WAN_IP=$PUBLIC_NET.11
RB_WAN_IP=$PUBLIC_NET.12
NOWHERE_GW=192.0.2.254     # TEST-NET-1: the public namespace's default gateway, which drops everything

down() {
  local p="$1" ns pid
  for ns in "$p-a" "$p-b" "$p-ra" "$p-rb" "$p-pub"; do
    netlab_ns_exists "$ns" || continue
    # Anything still running inside one of our namespaces was started by this lab.
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
    sleep 0.2
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
    ip netns del "$ns" 2>/dev/null || true
  done
  rm -rf "$(netlab_state_dir "$p")"
}

router() { # router PREFIX SIDE WAN_IP LAN_NET SYMMETRIC
  local p="$1" side="$2" wan_ip="$3" lan="$4" symmetric="$5"
  local r="$p-r$side" h="$p-$side"
  ip netns add "$r"
  ip netns add "$h"
  ip -n "$r" link set lo up
  ip -n "$h" link set lo up
  ip -n "$r" link add wan type veth peer name "r$side" netns "$p-pub"
  ip -n "$r" link add lan type veth peer name eth0 netns "$h"
  ip -n "$p-pub" link set "r$side" master br0 up
  ip -n "$r" addr add "$wan_ip/24" dev wan
  ip -n "$r" addr add "$lan.1/24" dev lan
  ip -n "$r" link set wan up
  ip -n "$r" link set lan up
  ip -n "$r" route add default via "$PUBLIC_IP"
  ip -n "$h" addr add "$lan.2/24" dev eth0
  ip -n "$h" link set eth0 up
  ip -n "$h" route add default via "$lan.1"
  ip netns exec "$r" sysctl -qw net.ipv4.ip_forward=1

  local masq=(-j MASQUERADE)
  [[ "$symmetric" == 1 ]] && masq+=(--random-fully)
  ip netns exec "$r" iptables -t nat -A POSTROUTING -o wan "${masq[@]}"
  ip netns exec "$r" iptables -P FORWARD DROP
  ip netns exec "$r" iptables -A FORWARD -i wan -o lan -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
  ip netns exec "$r" iptables -A FORWARD -i lan -o wan -j ACCEPT
  # A home router drops unsolicited packets on its WAN; without this, conntrack records a peer's
  # early packet and MASQUERADE later remaps the host's own flow (see NETWORK-TESTS.md).
  ip netns exec "$r" iptables -A INPUT -i wan -m conntrack --ctstate NEW -j DROP
}

up() {
  local p="$1" symmetric="$2"
  for ns in "$p-pub" "$p-ra" "$p-rb" "$p-a" "$p-b"; do
    netlab_ns_exists "$ns" && netlab_fail "namespace $ns exists; run: $0 down $p"
  done
  mkdir -p "$(netlab_state_dir "$p")"
  # A half-built lab is removed, so a failed `up` leaves nothing behind.
  trap 'rc=$?; if ((rc)); then down "'"$p"'"; fi' EXIT

  ip netns add "$p-pub"
  ip -n "$p-pub" link set lo up
  ip -n "$p-pub" link add br0 type bridge
  ip -n "$p-pub" addr add "$PUBLIC_IP/24" dev br0
  ip -n "$p-pub" link set br0 up
  # The rest of the internet: a default route to a gateway that never answers (a veth whose far
  # end drops frames not addressed to it; the gateway's MAC is pinned, so no ARP ever fails).
  # Without it, a send to an address outside the lab (a peer's private host candidate, as ICE
  # pairs a relayed candidate with every remote one) fails with ENETUNREACH, and coturn closes
  # a TURN allocation whose relay socket fails a send. The kernel here has no dummy device.
  ip -n "$p-pub" link add internet type veth peer name internet-end
  ip -n "$p-pub" link set internet up
  ip -n "$p-pub" link set internet-end up
  ip -n "$p-pub" route add "$NOWHERE_GW/32" dev internet
  ip -n "$p-pub" neigh add "$NOWHERE_GW" lladdr 02:00:00:00:00:01 dev internet nud permanent
  ip -n "$p-pub" route add default via "$NOWHERE_GW" dev internet
  router "$p" a "$RA_WAN_IP" 10.0.1 "$symmetric"
  router "$p" b "$RB_WAN_IP" 10.0.2 "$symmetric"

  local nat=cone; [[ "$symmetric" == 1 ]] && nat=symmetric
  cat <<OUT
export NETLAB_PREFIX=$p
export NETLAB_NAT=$nat
export NETLAB_PUBLIC_NS=$p-pub
export NETLAB_PUBLIC_IP=$PUBLIC_IP
export NETLAB_ROUTER_A=$p-ra
export NETLAB_ROUTER_A_WAN_IP=$RA_WAN_IP
export NETLAB_ROUTER_B=$p-rb
export NETLAB_ROUTER_B_WAN_IP=$RB_WAN_IP
export NETLAB_HOST_A=$p-a
export NETLAB_A_IP=10.0.1.2
export NETLAB_HOST_B=$p-b
export NETLAB_B_IP=10.0.2.2
export NETLAB_STATE_DIR=$(netlab_state_dir "$p")
OUT
}

[[ $(id -u) -eq 0 ]] || netlab_fail "must run as root"
cmd="${1:-}"; prefix="${2:-}"
netlab_check_prefix "$prefix"
case "$cmd" in
  up)
    sym=0
    case "${3:-}" in "") ;; --symmetric) sym=1 ;; *) netlab_fail "unknown option ${3}" ;; esac
    up "$prefix" "$sym" ;;
  down) down "$prefix" ;;
  *) echo "usage: $0 up PREFIX [--symmetric] | down PREFIX" >&2; exit 2 ;;
esac
