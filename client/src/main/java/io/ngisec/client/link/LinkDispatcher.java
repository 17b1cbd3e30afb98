package io.ngisec.client.link;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one link's control messages and routes each by its {@code "type"} prefix to a
 * {@link LinkFeature}; runs the data-stream reader of the feature that wants it. Malformed and
 * unknown messages, and messages whose handler throws unexpectedly, are dropped and counted, never
 * ending the loop. When the link ends (or {@link #close()}), every feature hears
 * {@link LinkFeature#linkDown} once.
 *
 * <p>Thread safe. Two threads per link (virtual): control reader, data reader.
 */
public final class LinkDispatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LinkDispatcher.class.getName());
    private static final Duration POLL = Duration.ofMillis(200);

    private final PeerLink link;
    private final List<LinkFeature> features;
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();
    private final AtomicLong handlerErrors = new AtomicLong();
    private final AtomicBoolean down = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean stopping;

    /** Not started: {@link #start} starts the readers; tests feed {@link #dispatch} directly. */
    LinkDispatcher(PeerLink link, List<LinkFeature> features) {
        this.link = link;
        this.features = List.copyOf(features);
    }

    /** Tells every feature the link is up, then starts reading it. */
    public static LinkDispatcher start(PeerLink link, List<LinkFeature> features) {
        if (features.stream().filter(LinkFeature::readsDataStream).count() > 1) {
            throw new IllegalArgumentException("only one feature may read the data stream");
        }
        LinkDispatcher dispatcher = new LinkDispatcher(link, features);
        for (LinkFeature feature : dispatcher.features) {
            feature.linkUp(link);
        }
        Thread.ofVirtual().name("link-control-" + link.peer().deviceId()).start(dispatcher::controlLoop);
        for (LinkFeature feature : dispatcher.features) {
            if (feature.readsDataStream()) {
                Thread.ofVirtual().name("link-data-" + link.peer().deviceId()).start(() -> dispatcher.dataLoop(feature));
            }
        }
        return dispatcher;
    }

    /** The link this dispatcher reads. */
    public PeerLink link() {
        return link;
    }

    /** What happened to the control messages so far. */
    public DispatchStats stats() {
        return new DispatchStats(handled.get(), malformed.get(), unknown.get(), handlerErrors.get());
    }

    /** Waits until the link has ended and every feature has heard it; false on timeout. */
    public boolean awaitDown(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Handles one received message text: parse, route, count. Package-private for the fuzz test. */
    void dispatch(String json) {
        ControlMessage message;
        try {
            message = ControlJson.parse(json);
        } catch (MalformedControlException e) {
            malformed.incrementAndGet();
            LOG.log(System.Logger.Level.DEBUG, "dropped control message: {0}", e.getMessage());
            return;
        }
        Optional<LinkFeature> owner = features.stream().filter(f -> message.type().startsWith(f.typePrefix())).findFirst();
        if (owner.isEmpty()) {
            unknown.incrementAndGet();
            return;
        }
        try {
            if (owner.get().onControl(link, message)) {
                handled.incrementAndGet();
            } else {
                unknown.incrementAndGet();
            }
        } catch (MalformedControlException e) {
            malformed.incrementAndGet();
            LOG.log(System.Logger.Level.DEBUG, "dropped control message: {0}", e.getMessage());
        } catch (RuntimeException e) {
            // A bug in a handler must not stop the link's other messages; count it and keep reading.
            handlerErrors.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "control message " + message.type() + " failed", e);
        }
    }

    private void controlLoop() {
        try {
            while (!stopping && link.closed().isEmpty()) {
                Optional<String> next = link.receiveControl(POLL);
                next.ifPresent(this::dispatch);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "control channel ended: {0}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            linkDown();
        }
    }

    private void dataLoop(LinkFeature feature) {
        try {
            feature.readDataStream(link);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "data stream ended: {0}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "data stream reader failed", e);
            link.close();
        }
    }

    private void linkDown() {
        if (!down.compareAndSet(false, true)) {
            return;
        }
        String reason = link.closed().orElse("the link was closed");
        for (LinkFeature feature : features) {
            try {
                feature.linkDown(link, reason);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "link-down handler failed", e);
            }
        }
        ended.countDown();
    }

    /** Closes the link; the features hear it go down. */
    @Override
    public void close() {
        stopping = true;
        link.close();
    }
}
