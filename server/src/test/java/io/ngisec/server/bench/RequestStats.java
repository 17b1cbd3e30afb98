package io.ngisec.server.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What an HTTP run measured: latency of every measured response, responses by status and
 * failures by kind (connect, tls, closed, ...), and when the last measured response came.
 * Thread safe.
 */
final class RequestStats {

    private final LatencyHistogram latency = new LatencyHistogram();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final LongAdder connections = new LongAdder();
    private final AtomicLong lastResponseNanos = new AtomicLong(Long.MIN_VALUE);

    /** A measured answer: {@code outcome} is its status code, or another name (see {@link RequestSource#outcome}). */
    void response(String outcome, long latencyNanos, long nowNanos) {
        latency.record(latencyNanos / 1_000);
        count(outcome);
        lastResponseNanos.accumulateAndGet(nowNanos, (a, b) -> a == Long.MIN_VALUE || b - a > 0 ? b : a);
    }

    /** A connection finished its TLS handshake. */
    void connectedOne() {
        connections.increment();
    }

    /** TLS handshakes finished so far, reconnections included. */
    long connected() {
        return connections.sum();
    }

    void failure(String kind) {
        count(kind);
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    LatencyHistogram latency() {
        return latency;
    }

    /** Outcomes sorted by name: HTTP statuses first, then failure kinds. */
    Map<String, Long> outcomes() {
        Map<String, Long> out = new TreeMap<>();
        outcomes.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Responses counted as a 2xx status. */
    long successes() {
        return outcomes().entrySet().stream().filter(e -> e.getKey().matches("2\\d\\d"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Everything that was not a 2xx response. */
    long errors() {
        return outcomes().values().stream().mapToLong(Long::longValue).sum() - successes();
    }

    /** Long.MIN_VALUE until a response was measured. */
    long lastResponseNanos() {
        return lastResponseNanos.get();
    }
}
