package io.ngisec.protocol.netlab;

import io.ngisec.protocol.transport.Signaling;
import io.ngisec.protocol.transport.TransportFailure;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Signaling for a {@link NetlabPeer} process: each message goes out as one {@code ICE <json>} line
 * on the peer's stdout, and the test that started both peers copies it to the other peer's stdin,
 * where {@link #deliver} hands it over. The JSON of an ICE description has no line breaks, so a
 * line is a message. Thread safe; the listener runs on one delivery thread of its own, in arrival
 * order, so no lock of the caller is held while it runs.
 */
final class StdioSignaling implements Signaling {

    /** The prefix of a signaling line, in both directions. */
    static final String PREFIX = "ICE ";

    private final PrintStream out;
    private final Queue<String> pending = new ArrayDeque<>();
    private final ExecutorService delivery =
            Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("stdio-signaling").unstarted(r));
    private Listener listener;

    StdioSignaling(PrintStream out) {
        this.out = out;
    }

    @Override
    public void send(String json) throws TransportFailure {
        if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
            throw new TransportFailure(TransportFailure.Reason.SIGNALING_FAILED, "a message must be one line");
        }
        synchronized (out) {
            out.println(PREFIX + json);
            out.flush();
            if (out.checkError()) {
                throw new TransportFailure(TransportFailure.Reason.SIGNALING_FAILED, "stdout is closed");
            }
        }
    }

    @Override
    public synchronized void setListener(Listener listener) {
        this.listener = listener;
        drain();
    }

    /** A message from the peer (the text after {@link #PREFIX}); waits while no listener is set. */
    synchronized void deliver(String json) {
        pending.add(json);
        drain();
    }

    private void drain() {
        while (listener != null && !pending.isEmpty()) {
            Listener to = listener;
            String json = pending.remove();
            delivery.execute(() -> to.onMessage(json));
        }
    }
}
