package io.ngisec.server.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What the WebSocket scenario counts: sockets held now, upgrades, drops, failures by kind, frames received. Thread safe. */
final class SocketCounters {

    final AtomicInteger held = new AtomicInteger();
    final LongAdder upgraded = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder pingsSent = new LongAdder();
    final LongAdder pongs = new LongAdder();
    final LongAdder textFrames = new LongAdder();
    final AtomicLong lastUpgradeNanos = new AtomicLong();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

    void upgradedNow() {
        held.incrementAndGet();
        upgraded.increment();
        lastUpgradeNanos.set(System.nanoTime());
    }

    void failure(String kind) {
        failures.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    long failed() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> failures() {
        Map<String, Long> out = new TreeMap<>();
        failures.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
