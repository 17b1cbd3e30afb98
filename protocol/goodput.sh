#!/usr/bin/env bash
# Bulk goodput of an NGISec session over ICE loopback against raw Java UDP, same datagram size,
# same JVM, alternating runs (io.ngisec.protocol.session.LoopbackGoodputBenchmark), then scp of a
# file of the same size over loopback (netlab/scp-baseline.sh; skipped without sshd).
# Usage: protocol/goodput.sh [MiB per run (512)] [runs (3)]
#        protocol/goodput.sh --setup [runs (20)]   connection setup time on loopback instead
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "${here}")"
if [[ -z "${JAVA_HOME:-}" || ! -x "${JAVA_HOME}/bin/java" ]] || ! "${JAVA_HOME}/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export JAVA_HOME

cd "${root}"
mvn -o -q -pl protocol test-compile
classpath_file="${here}/target/bench-classpath.txt"
mvn -o -q -pl protocol dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="${classpath_file}"
classpath="${here}/target/test-classes:${here}/target/classes:$(cat "${classpath_file}")"
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
