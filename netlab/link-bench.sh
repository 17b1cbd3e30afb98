#!/usr/bin/env bash
# Benchmark (not a test; mvn verify does not run it): goodput of an NGISec session through a shaped
# link against scp on the same link, in one run.
#   netlab/link-bench.sh [MIB (100)]
# Builds a cone-NAT lab with a prefix of its own, shapes router A's link (100 Mbit/s, 25 ms each
# way = 50 ms RTT, 1 % random loss each direction: link.sh), checks the RTT with ping, then:
#   1. NGISec: NetlabPeer JVMs (io.ngisec.protocol.netlab.LinkBenchmark), the sender on host A,
#      the receiver on host B, connected by ICE through both NATs (coturn for STUN): MIB MiB on one
#      stream, goodput from the receiver's first to last byte;
#   2. scp (netlab/scp-baseline.sh) from host A to an sshd in the public namespace, with host A's
#      TCP congestion control set to BBR, then to CUBIC (CUBIC_MIB MiB, default 10: at ~2 Mbit/s
#      a 100 MiB copy would take 7 minutes).
# Prints one summary table. Env: CUBIC_MIB, LOSS (0.01), SCP=0 (NGISec only), WINDOW and SEND_BUFFER (bytes, the NGISec session's
# stream window and send buffer; NetlabPeer's 4 and 8 MiB otherwise), LOGS (where the peers' logs
# go; protocol/target/netlab/PREFIX). The lab, coturn, the delayers, sshd and the JVMs are gone
# when the script exits, however it exits.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "${here}")"
mib="${1:-100}"
cubic_mib="${CUBIC_MIB:-10}"
[[ "${mib}" =~ ^[0-9]+$ && "${cubic_mib}" =~ ^[0-9]+$ ]] || { echo "usage: link-bench.sh [MIB]" >&2; exit 2; }
[[ $(id -u) -eq 0 ]] || { echo "link-bench: needs root (namespaces, iptables)" >&2; exit 1; }
echo "building test classes..."
# shellcheck source=protocol/test-classpath.sh
source "${root}/protocol/test-classpath.sh"

p="lb$(printf '%04x' $((RANDOM % 65536)))"
bench_pid=""
cleanup() {
  [[ -n "${bench_pid}" ]] && kill "${bench_pid}" 2>/dev/null && wait "${bench_pid}" 2>/dev/null
  "${here}/topology.sh" down "${p}" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM
eval "$("${here}/topology.sh" up "${p}")"
secret="lb-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
"${here}/coturn.sh" start "${p}" "${secret}" >/dev/null
loss="${LOSS:-0.01}"
link="100mbit, 25 ms each way, random loss ${loss} each way, at router A"
"${here}/link.sh" "${p}" a --rate 100mbit --delay-ms 25 --loss "${loss}" >/dev/null

rtt="$(ip netns exec "${NETLAB_HOST_A}" ping -c 10 -i 0.2 -q "${NETLAB_PUBLIC_IP}" | awk -F/ '/^rtt/{print $5}')"
echo "lab ${p}: ${link}; ping host A -> public: RTT avg ${rtt} ms (10 pings, 1 % loss may drop one)"

logs="${LOGS:-${root}/protocol/target/netlab/${p}}"
bench_args=(--host-a-ns="${NETLAB_HOST_A}" --host-a-ip="${NETLAB_A_IP}" --host-b-ns="${NETLAB_HOST_B}"
  --host-b-ip="${NETLAB_B_IP}" --server="${NETLAB_PUBLIC_IP}" --turn-secret="${secret}" --mib="${mib}" --logs="${logs}")
[[ -n "${WINDOW:-}" ]] && bench_args+=(--window="${WINDOW}")
[[ -n "${SEND_BUFFER:-}" ]] && bench_args+=(--send-buffer="${SEND_BUFFER}")
mkdir -p "${logs}"
echo "NGISec: ${mib} MiB host A -> host B (peer logs in ${logs})..."
"${JAVA_HOME}/bin/java" -cp "${classpath}" -Xmx256m -Djava.util.logging.config.file=/dev/null \
  io.ngisec.protocol.netlab.LinkBenchmark "${bench_args[@]}" > "${logs}.out" 2>"${logs}.err" &
bench_pid=$!
wait "${bench_pid}" || true
bench_pid=""
ngisec="$(grep '^NGISEC ' "${logs}.out" || true)"
[[ -n "${ngisec}" ]] || { echo "link-bench: NGISec run failed: $(cat "${logs}.out")" >&2; tail -20 "${logs}.err" >&2; exit 1; }
echo "  ${ngisec}"
field() { tr ' ' '\n' <<<"$1" | awk -F= -v k="$2" '$1 == k {print $2}'; }
ngisec_mbit="$(field "${ngisec}" goodput_mbit_s)"

# Host A's congestion control as a route attribute: in a namespace other than the host's, the
# sysctl only accepts what net.ipv4.tcp_allowed_congestion_control lists (here "reno bbr"), and
# that list is the host's own setting. congctl on the default route applies to each new connection.
default_route="$(ip -n "${NETLAB_HOST_A}" -4 route show default | sed 's/ congctl [a-z]*//')"
scp_run() { # CC MIB -> prints Mbit/s
  # shellcheck disable=SC2086 # the route's words
  ip -n "${NETLAB_HOST_A}" route replace ${default_route} congctl "$1"
  local line
  line="$("${here}/scp-baseline.sh" --server-ns "${NETLAB_PUBLIC_NS}" --client-ns "${NETLAB_HOST_A}" \
    --server-ip "${NETLAB_PUBLIC_IP}" "$2")"
  echo "  $1: ${line}" >&2
  awk '{for (i = 1; i <= NF; i++) if ($i == "MB/s") print $(i - 1) * 8}' <<<"${line}"
}
[[ "${SCP:-1}" == 0 ]] && exit 0
echo "scp: ${mib} MiB host A -> public namespace, host A's TCP congestion control BBR..."
scp_bbr="$(scp_run bbr "${mib}")"
echo "scp: ${cubic_mib} MiB, CUBIC..."
scp_cubic="$(scp_run cubic "${cubic_mib}")"

python3 - "${link}" "${rtt}" "${mib}" "${cubic_mib}" "${ngisec_mbit}" "${scp_bbr}" "${scp_cubic}" <<'PY'
import sys
link, rtt, mib, cubic_mib = sys.argv[1:5]
ngisec, bbr, cubic = (float(v) for v in sys.argv[5:8])
print()
print(f"link: {link}; ping RTT {rtt} ms")
print(f"| transfer | MiB | goodput Mbit/s | % of 100 Mbit/s | NGISec / this |")
print(f"|---|---:|---:|---:|---:|")
print(f"| NGISec session | {mib} | {ngisec:.1f} | {ngisec:.0f} % | 1.0 |")
print(f"| scp, TCP BBR | {mib} | {bbr:.1f} | {bbr:.0f} % | {ngisec / bbr:.1f} |")
print(f"| scp, TCP CUBIC | {cubic_mib} | {cubic:.1f} | {cubic:.0f} % | {ngisec / cubic:.1f} |")
PY
