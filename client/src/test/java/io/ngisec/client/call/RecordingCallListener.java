package io.ngisec.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Keeps incoming calls undecided for the test to answer, and every event in order. */
final class RecordingCallListener implements CallListener {

    static final Duration WAIT = Duration.ofSeconds(30);

    final BlockingQueue<IncomingCall> incoming = new LinkedBlockingQueue<>();
    final List<CallEvent> events = new CopyOnWriteArrayList<>();
    private final BlockingQueue<CallEvent.Ended> ended = new LinkedBlockingQueue<>();

    @Override
    public void onIncoming(IncomingCall call) {
        incoming.add(call);
    }

    @Override
    public void onEvent(CallEvent event) {
        events.add(event);
        if (event instanceof CallEvent.Ended e) {
            ended.add(e);
        }
    }

    IncomingCall nextIncoming() throws InterruptedException {
        IncomingCall call = incoming.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(call).as("an incoming call").isNotNull();
        return call;
    }

    CallEvent.Ended nextEnded() throws InterruptedException {
        CallEvent.Ended event = ended.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("an ended event").isNotNull();
        return event;
    }

    /** The kinds of events so far, such as {@code [Ringing, Started, Ended]}. */
    List<String> kinds() {
        return events.stream().map(e -> e.getClass().getSimpleName()).toList();
    }
}
