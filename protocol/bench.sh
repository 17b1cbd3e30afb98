#!/usr/bin/env bash
# Runs the protocol's JMH benchmarks (default: the record layer) and prints ops/s, MB/s and the
# ratio to the raw JCA baseline. Extra arguments go to JMH, e.g.: ./bench.sh -p payloadSize=1200
# Environment: BENCHMARK (JMH include regex), JMH_OPTS (replaces the default run lengths).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "${here}")"

# shellcheck source=protocol/test-classpath.sh
source "${root}/protocol/test-classpath.sh"

benchmark="${BENCHMARK:-RecordLayerBenchmark}"
# Sized for a 2-core machine: one fork, 3 x 2 s warmup, 5 x 2 s measurement per benchmark and size.
read -r -a jmh_opts <<< "${JMH_OPTS:--f 1 -wi 3 -w 2s -i 5 -r 2s}"
result="${here}/target/jmh-${benchmark}.json"
# JMH forks its trial JVMs with this JVM's flags, so they may call native code (LinuxUdpSocket) too.
"${JAVA_HOME}/bin/java" --enable-native-access=ALL-UNNAMED -cp "${classpath}" org.openjdk.jmh.Main "${benchmark}" \
  "${jmh_opts[@]}" -rf json -rff "${result}" "$@"

if [[ "${benchmark}" == RecordLayerBenchmark ]] && command -v jq >/dev/null; then
  echo
  echo "payload bytes | record seal+open ops/s | MB/s | raw JCA ops/s | MB/s | record / raw"
  jq -r '
    map({b: (.benchmark | split(".") | last), size: (.params.payloadSize | tonumber), ops: .primaryMetric.score})
    | group_by(.size)[]
    | (map(select(.b == "recordSealOpen"))[0].ops) as $rec
    | (map(select(.b == "jcaAesGcmBaseline"))[0].ops) as $raw
    | .[0].size as $s
    | "\($s) | \($rec | floor) | \($rec * $s / 1e6 | . * 10 | floor / 10) | \($raw | floor) | \($raw * $s / 1e6 | . * 10 | floor / 10) | \(if $raw then ($rec / $raw * 1000 | floor / 10 | tostring) + " %" else "n/a" end)"
  ' "${result}"
fi
