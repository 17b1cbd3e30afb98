package io.ngisec.protocol.transport;

import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ice4j.ResponseCollector;
import org.ice4j.StunResponseEvent;
import org.ice4j.StunTimeoutEvent;
import org.ice4j.TransportAddress;
import org.ice4j.attribute.AttributeFactory;
import org.ice4j.attribute.MessageIntegrityAttribute;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.CandidateType;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.message.MessageFactory;
import org.ice4j.message.Request;
import org.ice4j.message.Response;
import org.ice4j.stack.RawMessage;
import org.ice4j.stack.TransactionID;

/**
 * Consent freshness (RFC 7675) on the selected pair of one ICE agent: a STUN Binding request, made
 * like a connectivity check (USERNAME, PRIORITY, role, MESSAGE-INTEGRITY), goes out on the pair at
 * the randomized intervals of a {@link ConsentState}; an answer renews consent only if it is a
 * success from the pair's remote address whose MESSAGE-INTEGRITY checks out with the peer's
 * password ({@link StunIntegrity}). Once consent runs out, {@code onLost} runs once and checks stop.
 *
 * <p>Our own checks rather than ice4j's (it has them, but with one interval for the whole process
 * and without checking the answer's integrity), so each transport has its own timing. Thread safe:
 * runs on the given scheduler and on ice4j's STUN threads; {@link #stop()} ends it.
 */
final class ConsentFreshness implements ResponseCollector {

    private static final Logger LOG = Logger.getLogger(ConsentFreshness.class.getName());
    /** RFC 5389's initial RTO, the wait before a check's first retransmission (shorter for short intervals). */
    private static final long RETRANSMIT_NANOS = 500_000_000L;

    private final Agent agent;
    private final CandidatePair pair;
    private final String stream;
    private final String remotePassword;
    private final ScheduledExecutorService timer;
    private final Runnable onLost;
    private final ConsentState state;
    private final int waitMillis;
    private final int retransmissions;
    private ScheduledFuture<?> next;
    private boolean stopped;

    ConsentFreshness(Agent agent, CandidatePair pair, String stream, String remotePassword, IceSettings settings,
            ScheduledExecutorService timer, Runnable onLost) {
        this.agent = agent;
        this.pair = pair;
        this.stream = stream;
        this.remotePassword = remotePassword;
        this.timer = timer;
        this.onLost = onLost;
        long interval = settings.consentInterval().toNanos();
        this.state = new ConsentState(interval, settings.consentTimeout().toNanos(), new SplittableRandom(), System.nanoTime());
        long wait = Math.min(RETRANSMIT_NANOS, interval / 4);
        this.waitMillis = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait));
        // Retransmit within one interval, so one check's transaction ends before the next begins.
        this.retransmissions = (int) Math.max(0, interval / Math.max(1, wait) - 2);
    }

    /** Starts checking; consent counts as fresh from construction (the pair's checks just succeeded). */
    synchronized void start() {
        schedule(System.nanoTime());
    }

    /** Stops checking; {@code onLost} will not run after this returns. Idempotent. */
    synchronized void stop() {
        stopped = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    private void tick() {
        boolean lost;
        synchronized (this) {
            if (stopped) {
                return;
            }
            long now = System.nanoTime();
            lost = state.lost(now);
            if (lost) {
                stopped = true;
            } else {
                if (now >= state.nextCheckAt()) {
                    sendCheck();
                    state.onCheckSent(now);
                }
                schedule(now);
            }
        }
        if (lost) {
            LOG.fine(() -> "consent lost on " + pair.toRedactedShortString());
            onLost.run();
        }
    }

    private void schedule(long now) {
        long at = Math.min(state.nextCheckAt(), state.expiresAt());
        next = timer.schedule(this::tick, Math.max(0, at - now), TimeUnit.NANOSECONDS);
    }

    private void sendCheck() {
        LocalCandidate local = pair.getLocalCandidate();
        Request request = MessageFactory.createBindingRequest();
        request.putAttribute(AttributeFactory.createPriorityAttribute(
                local.computePriorityForType(CandidateType.PEER_REFLEXIVE_CANDIDATE)));
        request.putAttribute(agent.isControlling()
                ? AttributeFactory.createIceControllingAttribute(agent.getTieBreaker())
                : AttributeFactory.createIceControlledAttribute(agent.getTieBreaker()));
        String username = agent.generateLocalUserName(stream);
        if (username == null) {
            return; // no remote credentials: cannot happen on a selected pair
        }
        request.putAttribute(AttributeFactory.createUsernameAttribute(username));
        MessageIntegrityAttribute integrity = AttributeFactory.createMessageIntegrityAttribute(username);
        integrity.setMedia(stream); // ice4j signs with the remote password of this stream
        request.putAttribute(integrity);
        try {
            agent.getStunStack().sendRequest(request, pair.getRemoteCandidate().getTransportAddress(),
                    local.getBase().getTransportAddress(), this, TransactionID.createNewTransactionID(),
                    waitMillis, waitMillis, retransmissions);
        } catch (Exception e) {
            // The socket is gone or the network refused: no answer will come, and consent will lapse.
            LOG.log(Level.FINE, "consent check not sent", e);
        }
    }

    @Override
    public void processResponse(StunResponseEvent event) {
        Response response = event.getResponse();
        RawMessage raw = event.getRawMessage();
        TransportAddress remote = pair.getRemoteCandidate().getTransportAddress();
        if (response.getMessageType() != Response.BINDING_SUCCESS_RESPONSE || raw == null
                || !sameAddress(event.getRemoteAddress(), remote)
                || !StunIntegrity.verify(raw.getBytes(), raw.getMessageLength(), remotePassword)) {
            LOG.fine("consent answer refused");
            return;
        }
        synchronized (this) {
            state.onAnswer(System.nanoTime());
        }
    }

    @Override
    public void processTimeout(StunTimeoutEvent event) {
        // Nothing: consent simply is not renewed.
    }

    private static boolean sameAddress(TransportAddress a, TransportAddress b) {
        return a != null && new InetSocketAddress(a.getAddress(), a.getPort())
                .equals(new InetSocketAddress(b.getAddress(), b.getPort()));
    }
}
