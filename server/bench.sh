#!/usr/bin/env bash
# Load test of the real policy server (ngisec server start, embedded H2) on this machine, over
# loopback.
#
#   server/bench.sh [health] [enroll] [authorize] [websockets]     (default: all four, in this order)
#
# Builds the server and the test classes, creates a server home (ServerMain init), starts the
# server in its own JVM (-Xmx1g), adds invites straight into its database (BenchInvites), runs each
# scenario of io.ngisec.server.bench.PolicyServerLoad against it, measures CPU over each measured
# window and the server's heap around the held WebSockets, prints a table and stops everything.
#
# enroll keeps the first DEVICES enrolled devices' keys and certificates; authorize and websockets
# act as those devices (if enroll is not run first, DEVICES devices are enrolled unmeasured).
# health (GET /v1/health: TLS + HTTP, no service, no database) is the same-run reference for the
# HTTP stack.
#
# With 2 or more cores the server is pinned to SERVER_CPUS (0) and the generator to CLIENT_CPUS (1)
# with taskset, so they do not compete; cpu figures are % of one core.
#
# Tunables (environment): DURATION (20s) WARMUP (30s: on one pinned core the JIT compilers compete
# with the server for a long while) CONCURRENCY (64) CONNECTIONS (10000)
# WS_DEVICES (20: devices sharing the WebSockets) HOLD (40s) PING (30s) SOURCES (4: source addresses
# 127.0.0.1..4) DEVICES (64) INVITES (20000) CLIENT_HEAP (2g) PORT (0: any free one)
# SERVER_OPTS (extra server JVM options) PROFILE=DIR (JFR recording of the server per HTTP scenario,
# DIR/SCENARIO.jfr; it costs throughput, so do not quote numbers of such a run) KEEP=1 keeps the
# work directory.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
JCMD="$JAVA_HOME/bin/jcmd"
DURATION=${DURATION:-20s} WARMUP=${WARMUP:-30s} CONCURRENCY=${CONCURRENCY:-64}
CONNECTIONS=${CONNECTIONS:-10000} WS_DEVICES=${WS_DEVICES:-20} HOLD=${HOLD:-40s} PING=${PING:-30s}
SOURCES=${SOURCES:-4} DEVICES=${DEVICES:-64} INVITES=${INVITES:-20000} CLIENT_HEAP=${CLIENT_HEAP:-2g}
PORT=${PORT:-0} SERVER_OPTS=${SERVER_OPTS:-} PROFILE=${PROFILE:-}
SCENARIOS=("$@")
[ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=(health enroll authorize websockets)
for scenario in "${SCENARIOS[@]}"; do
    case $scenario in
        health|enroll|authorize|websockets) ;;
        *) echo "unknown scenario: $scenario (health, enroll, authorize, websockets)" >&2; exit 2 ;;
    esac
done
# The server's private keys are encrypted with a new secrets/master.key, not a passphrase.
unset NGISEC_SERVER_PASSPHRASE

# 10,000 sockets per side; the hard limit caps what an unprivileged shell may set.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

CORES=$(nproc)
if [ "$CORES" -ge 2 ] && command -v taskset >/dev/null; then
    SERVER_PIN=(taskset -c "${SERVER_CPUS:-0}") CLIENT_PIN=(taskset -c "${CLIENT_CPUS:-1}")
    PINNING="server on CPU ${SERVER_CPUS:-0}, generator on CPU ${CLIENT_CPUS:-1}"
else
    SERVER_PIN=() CLIENT_PIN=() PINNING="not pinned"
fi

echo "building..." >&2
mvn -B -o -q -pl server -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mvn -B -o -q -pl server -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile=target/server-classpath.txt
CP="server/target/test-classes:server/target/classes:$(cat server/target/bench-classpath.txt)"
SERVER_CP="server/target/classes:$(cat server/target/server-classpath.txt)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ngisec-bench.XXXXXX")
HOME_DIR="$WORK/home" CLIENTS="$WORK/clients"
STARTED=()
cleanup() {
    local pid
    for pid in "${STARTED[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${STARTED[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [ "${KEEP:-0}" = 1 ]; then echo "work directory kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- server ---------------------------------------------------------------------------------
"$JAVA" -cp "$SERVER_CP" io.ngisec.server.cli.ServerMain init --home "$HOME_DIR" --org Bench \
    --hostname 127.0.0.1 --port "$([ "$PORT" = 0 ] && echo 8443 || echo "$PORT")" >"$WORK/init.out"
# shellcheck disable=SC2086 # SERVER_OPTS is a list of JVM options
"${SERVER_PIN[@]}" "$JAVA" -Xmx1g $SERVER_OPTS -cp "$SERVER_CP" io.ngisec.server.cli.ServerMain start \
    --home "$HOME_DIR" --listen "127.0.0.1:$PORT" >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
STARTED+=("$SERVER_PID")
for _ in $(seq 120); do
    grep -q '^listening on https://' "$WORK/server.out" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.err" >&2; echo "server exited" >&2; exit 1; }
    sleep 0.5
done
SERVER_URL=$(grep -o '^listening on https://[^ ]*' "$WORK/server.out" | sed 's/^listening on //') \
    || { echo "server not listening after 60 s" >&2; exit 1; }
SERVER_CA="$HOME_DIR/certs/ca.pem"
echo "server pid $SERVER_PID at $SERVER_URL ($PINNING)" >&2

"$JAVA" -cp "$CP" io.ngisec.server.bench.BenchInvites --home "$HOME_DIR" --count "$INVITES" \
    --out "$WORK/invites.txt" >&2

# --- measurements ---------------------------------------------------------------------------
TICKS=$(getconf CLK_TCK)
proc_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
machine_busy() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
now_ns() { date +%s%N; }
# Used heap after a full GC, in MiB: the sum over the lines with a total (Serial lists DefNew and
# Tenured, G1 one heap line; Metaspace has none).
server_heap() {
    "$JCMD" "$SERVER_PID" GC.run >/dev/null 2>&1 || true
    sleep 1
    { "$JCMD" "$SERVER_PID" GC.heap_info 2>/dev/null || true; } | awk '
        / total / { if (match($0, /used [0-9]+K/)) kib += substr($0, RSTART + 5, RLENGTH - 6) }
        END { printf "%.0f", kib / 1024 }'
}
server_gc() { "$JCMD" "$SERVER_PID" VM.flags 2>/dev/null | grep -oE 'Use[A-Za-z0-9]+GC' | head -1; }
server_rss() { awk '/^VmRSS/{printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status"; }
# % of one core
pct() { awk -v t="$1" -v ns="$2" -v tck="$TICKS" 'BEGIN{ if (ns <= 0) print 0; else printf "%.0f", 100 * t / tck / (ns / 1e9) }'; }

# Runs the client in the background; samples the server's and the machine's CPU at the lines
# MEASURING / MEASURED (HTTP) or at HOLDING (websockets: CPU of the connect phase, then heap).
run_client() {
    local name=$1; shift
    local out="$WORK/$name.out"
    "${CLIENT_PIN[@]}" "$JAVA" -Xmx"$CLIENT_HEAP" -cp "$CP" io.ngisec.server.bench.PolicyServerLoad --url "$SERVER_URL" \
        --ca "$SERVER_CA" --sources "$SOURCES" "$@" >"$out" 2>"$WORK/$name.err" &
    local client=$!
    STARTED+=("$client")
    local s0 m0 c0 t0 start_seen=0 end_seen=0
    s0=$(proc_ticks "$SERVER_PID"); m0=$(machine_busy); c0=$(proc_ticks "$client"); t0=$(now_ns)
    local c_last=0 c_now
    while kill -0 "$client" 2>/dev/null; do
        # The client may exit right after MEASURED: keep its last CPU reading.
        c_now=$(proc_ticks "$client"); [ "$c_now" -gt 0 ] && c_last=$c_now
        if [ $start_seen = 0 ] && grep -q '^MEASURING' "$out"; then
            start_seen=1
            s0=$(proc_ticks "$SERVER_PID"); m0=$(machine_busy); c0=$(proc_ticks "$client"); t0=$(now_ns)
        fi
        if [ $end_seen = 0 ] && grep -q '^MEASURED\|^HOLDING' "$out"; then
            end_seen=1
            local s1 m1 c1 t1
            s1=$(proc_ticks "$SERVER_PID"); m1=$(machine_busy); c1=$(proc_ticks "$client"); t1=$(now_ns)
            [ "$c1" -gt 0 ] || c1=$c_last
            local ns=$((t1 - t0))
            SERVER_CPU=$(pct $((s1 - s0)) $ns); CLIENT_CPU=$(pct $((c1 - c0)) $ns)
            OTHER_CPU=$(pct $(( (m1 - m0) - (s1 - s0) - (c1 - c0) )) $ns)
            if grep -q '^HOLDING' "$out"; then
                HEAP_HELD=$(server_heap); RSS_HELD=$(server_rss)
                echo "held $(sed -n 's/^HOLDING //p' "$out"): server heap ${HEAP_HELD} MiB after GC, RSS ${RSS_HELD} MiB" >&2
            fi
        fi
        sleep 0.2
    done
    wait "$client" || { cat "$WORK/$name.err" >&2; echo "$name: client failed" >&2; return 1; }
    RESULT=$(grep '^RESULT' "$out" | tail -1)
    echo "$RESULT" >&2
}
field() { tr ' ' '\n' <<<"$RESULT" | sed -n "s/^$1=//p"; }
profile_start() { [ -z "$PROFILE" ] || "$JCMD" "$SERVER_PID" JFR.start name=bench settings=profile >/dev/null; }
profile_stop() {
    [ -z "$PROFILE" ] && return
    mkdir -p "$PROFILE"
    "$JCMD" "$SERVER_PID" JFR.stop name=bench filename="$(cd "$PROFILE" && pwd)/$1.jfr" >/dev/null
    echo "profile: $PROFILE/$1.jfr" >&2
}

# Invites not yet handed to an enroll run.
INVITES_USED=0
take_invites() {
    sed -n "$((INVITES_USED + 1)),$((INVITES_USED + $1))p" "$WORK/invites.txt" >"$WORK/invites-$2.txt"
    INVITES_USED=$((INVITES_USED + $1))
}
# authorize and websockets act as enrolled devices: enroll some, unmeasured, if enroll did not run yet.
need_devices() {
    compgen -G "$CLIENTS/*.key" >/dev/null && return
    echo "== enrolling $DEVICES devices for $1" >&2
    take_invites "$DEVICES" setup
    run_client setup --scenario enroll --invites "$WORK/invites-setup.txt" --keep "$CLIENTS" \
        --keep-count "$DEVICES" --duration 5s --warmup 0s --concurrency 16
}

ROWS=()
row() { ROWS+=("$(printf '%-11s %-34s %-40s %s' "$1" "$2" "$3" "$4")"); }

for scenario in "${SCENARIOS[@]}"; do
    SERVER_CPU=- CLIENT_CPU=- OTHER_CPU=-
    echo "== $scenario" >&2
    case $scenario in
        health)
            profile_start
            run_client health --scenario health --duration "$DURATION" --warmup "$WARMUP" --concurrency "$CONCURRENCY"
            profile_stop health
            row health "$(field rate) req/s (c=$CONCURRENCY)" "p50 $(field p50_ms) ms, p99 $(field p99_ms) ms" \
                "errors $(field errors) $(field outcomes); cpu server ${SERVER_CPU}% client ${CLIENT_CPU}% other ${OTHER_CPU}%" ;;
        enroll)
            take_invites $((INVITES - INVITES_USED)) enroll
            profile_start
            run_client enroll --scenario enroll --invites "$WORK/invites-enroll.txt" --keep "$CLIENTS" \
                --keep-count "$DEVICES" --duration "$DURATION" --warmup "$WARMUP" --concurrency "$CONCURRENCY"
            profile_stop enroll
            row enroll "$(field ok_rate) enrollments/s (c=$CONCURRENCY)" "p50 $(field p50_ms) ms, p99 $(field p99_ms) ms" \
                "errors $(field errors) $(field outcomes); cpu server ${SERVER_CPU}% client ${CLIENT_CPU}% other ${OTHER_CPU}%" ;;
        authorize)
            need_devices authorize
            profile_start
            run_client authorize --scenario authorize --clients "$CLIENTS" --devices "$DEVICES" --duration "$DURATION" \
                --warmup "$WARMUP" --concurrency "$CONCURRENCY"
            profile_stop authorize
            row authorize "$(field ok_rate) allowed/s (c=$CONCURRENCY)" "p50 $(field p50_ms) ms, p99 $(field p99_ms) ms" \
                "errors $(field errors) $(field outcomes); cpu server ${SERVER_CPU}% client ${CLIENT_CPU}% other ${OTHER_CPU}%" ;;
        websockets)
            need_devices websockets
            HEAP_BASE=$(server_heap); RSS_BASE=$(server_rss); HEAP_HELD=- RSS_HELD=-
            run_client websockets --scenario websockets --clients "$CLIENTS" --devices "$WS_DEVICES" \
                --connections "$CONNECTIONS" --duration "$HOLD" --ping-interval "$PING"
            held=$(field held_after_connect)
            per=$(awk -v a="$HEAP_HELD" -v b="$HEAP_BASE" -v n="$held" 'BEGIN{ if (n > 0 && a != "-") printf "%.1f", (a - b) * 1024 / n; else print "-" }')
            row websockets "$held held of $CONNECTIONS ($(field devices) devices), $(field held_at_end) at end" \
                "connect $(field connect_rate)/s in $(field connect_s) s" \
                "heap ${HEAP_BASE}->${HEAP_HELD} MiB (${per} KiB/socket), RSS ${RSS_BASE}->${RSS_HELD} MiB; pongs $(field pongs)/$(field pings); cpu(connect) server ${SERVER_CPU}% client ${CLIENT_CPU}% other ${OTHER_CPU}%" ;;
    esac
done

echo
echo "Policy server load ($CORES cores, $PINNING, server -Xmx1g $(server_gc) $SERVER_OPTS, $(date -u +%Y-%m-%dT%H:%MZ)); cpu = % of one core during the measured window"
printf '%-11s %-34s %-40s %s\n' scenario throughput latency/rate notes
for r in "${ROWS[@]}"; do echo "$r"; done
