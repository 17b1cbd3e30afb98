package io.ngisec.server.signal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink that keeps what it was sent and how it was closed (for tests of anything holding signaling connections). */
public final class RecordingSink implements SignalSink {

    public final List<String> sent = new CopyOnWriteArrayList<>();
    public volatile Integer closeCode;

    @Override
    public void send(String json) {
        sent.add(json);
    }

    @Override
    public void close(int code, String reason) {
        closeCode = code;
    }
}
