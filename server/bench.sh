#!/usr/bin/env bash
# Load test of the policy server's HTTPS/WebSocket API on this machine (loopback only).
#
#   server/bench.sh [health] [authorize] [enroll] [websockets]     (default: all four)
#
# Builds the test classes, starts a server JVM, runs each scenario of
# io.ngisec.server.bench.PolicyServerLoad against it, measures the server's CPU over each measured
# window and its heap while the WebSockets are held, prints a table and stops everything it started.
#
# Tunables (environment): DURATION (20s) WARMUP (5s) CONCURRENCY (64) CONNECTIONS (10000)
# HOLD (40s) PING (30s) SOURCES (4: source addresses 127.0.0.1..4) DEVICES (64) INVITES (20000)
# CLIENT_HEAP (2g) KEEP=1 keeps the work directory.
#
# SERVER_CMD replaces the default server (BenchServer over an in-memory API in its own JVM with
# -Xmx1g). The command must either print the BenchServer lines (port=, pid=, ca=, clients=,
# invites=, then ready) or be given SERVER_URL, SERVER_CA, SERVER_CLIENTS (and SERVER_INVITES for
# enroll, SERVER_PID if the JVM is not the command's own process), e.g. for the real server:
#   SERVER_CMD="./ngisec server start --home /tmp/h" SERVER_URL=https://127.0.0.1:8443 \
#   SERVER_CA=/tmp/h/ca.der SERVER_CLIENTS=/tmp/clients SERVER_INVITES=/tmp/invites.txt server/bench.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
JCMD="$JAVA_HOME/bin/jcmd"
DURATION=${DURATION:-20s} WARMUP=${WARMUP:-5s} CONCURRENCY=${CONCURRENCY:-64}
CONNECTIONS=${CONNECTIONS:-10000} HOLD=${HOLD:-40s} PING=${PING:-30s} SOURCES=${SOURCES:-4}
DEVICES=${DEVICES:-64} INVITES=${INVITES:-20000} CLIENT_HEAP=${CLIENT_HEAP:-2g}
SCENARIOS=("$@")
[ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=(health authorize enroll websockets)

# 10,000 sockets per side; the hard limit caps what an unprivileged shell may set.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

echo "building..." >&2
mvn -B -o -q -pl server -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="server/target/test-classes:server/target/classes:$(cat server/target/bench-classpath.txt)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ngisec-bench.XXXXXX")
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
SERVER_CMD=${SERVER_CMD:-"exec $JAVA -Xmx1g -cp $CP io.ngisec.server.bench.BenchServer --dir $WORK/pki --devices $DEVICES --invites $INVITES"}
bash -c "$SERVER_CMD" >"$WORK/server.out" 2>"$WORK/server.err" &
STARTED+=($!)
SERVER_SHELL=$!
for _ in $(seq 120); do
    grep -q '^ready' "$WORK/server.out" 2>/dev/null && break
    [ -n "${SERVER_URL:-}" ] && break
    kill -0 "$SERVER_SHELL" 2>/dev/null || { cat "$WORK/server.err" >&2; echo "server exited" >&2; exit 1; }
    sleep 0.5
done
value() { sed -n "s/^$1=//p" "$WORK/server.out" | head -1; }
if [ -z "${SERVER_URL:-}" ]; then
    grep -q '^ready' "$WORK/server.out" || { echo "server not ready after 60 s" >&2; exit 1; }
    SERVER_URL="https://127.0.0.1:$(value port)"
fi
SERVER_CA=${SERVER_CA:-$(value ca)} SERVER_CLIENTS=${SERVER_CLIENTS:-$(value clients)}
SERVER_INVITES=${SERVER_INVITES:-$(value invites)} SERVER_PID=${SERVER_PID:-$(value pid)}
SERVER_PID=${SERVER_PID:-$SERVER_SHELL}
if [ -n "${SERVER_URL_WAIT:-}" ]; then sleep "$SERVER_URL_WAIT"; fi
echo "server pid $SERVER_PID at $SERVER_URL" >&2

# --- measurements ---------------------------------------------------------------------------
TICKS=$(getconf CLK_TCK)
CORES=$(nproc)
proc_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
machine_busy() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
now_ns() { date +%s%N; }
# used heap after a full GC, in MiB
server_heap() {
    "$JCMD" "$SERVER_PID" GC.run >/dev/null 2>&1 || true
    sleep 1
    "$JCMD" "$SERVER_PID" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | awk '{printf "%.0f", $2 / 1024}'
}
server_rss() { awk '/^VmRSS/{printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status"; }
pct() { awk -v t="$1" -v ns="$2" -v tck="$TICKS" -v c="$CORES" 'BEGIN{ if (ns <= 0) print 0; else printf "%.0f", 100 * t / tck / (ns / 1e9) / c }'; }

# Runs the client in the background; samples the server's and the machine's CPU at the lines
# MEASURING / MEASURED (HTTP) or at HOLDING (websockets: CPU of the connect phase, then heap).
run_client() {
    local name=$1; shift
    local out="$WORK/$name.out"
    "$JAVA" -Xmx"$CLIENT_HEAP" -cp "$CP" io.ngisec.server.bench.PolicyServerLoad --url "$SERVER_URL" \
        --ca "$SERVER_CA" --sources "$SOURCES" "$@" >"$out" 2>"$WORK/$name.err" &
    local client=$!
    STARTED+=($client)
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

ROWS=()
row() { ROWS+=("$(printf '%-11s %-34s %-40s %s' "$1" "$2" "$3" "$4")"); }

for scenario in "${SCENARIOS[@]}"; do
    SERVER_CPU=- CLIENT_CPU=- OTHER_CPU=-
    echo "== $scenario" >&2
    case $scenario in
        health)
            run_client health --scenario health --duration "$DURATION" --warmup "$WARMUP" --concurrency "$CONCURRENCY"
            row health "$(field rate) req/s (c=$CONCURRENCY)" "p50 $(field p50_ms) ms, p99 $(field p99_ms) ms" \
                "errors $(field errors) $(field outcomes); cpu server ${SERVER_CPU}% client ${CLIENT_CPU}% other ${OTHER_CPU}%" ;;
        authorize)
            run_client authorize --scenario authorize --clients "$SERVER_CLIENTS" --duration "$DURATION" \
                --warmup "$WARMUP" --concurrency "$CONCURRENCY"
            row authorize "$(field rate) req/s (c=$CONCURRENCY)" "p50 $(field p50_ms) ms, p99 $(field p99_ms) ms" \
                "errors $(field errors) $(field outcomes); cpu server ${SERVER_CPU}% client ${CLIENT_CPU}% other ${OTHER_CPU}%" ;;
        enroll)
            run_client enroll --scenario enroll --invites "$SERVER_INVITES" --duration "$DURATION" \
                --warmup "$WARMUP" --concurrency "$CONCURRENCY"
            row enroll "$(field ok_rate) enrollments/s (c=$CONCURRENCY)" "p50 $(field p50_ms) ms, p99 $(field p99_ms) ms" \
                "errors $(field errors) $(field outcomes); cpu server ${SERVER_CPU}% client ${CLIENT_CPU}% other ${OTHER_CPU}%" ;;
        websockets)
            HEAP_BASE=$(server_heap); RSS_BASE=$(server_rss); HEAP_HELD=- RSS_HELD=-
            run_client websockets --scenario websockets --clients "$SERVER_CLIENTS" --connections "$CONNECTIONS" \
                --duration "$HOLD" --ping-interval "$PING"
            held=$(field held_after_connect)
            per=$(awk -v a="$HEAP_HELD" -v b="$HEAP_BASE" -v n="$held" 'BEGIN{ if (n > 0 && a != "-") printf "%.1f", (a - b) * 1024 / n; else print "-" }')
            row websockets "$held held of $CONNECTIONS, $(field held_at_end) at end" \
                "connect $(field connect_rate)/s in $(field connect_s) s" \
                "heap ${HEAP_BASE}->${HEAP_HELD} MiB (${per} KiB/socket), RSS ${RSS_BASE}->${RSS_HELD} MiB; pongs $(field pongs)/$(field pings); cpu(connect) server ${SERVER_CPU}% client ${CLIENT_CPU}% other ${OTHER_CPU}%" ;;
        *) echo "unknown scenario: $scenario (health, authorize, enroll, websockets)" >&2; exit 2 ;;
    esac
done

echo
echo "Policy server load ($CORES cores, $(date -u +%Y-%m-%dT%H:%MZ)); cpu = share of all cores during the measured window"
printf '%-11s %-34s %-40s %s\n' scenario throughput latency/rate notes
for r in "${ROWS[@]}"; do echo "$r"; done
