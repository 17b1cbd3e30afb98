package io.ngisec.client.call;

import io.ngisec.client.link.ControlJson;
import io.ngisec.client.link.PeerLink;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The transitions of this device's calls, whoever triggers them (the peer's messages, the user,
 * a ring timer, the media starting): each under the call's lock together with the control message
 * that tells the peer, an end happening once and closing the media once, and the listener told in
 * order on {@link SerialEvents}. Holds the one slot for the call in progress. Thread safe.
 */
final class CallControl {

    private static final System.Logger LOG = System.getLogger(CallControl.class.getName());

    private final MediaStarter starter;
    private final CallListener listener;
    private final Duration ringTimeout;
    private final AtomicReference<Call> current = new AtomicReference<>();
    private final SerialEvents events = new SerialEvents();

    /** How a call ends, with the control message (type and record; null for none) that tells the peer. */
    record Ending(CallEnd end, String type, Record wire) {

        static Ending silently(CallEnd end) {
            return new Ending(end, null, null);
        }
    }

    CallControl(MediaStarter starter, CallListener listener, Duration ringTimeout) {
        this.starter = Objects.requireNonNull(starter, "media");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (ringTimeout.isNegative() || ringTimeout.isZero()) {
            throw new IllegalArgumentException("ring timeout must be positive");
        }
        this.ringTimeout = ringTimeout;
    }

    Optional<Call> current() {
        return Optional.ofNullable(current.get());
    }

    /** Takes the slot for {@code call}; false if another call has it. */
    boolean claim(Call call) {
        return current.compareAndSet(null, call);
    }

    /** Gives the slot back without telling anyone (a call that never got going). */
    void release(Call call) {
        current.compareAndSet(call, null);
    }

    /** The call in progress if it is {@code id} on {@code link}, else null. */
    Call find(PeerLink link, String id) {
        Call call = current.get();
        return call != null && call.is(link, id) ? call : null;
    }

    /** Tells the listener; call with the call's lock held so that events keep the transitions' order. */
    void tell(CallEvent event) {
        events.submit(() -> listener.onEvent(event));
    }

    /** Tells the listener of a ringing incoming call and lets it answer. */
    void offer(Call call) {
        IncomingCall incoming = new IncomingCall(call, this);
        events.submit(() -> {
            listener.onEvent(new CallEvent.Incoming(call));
            try {
                listener.onIncoming(incoming);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "call listener failed on an incoming call", e);
                incoming.decline("the callee could not answer");
            }
        });
    }

    /** Ends {@code call} as unanswered once the ring timeout passes while it still rings; call with its lock held. */
    void startRingTimer(Call call) {
        Thread timer = Thread.ofVirtual().name("call-ring-" + call.id()).unstarted(() -> {
            try {
                Thread.sleep(ringTimeout);
            } catch (InterruptedException e) {
                return; // answered or ended
            }
            finish(call, c -> {
                if (c.state() != CallState.RINGING) {
                    return null;
                }
                String user = c.peer().user();
                return c.outgoing()
                        ? new Ending(CallEnds.noAnswerAfter(user, ringTimeout), CallWire.CANCEL,
                                new CallWire.Cancel(c.id(), CallWire.NO_ANSWER))
                        : new Ending(CallEnds.missed(false, user), CallWire.DECLINE, new CallWire.Decline(c.id(), CallWire.NO_ANSWER, ""));
            });
        });
        call.ringTimer(timer);
        timer.start();
    }

    /** Opens the media on its own thread (devices can be slow); a failure ends the call on both sides. */
    void startMedia(Call call) {
        Thread.ofVirtual().name("call-media-" + call.id()).start(() -> {
            CallMedia running;
            try {
                running = starter.start(call.link(), call.id());
            } catch (IOException | RuntimeException e) {
                if (e instanceof RuntimeException) {
                    LOG.log(System.Logger.Level.WARNING, "media of a call failed to start", e);
                }
                String detail = CallWire.detail(Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
                finish(call, new Ending(CallEnds.failed(false, call.peer().user(), detail), CallWire.HANGUP,
                        new CallWire.Hangup(call.id(), CallWire.FAILED, detail)));
                return;
            }
            boolean attached;
            synchronized (call.lock) {
                attached = call.activate(running);
                if (attached) {
                    tell(new CallEvent.Started(call));
                }
            }
            if (!attached) {
                close(running); // the call ended while the devices opened
            }
        });
    }

    /** The callee answers: {@code call.accept}, then the media; throws if the call has ended. */
    void accept(Call call) throws CallException {
        String failure = null;
        synchronized (call.lock) {
            Optional<CallEnd> end = call.end();
            if (end.isPresent()) {
                throw new CallException(end.get().reason(), end.get().message());
            }
            if (call.outgoing() || call.state() != CallState.RINGING) {
                return; // answered already
            }
            try {
                send(call, CallWire.ACCEPT, new CallWire.Accept(call.id()));
                call.answered();
            } catch (IOException e) {
                failure = call.link().closed().orElse(e.getMessage());
            }
        }
        if (failure != null) {
            CallEnd lost = CallEnds.lost(call.peer().user(), failure);
            finish(call, Ending.silently(lost));
            throw new CallException(CallEndReason.CONNECTION_LOST, lost.message());
        }
        startMedia(call);
    }

    /** The callee declines a call that still rings. */
    void decline(Call call, String detail) {
        finish(call, c -> c.outgoing() || c.state() != CallState.RINGING ? null
                : new Ending(CallEnds.declined(false, c.peer().user(), detail), CallWire.DECLINE,
                        new CallWire.Decline(c.id(), CallWire.DECLINED, detail)));
    }

    /** This side ends the call: cancel, decline or hang up, as its state says. */
    void hangUp(Call call) {
        finish(call, c -> {
            String user = c.peer().user();
            return switch (c.state()) {
                case RINGING -> c.outgoing()
                        ? new Ending(CallEnds.cancelled(false, user), CallWire.CANCEL, new CallWire.Cancel(c.id(), CallWire.CANCELLED))
                        : new Ending(CallEnds.declined(false, user, ""), CallWire.DECLINE,
                                new CallWire.Decline(c.id(), CallWire.DECLINED, ""));
                case CONNECTING, ACTIVE -> new Ending(CallEnds.hungUp(false, user), CallWire.HANGUP,
                        new CallWire.Hangup(c.id(), CallWire.HUNG_UP, ""));
                case ENDED -> null;
            };
        });
    }

    void finish(Call call, Ending ending) {
        finish(call, c -> ending);
    }

    /**
     * Ends {@code call} as {@code decide} says, judged under its lock (null: not in this state),
     * tells the peer, frees the slot, closes the media once, then tells the listener and wakes
     * {@link Call#awaitEnd}.
     */
    void finish(Call call, Function<Call, Ending> decide) {
        Ending ending;
        Optional<CallMedia> running;
        synchronized (call.lock) {
            if (call.state() == CallState.ENDED) {
                return;
            }
            ending = decide.apply(call);
            if (ending == null) {
                return;
            }
            if (ending.type() != null) {
                try {
                    send(call, ending.type(), ending.wire());
                } catch (IOException e) {
                    // The link is going: the peer ends the call when it sees the link go down.
                    LOG.log(System.Logger.Level.DEBUG, "cannot send {0}: {1}", ending.type(), e.getMessage());
                }
            }
            running = call.markEnded(ending.end());
        }
        current.compareAndSet(call, null);
        running.ifPresent(CallControl::close);
        // Released once the listener has heard: a command that exits when awaitEnd returns would
        // otherwise lose the end's line and the call log its end.
        events.submit(() -> {
            try {
                listener.onEvent(new CallEvent.Ended(call, ending.end()));
            } finally {
                call.released();
            }
        });
    }

    static void send(Call call, String type, Record wire) throws IOException {
        call.link().sendControl(ControlJson.encode(type, wire));
    }

    private static void close(CallMedia media) {
        try {
            media.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "closing a call's media failed", e);
        }
    }
}
