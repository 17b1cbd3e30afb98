package io.ngisec.protocol.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Signaling} end that keeps a copy of every message sent through it. */
final class RecordingSignaling implements Signaling {

    final List<String> sent = new CopyOnWriteArrayList<>();
    private final Signaling delegate;

    RecordingSignaling(Signaling delegate) {
        this.delegate = delegate;
    }

    @Override
    public void send(String json) throws TransportFailure {
        sent.add(json);
        delegate.send(json);
    }

    @Override
    public void setListener(Listener listener) {
        delegate.setListener(listener);
    }

    /** The messages sent so far, decoded. */
    List<IceDescription> fragments() throws TransportFailure {
        List<IceDescription> out = new ArrayList<>();
        for (String json : sent) {
            out.add(IceDescriptionCodec.decode(json));
        }
        return out;
    }
}
