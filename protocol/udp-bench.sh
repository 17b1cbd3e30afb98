#!/usr/bin/env bash
# Datagrams/s of 1200 B over loopback: blocking DatagramChannel one by one (raw Java) against
# NioUdpSocket and LinuxUdpSocket in batches, alternating runs, medians
# (io.ngisec.protocol.transport.udp.UdpSocketBenchmark).
# Usage: protocol/udp-bench.sh [seconds per run (3)] [runs (3)]
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
"${JAVA_HOME}/bin/java" --enable-native-access=ALL-UNNAMED -Xmx512m -cp "${classpath}" \
  io.ngisec.protocol.transport.udp.UdpSocketBenchmark "$@"
