package io.ngisec.client.call;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngisec.client.link.ControlJson;
import io.ngisec.client.link.ControlMessage;
import io.ngisec.client.link.LinkFeature;
import io.ngisec.client.link.MalformedControlException;
import io.ngisec.client.link.PeerLink;
import io.ngisec.protocol.qos.Service;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Call control for this device: {@link #dial} rings a peer over a live link, a peer's ring goes to
 * the {@link CallListener}, and once answered each side runs the media its {@link MediaStarter}
 * starts. One call at a time: a ring while in a call (or ringing) is answered busy. A call rings
 * for at most the ring timeout on each side, then ends unanswered. Attach it to each link with
 * {@link io.ngisec.client.link.LinkDispatcher}: it owns {@code "call.*"} messages and hands the
 * current call's {@code "call.media.*"} to its media. Messages naming a call this device does not
 * have on that link (late, repeated, another link's) are ignored.
 *
 * <p>Thread safe. A link's reader never waits for the listener or for audio devices to open.
 */
public final class CallManager implements LinkFeature {

    /** How long a call rings before it ends unanswered. */
    public static final Duration RING_TIMEOUT = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(CallManager.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ID_BYTES = 8;

    private final MediaStarter starter;
    private final CallListener listener;
    private final Duration ringTimeout;
    private final Set<PeerLink> links = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Call> current = new AtomicReference<>();
    private final SerialEvents events = new SerialEvents();

    /** How a call ends, with the control message (if any) that tells the peer. */
    private record Ending(CallEnd end, String type, Record wire) {
    }

    public CallManager(MediaStarter media, CallListener listener, Duration ringTimeout) {
        this.starter = Objects.requireNonNull(media, "media");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (ringTimeout.isNegative() || ringTimeout.isZero()) {
            throw new IllegalArgumentException("ring timeout must be positive");
        }
        this.ringTimeout = ringTimeout;
    }

    /** With the ring timeout of {@link #RING_TIMEOUT}. */
    public CallManager(MediaStarter media, CallListener listener) {
        this(media, listener, RING_TIMEOUT);
    }

    /**
     * Rings the peer of {@code link} (the link a dispatcher runs with this manager); the call is
     * RINGING. Throws when the link is down, the policy does not allow calls, or a call is in progress.
     */
    public Call dial(PeerLink link) throws CallException {
        String user = link.peer().user();
        if (!links.contains(link) || link.closed().isPresent()) {
            throw new CallException(CallEndReason.CONNECTION_LOST, user + " is not connected; calls need both peers online");
        }
        if (!link.grants().allows(Service.CALL)) {
            throw new CallException(CallEndReason.NOT_ALLOWED, "the policy does not allow calls with " + user);
        }
        Call call = new Call(this, HexFormat.of().formatHex(randomBytes()), link, true);
        if (!current.compareAndSet(null, call)) {
            Call other = current.get();
            throw new CallException(CallEndReason.BUSY, "already in a call" + (other == null ? "" : " with " + other.peer().user()));
        }
        String failure;
        synchronized (call.lock) {
            try {
                send(call, CallWire.RING, new CallWire.Ring(call.id(), CallWire.CODEC));
                startRingTimer(call);
                return call;
            } catch (IOException e) {
                // The caller gets the exception, not a call: no events for it.
                failure = link.closed().orElse(e.getMessage());
                call.markEnded(CallEnds.lost(user, failure));
                call.released();
            }
        }
        current.compareAndSet(call, null);
        throw new CallException(CallEndReason.CONNECTION_LOST, "cannot call " + user + ": " + failure);
    }

    /** The call in progress (ringing or answered), if any. */
    public Optional<Call> current() {
        return Optional.ofNullable(current.get());
    }

    @Override
    public String typePrefix() {
        return CallWire.PREFIX;
    }

    @Override
    public void linkUp(PeerLink link) {
        links.add(link);
    }

    @Override
    public void linkDown(PeerLink link, String reason) {
        links.remove(link);
        Call call = current.get();
        if (call != null && call.link() == link) {
            finish(call, new Ending(CallEnds.lost(call.peer().user(), reason), null, null));
        }
    }

    @Override
    public boolean onControl(PeerLink link, ControlMessage message) throws MalformedControlException {
        if (message.type().startsWith(CallMedia.CONTROL_PREFIX)) {
            toMedia(link, message);
            return true;
        }
        switch (message.type()) {
            case CallWire.RING -> ring(link, ControlJson.decode(message, CallWire.Ring.class));
            case CallWire.RINGING -> ringing(find(link, ControlJson.decode(message, CallWire.Ringing.class).id()));
            case CallWire.ACCEPT -> accepted(find(link, ControlJson.decode(message, CallWire.Accept.class).id()));
            case CallWire.DECLINE -> {
                CallWire.Decline decline = ControlJson.decode(message, CallWire.Decline.class);
                declined(find(link, decline.id()), decline);
            }
            case CallWire.BUSY -> busy(find(link, ControlJson.decode(message, CallWire.Busy.class).id()));
            case CallWire.CANCEL -> {
                CallWire.Cancel cancel = ControlJson.decode(message, CallWire.Cancel.class);
                cancelled(find(link, cancel.id()), cancel);
            }
            case CallWire.HANGUP -> {
                CallWire.Hangup hangup = ControlJson.decode(message, CallWire.Hangup.class);
                hungUp(find(link, hangup.id()), hangup);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    // The callee's side.

    private void ring(PeerLink link, CallWire.Ring ring) {
        String user = link.peer().user();
        if (!link.grants().allows(Service.CALL)) {
            refuse(link, ring.id(), new Ending(CallEnds.refusedNotAllowed(user), CallWire.DECLINE,
                    new CallWire.Decline(ring.id(), CallWire.NOT_ALLOWED, "")));
            return;
        }
        if (!CallWire.CODEC.equals(ring.codec())) {
            String detail = "unsupported codec " + ring.codec();
            refuse(link, ring.id(), new Ending(CallEnds.refusedFailed(user, detail), CallWire.DECLINE,
                    new CallWire.Decline(ring.id(), CallWire.FAILED, detail)));
            return;
        }
        Call known = current.get();
        if (known != null && known.is(link, ring.id())) {
            return; // a repeat of the ring this device already answers
        }
        Call call = new Call(this, ring.id(), link, false);
        if (!current.compareAndSet(null, call)) {
            Call other = current.get();
            refuse(link, ring.id(), new Ending(CallEnds.missedWhileBusy(user, other == null ? "someone" : other.peer().user()),
                    CallWire.BUSY, new CallWire.Busy(ring.id())));
            return;
        }
        String failure = null;
        synchronized (call.lock) {
            try {
                send(call, CallWire.RINGING, new CallWire.Ringing(call.id()));
                startRingTimer(call);
                IncomingCall incoming = new IncomingCall(call, this);
                events.submit(() -> {
                    listener.onEvent(new CallEvent.Incoming(call));
                    offer(incoming);
                });
            } catch (IOException e) {
                failure = link.closed().orElse(e.getMessage());
            }
        }
        if (failure != null) {
            finish(call, new Ending(CallEnds.lost(user, failure), null, null));
        }
    }

    private void offer(IncomingCall incoming) {
        try {
            listener.onIncoming(incoming);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "call listener failed on an incoming call", e);
            incoming.decline("the callee could not answer");
        }
    }

    /** A ring this device will not take: the caller hears why, and the listener hears it ended. */
    private void refuse(PeerLink link, String id, Ending ending) {
        finish(new Call(this, id, link, false), ending);
    }

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
            finish(call, new Ending(lost, null, null));
            throw new CallException(CallEndReason.CONNECTION_LOST, lost.message());
        }
        startMedia(call);
    }

    void decline(Call call, String detail) {
        finish(call, c -> c.outgoing() || c.state() != CallState.RINGING ? null
                : new Ending(CallEnds.declined(false, c.peer().user(), detail), CallWire.DECLINE,
                        new CallWire.Decline(c.id(), CallWire.DECLINED, detail)));
    }

    private void cancelled(Call call, CallWire.Cancel cancel) {
        if (call == null) {
            return;
        }
        finish(call, c -> {
            if (c.outgoing()) {
                return null;
            }
            // After an answer crossed the cancel, "missed" would be odd: it was cancelled.
            boolean missed = CallWire.NO_ANSWER.equals(cancel.reason()) && c.state() == CallState.RINGING;
            String user = c.peer().user();
            return new Ending(missed ? CallEnds.missed(true, user) : CallEnds.cancelled(true, user), null, null);
        });
    }

    // The caller's side.

    private void ringing(Call call) {
        if (call == null) {
            return;
        }
        synchronized (call.lock) {
            if (call.outgoing() && call.state() == CallState.RINGING) {
                events.submit(() -> listener.onEvent(new CallEvent.Ringing(call)));
            }
        }
    }

    private void accepted(Call call) {
        if (call == null) {
            return;
        }
        synchronized (call.lock) {
            if (!call.outgoing() || !call.answered()) {
                return;
            }
        }
        startMedia(call);
    }

    private void declined(Call call, CallWire.Decline decline) {
        if (call == null) {
            return;
        }
        finish(call, c -> {
            if (!c.outgoing() || c.state() != CallState.RINGING) {
                return null;
            }
            String user = c.peer().user();
            CallEnd end = switch (CallWire.declineReason(decline.reason())) {
                case NOT_ALLOWED -> CallEnds.notAllowed(user);
                case NO_ANSWER -> CallEnds.noAnswer(user);
                case FAILED -> CallEnds.failed(true, user, decline.detail());
                default -> CallEnds.declined(true, user, decline.detail());
            };
            return new Ending(end, null, null);
        });
    }

    private void busy(Call call) {
        if (call == null) {
            return;
        }
        finish(call, c -> c.outgoing() && c.state() == CallState.RINGING ? new Ending(CallEnds.busy(c.peer().user()), null, null) : null);
    }

    // Both sides.

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

    private void hungUp(Call call, CallWire.Hangup hangup) {
        if (call == null) {
            return;
        }
        String user = call.peer().user();
        CallEnd end = CallWire.hangupReason(hangup.reason()) == CallEndReason.FAILED
                ? CallEnds.failed(true, user, hangup.detail()) : CallEnds.hungUp(true, user);
        finish(call, new Ending(end, null, null));
    }

    private void toMedia(PeerLink link, ControlMessage message) throws MalformedControlException {
        JsonNode id = message.body().get("id");
        if (id == null || !id.isTextual() || !CallWire.validId(id.textValue())) {
            throw new MalformedControlException(message.type() + ": invalid id");
        }
        Call call = find(link, id.textValue());
        Optional<CallMedia> media = call == null ? Optional.empty() : call.media();
        if (media.isPresent()) {
            media.get().onControl(message);
        }
    }

    private void startRingTimer(Call call) {
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
    private void startMedia(Call call) {
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
                    events.submit(() -> listener.onEvent(new CallEvent.Started(call)));
                }
            }
            if (!attached) {
                close(running); // the call ended while the devices opened
            }
        });
    }

    private void finish(Call call, Ending ending) {
        finish(call, c -> ending);
    }

    /**
     * Ends {@code call} as {@code decide} says, judged under its lock (null: not in this state),
     * tells the peer, frees the slot, closes the media once, then tells the listener.
     */
    private void finish(Call call, Function<Call, Ending> decide) {
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
        running.ifPresent(CallManager::close);
        call.released();
        events.submit(() -> listener.onEvent(new CallEvent.Ended(call, ending.end())));
    }

    private Call find(PeerLink link, String id) {
        Call call = current.get();
        return call != null && call.is(link, id) ? call : null;
    }

    private static void send(Call call, String type, Record wire) throws IOException {
        call.link().sendControl(ControlJson.encode(type, wire));
    }

    private static void close(CallMedia media) {
        try {
            media.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "closing a call's media failed", e);
        }
    }

    private static byte[] randomBytes() {
        byte[] id = new byte[ID_BYTES];
        RANDOM.nextBytes(id);
        return id;
    }
}
