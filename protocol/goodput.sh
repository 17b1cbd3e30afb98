#!/usr/bin/env bash
# Bulk goodput of an NGISec session over ICE loopback against raw Java UDP, same datagram size,
# same JVM, alternating runs (io.ngisec.protocol.session.LoopbackGoodputBenchmark), then scp of a
# file of the same size over loopback (netlab/scp-baseline.sh; skipped without sshd).
# Usage: protocol/goodput.sh [MiB per run (512)] [runs (3)]
#        protocol/goodput.sh --setup [runs (20)]   connection setup time on loopback instead
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "${here}")"
# shellcheck source=protocol/test-classpath.sh
source "${root}/protocol/test-classpath.sh"
if [[ "${1:-}" == --setup ]]; then
  shift
  exec "${JAVA_HOME}/bin/java" --enable-native-access=ALL-UNNAMED -cp "${classpath}" io.ngisec.protocol.session.ConnectionSetupBenchmark "$@" 2>/dev/null
fi
"${JAVA_HOME}/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g -cp "${classpath}" io.ngisec.protocol.session.LoopbackGoodputBenchmark "$@" 2>/dev/null
if command -v sshd >/dev/null || [[ -x /usr/sbin/sshd ]]; then
  "${root}/netlab/scp-baseline.sh" "${1:-512}"
else
  echo "scp: skipped (no sshd; install openssh-server)"
fi
