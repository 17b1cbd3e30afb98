package io.ngisec.app.testing;

import io.ngisec.app.service.Colleague;
import io.ngisec.app.service.PeerService;
import io.ngisec.app.service.PeerServiceListener;
import io.ngisec.app.service.SelfIdentity;
import io.ngisec.app.service.ServerStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link PeerService} the test drives by hand: it tells listeners at once, on the calling thread. */
public final class FakePeerService implements PeerService {

    private final SelfIdentity self;
    private final List<PeerServiceListener> listeners = new CopyOnWriteArrayList<>();
    private List<Colleague> directory = List.of();
    private ServerStatus status = ServerStatus.CONNECTING;
    private int refreshes;
    private boolean started;
    private boolean closed;

    public FakePeerService(SelfIdentity self) {
        this.self = self;
    }

    /** Reports {@code colleagues} as the new directory. */
    public void directory(List<Colleague> colleagues) {
        directory = List.copyOf(colleagues);
        listeners.forEach(l -> l.directoryChanged(directory));
    }

    /** Reports {@code now} as the server connection. */
    public void status(ServerStatus now) {
        status = now;
        listeners.forEach(l -> l.statusChanged(now));
    }

    public int refreshes() {
        return refreshes;
    }

    public boolean started() {
        return started;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public SelfIdentity self() {
        return self;
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public void addListener(PeerServiceListener listener) {
        listeners.add(listener);
    }

    @Override
    public List<Colleague> directory() {
        return directory;
    }

    @Override
    public ServerStatus status() {
        return status;
    }

    @Override
    public void refreshDirectory() {
        refreshes++;
    }

    @Override
    public void close() {
        closed = true;
    }
}
