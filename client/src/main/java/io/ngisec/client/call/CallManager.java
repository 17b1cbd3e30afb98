package io.ngisec.client.call;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngisec.client.call.CallControl.Ending;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls for this device: {@link #dial} rings a peer over a live link, a peer's ring goes to the
 * {@link CallListener}, and once answered each side runs the media its {@link MediaStarter}
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

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ID_BYTES = 8;

    private final CallControl control;
    private final Set<PeerLink> links = ConcurrentHashMap.newKeySet();

    /** Calls whose media {@code media} starts, heard by {@code listener}, ringing at most {@code ringTimeout}. */
    public CallManager(MediaStarter media, CallListener listener, Duration ringTimeout) {
        this.control = new CallControl(media, listener, ringTimeout);
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
        Call call = new Call(control, newId(), link, true);
        if (!control.claim(call)) {
            Optional<Call> other = control.current();
            throw new CallException(CallEndReason.BUSY, "already in a call" + other.map(c -> " with " + c.peer().user()).orElse(""));
        }
        String failure;
        synchronized (call.lock) {
            try {
                CallControl.send(call, CallWire.RING, new CallWire.Ring(call.id(), CallWire.CODEC));
                control.startRingTimer(call);
                return call;
            } catch (IOException e) {
                // The caller gets the exception, not a call: no events for it.
                failure = link.closed().orElse(e.getMessage());
                call.markEnded(CallEnds.lost(user, failure));
                call.released();
            }
        }
        control.release(call);
        throw new CallException(CallEndReason.CONNECTION_LOST, "cannot call " + user + ": " + failure);
    }

    /** The call in progress (ringing or answered), if any. */
    public Optional<Call> current() {
        return control.current();
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
        control.current().filter(call -> call.link() == link)
                .ifPresent(call -> control.finish(call, Ending.silently(CallEnds.lost(call.peer().user(), reason))));
    }

    @Override
    public boolean onControl(PeerLink link, ControlMessage message) throws MalformedControlException {
        if (message.type().startsWith(CallMedia.CONTROL_PREFIX)) {
            toMedia(link, message);
            return true;
        }
        switch (message.type()) {
            case CallWire.RING -> ring(link, ControlJson.decode(message, CallWire.Ring.class));
            case CallWire.RINGING -> ringing(control.find(link, ControlJson.decode(message, CallWire.Ringing.class).id()));
            case CallWire.ACCEPT -> accepted(control.find(link, ControlJson.decode(message, CallWire.Accept.class).id()));
            case CallWire.DECLINE -> {
                CallWire.Decline decline = ControlJson.decode(message, CallWire.Decline.class);
                declined(control.find(link, decline.id()), decline);
            }
            case CallWire.BUSY -> busy(control.find(link, ControlJson.decode(message, CallWire.Busy.class).id()));
            case CallWire.CANCEL -> {
                CallWire.Cancel cancel = ControlJson.decode(message, CallWire.Cancel.class);
                cancelled(control.find(link, cancel.id()), cancel);
            }
            case CallWire.HANGUP -> {
                CallWire.Hangup hangup = ControlJson.decode(message, CallWire.Hangup.class);
                hungUp(control.find(link, hangup.id()), hangup);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    // From the caller, to this device as callee.

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
        if (control.find(link, ring.id()) != null) {
            return; // a repeat of the ring this device already answers
        }
        Call call = new Call(control, ring.id(), link, false);
        if (!control.claim(call)) {
            String other = control.current().map(c -> c.peer().user()).orElse("someone");
            refuse(link, ring.id(), new Ending(CallEnds.missedWhileBusy(user, other), CallWire.BUSY, new CallWire.Busy(ring.id())));
            return;
        }
        String failure = null;
        synchronized (call.lock) {
            try {
                CallControl.send(call, CallWire.RINGING, new CallWire.Ringing(call.id()));
                control.startRingTimer(call);
                control.offer(call);
            } catch (IOException e) {
                failure = link.closed().orElse(e.getMessage());
            }
        }
        if (failure != null) {
            control.finish(call, Ending.silently(CallEnds.lost(user, failure)));
        }
    }

    /** A ring this device will not take: the caller hears why, and the listener hears it ended. */
    private void refuse(PeerLink link, String id, Ending ending) {
        control.finish(new Call(control, id, link, false), ending);
    }

    private void cancelled(Call call, CallWire.Cancel cancel) {
        if (call == null) {
            return;
        }
        control.finish(call, c -> {
            if (c.outgoing()) {
                return null;
            }
            // After an answer crossed the cancel, "missed" would be odd: it was cancelled.
            boolean missed = CallWire.NO_ANSWER.equals(cancel.reason()) && c.state() == CallState.RINGING;
            String user = c.peer().user();
            return Ending.silently(missed ? CallEnds.missed(true, user) : CallEnds.cancelled(true, user));
        });
    }

    // From the callee, to this device as caller.

    private void ringing(Call call) {
        if (call == null) {
            return;
        }
        synchronized (call.lock) {
            if (call.outgoing() && call.state() == CallState.RINGING) {
                control.tell(new CallEvent.Ringing(call));
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
        control.startMedia(call);
    }

    private void declined(Call call, CallWire.Decline decline) {
        if (call == null) {
            return;
        }
        control.finish(call, c -> {
            if (!c.outgoing() || c.state() != CallState.RINGING) {
                return null;
            }
            String user = c.peer().user();
            return Ending.silently(switch (CallWire.declineReason(decline.reason())) {
                case NOT_ALLOWED -> CallEnds.notAllowed(user);
                case NO_ANSWER -> CallEnds.noAnswer(user);
                case FAILED -> CallEnds.failed(true, user, decline.detail());
                default -> CallEnds.declined(true, user, decline.detail());
            });
        });
    }

    private void busy(Call call) {
        if (call == null) {
            return;
        }
        control.finish(call, c -> c.outgoing() && c.state() == CallState.RINGING ? Ending.silently(CallEnds.busy(c.peer().user())) : null);
    }

    // Either way.

    private void hungUp(Call call, CallWire.Hangup hangup) {
        if (call == null) {
            return;
        }
        String user = call.peer().user();
        CallEnd end = CallWire.hangupReason(hangup.reason()) == CallEndReason.FAILED
                ? CallEnds.failed(true, user, hangup.detail()) : CallEnds.hungUp(true, user);
        control.finish(call, Ending.silently(end));
    }

    private void toMedia(PeerLink link, ControlMessage message) throws MalformedControlException {
        JsonNode id = message.body().get("id");
        if (id == null || !id.isTextual() || !CallWire.validId(id.textValue())) {
            throw new MalformedControlException(message.type() + ": invalid id");
        }
        Call call = control.find(link, id.textValue());
        Optional<CallMedia> media = call == null ? Optional.empty() : call.media();
        if (media.isPresent()) {
            media.get().onControl(message);
        }
    }

    private static String newId() {
        byte[] id = new byte[ID_BYTES];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
