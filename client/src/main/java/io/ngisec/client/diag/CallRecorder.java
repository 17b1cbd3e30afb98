package io.ngisec.client.diag;

import io.ngisec.client.call.Call;
import io.ngisec.client.call.CallEnd;
import io.ngisec.client.call.CallEvent;
import io.ngisec.client.call.CallListener;
import io.ngisec.client.call.IncomingCall;
import io.ngisec.client.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps {@code call_log} current for {@code ngisec diag}: a call's row when it starts, its
 * statistics every {@link SessionRecorder#INTERVAL} while it is on, and how it ended. Passes every
 * event on to the listener it wraps. Thread safe.
 */
public final class CallRecorder implements CallListener, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CallRecorder.class.getName());

    private final CallLogTable table;
    private final Clock clock;
    private final CallListener delegate;
    private final Map<Call, Instant> live = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("call-recorder").factory());

    public CallRecorder(CallLogTable table, Clock clock, CallListener delegate) {
        this.table = table;
        this.clock = clock;
        this.delegate = delegate;
        long every = SessionRecorder.INTERVAL.toMillis();
        timer.scheduleWithFixedDelay(this::sample, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onIncoming(IncomingCall call) {
        delegate.onIncoming(call);
    }

    @Override
    public void onEvent(CallEvent event) {
        switch (event) {
            case CallEvent.Started s -> {
                live.put(s.call(), clock.instant());
                save(s.call(), Optional.empty());
            }
            case CallEvent.Ended e -> {
                live.remove(e.call());
                if (e.call().startedAt().isPresent()) {
                    save(e.call(), Optional.of(e.end()));
                }
            }
            default -> {
            }
        }
        delegate.onEvent(event);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private void sample() {
        live.keySet().forEach(call -> save(call, Optional.empty()));
    }

    private void save(Call call, Optional<CallEnd> end) {
        Instant now = clock.instant();
        try {
            table.save(new CallRecord(call.id(), call.peer().user(), call.peer().deviceId().toString(), call.outgoing(),
                    call.startedAt().orElse(now), now, end.map(e -> now), end.map(e -> e.reason().name()),
                    end.map(CallEnd::message), call.stats()));
        } catch (StoreException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot record call " + call.id(), e);
        }
    }
}
