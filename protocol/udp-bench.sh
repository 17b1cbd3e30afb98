#!/usr/bin/env bash
# Datagrams/s of 1200 B over loopback: blocking DatagramChannel one by one (raw Java) against
# NioUdpSocket and LinuxUdpSocket in batches, alternating runs, medians
# (io.ngisec.protocol.transport.udp.UdpSocketBenchmark).
# Usage: protocol/udp-bench.sh [seconds per run (3)] [runs (3)]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "${here}")"
# shellcheck source=protocol/test-classpath.sh
source "${root}/protocol/test-classpath.sh"
"${JAVA_HOME}/bin/java" --enable-native-access=ALL-UNNAMED -Xmx512m -cp "${classpath}" \
  io.ngisec.protocol.transport.udp.UdpSocketBenchmark "$@"
