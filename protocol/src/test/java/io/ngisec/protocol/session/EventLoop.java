package io.ngisec.protocol.session;

import java.util.PriorityQueue;

/** A discrete-event loop on simulated nanoseconds: actions run in time order, ties in scheduling order. */
final class EventLoop {

    private record Event(long time, long seq, Runnable action) {
    }

    private final PriorityQueue<Event> events = new PriorityQueue<>(
            (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;

    long now() {
        return now;
    }

    void at(long time, Runnable action) {
        events.add(new Event(Math.max(time, now), seq++, action));
    }

    /** Runs events until none is left, {@code until} returns true, or time passes {@code deadline}. */
    void run(java.util.function.BooleanSupplier until, long deadline) {
        while (!events.isEmpty() && !until.getAsBoolean() && events.peek().time <= deadline) {
            Event e = events.poll();
            now = e.time;
            e.action.run();
        }
    }
}
