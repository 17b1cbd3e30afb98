package io.ngisec.server.signal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink that keeps what it was sent and how it was closed. */
final class RecordingSink implements SignalSink {

    final List<String> sent = new CopyOnWriteArrayList<>();
    volatile Integer closeCode;

    @Override
    public void send(String json) {
        sent.add(json);
    }

    @Override
    public void close(int code, String reason) {
        closeCode = code;
    }
}
