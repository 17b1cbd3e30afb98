package io.ngisec.protocol.transport;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.ice4j.BaseStunMessageEvent;
import org.ice4j.StunException;
import org.ice4j.StunResponseEvent;
import org.ice4j.TransportAddress;
import org.ice4j.attribute.Attribute;
import org.ice4j.attribute.LifetimeAttribute;
import org.ice4j.ice.HostCandidate;
import org.ice4j.ice.RelayedCandidate;
import org.ice4j.ice.harvest.TurnCandidateHarvest;
import org.ice4j.ice.harvest.TurnCandidateHarvester;
import org.ice4j.message.Message;
import org.ice4j.message.MessageFactory;
import org.ice4j.message.Request;
import org.ice4j.message.Response;
import org.ice4j.stack.TransactionID;

/**
 * One TURN allocation on one host candidate: ice4j's harvest does the Allocate (with the 401
 * challenge and the long-term credentials) and refreshes the allocation; this subclass makes the
 * relayed candidate a {@link TurnRelayedCandidate} (our {@link TurnRelaySocket} instead of ice4j's),
 * carries that socket's CreatePermission and ChannelBind requests, and fixes three ice4j habits:
 * <ul>
 *   <li>a CreatePermission or ChannelBind answered 438 Stale Nonce (or 401) is retried with the
 *       new nonce once, not for as long as the server keeps answering;
 *   <li>a timeout ice4j reports for a transaction that was answered is ignored (a race in its
 *       client transactions, see {@link #processFailure});
 *   <li>the allocation is refreshed a minute before its lifetime ends (ice4j waits the whole
 *       lifetime, so the allocation could lapse), and the answer to the deleting Refresh
 *       (lifetime 0) is not turned into an invalid keep-alive interval.
 * </ul>
 * Thread safe as ice4j's harvests are: requests go out on any thread, answers come on the STUN
 * stack's.
 */
final class TurnAllocationHarvest extends TurnCandidateHarvest {

    private static final Logger LOG = Logger.getLogger(TurnAllocationHarvest.class.getName());
    /** ice4j's default when an Allocate success carries no LIFETIME (RFC 8656 section 7.2: 10 minutes). */
    private static final int DEFAULT_LIFETIME_SECONDS = 600;

    private final RecentTransactionIds retries = new RecentTransactionIds();
    private final RecentTransactionIds answered = new RecentTransactionIds();

    TurnAllocationHarvest(TurnCandidateHarvester harvester, HostCandidate hostCandidate) {
        super(harvester, hostCandidate);
    }

    @Override
    protected RelayedCandidate createRelayedCandidate(TransportAddress transportAddress, TransportAddress mappedAddress) {
        return new TurnRelayedCandidate(transportAddress, this, mappedAddress);
    }

    /** Sends a request of a {@link TurnRelaySocket} (its id's application data) with our credentials. */
    void send(Request request, TransactionID id) throws StunException {
        sendRequest(request, false, id);
    }

    /** Stops refreshing and deletes the allocation (Refresh with lifetime 0); best effort. */
    void deallocate() {
        setSendKeepAliveMessageInterval(SEND_KEEP_ALIVE_MESSAGE_INTERVAL_NOT_SPECIFIED);
        try {
            sendRequest(MessageFactory.createRefreshRequest(0), false, null);
        } catch (StunException e) {
            LOG.log(Level.FINE, "cannot delete the TURN allocation", e);
        }
    }

    /** When to refresh an allocation of {@code lifetimeSeconds}: a minute early, or halfway for short ones. */
    static long refreshIntervalMillis(int lifetimeSeconds) {
        return Math.max(1, Math.max(lifetimeSeconds - 60, lifetimeSeconds / 2)) * 1000L;
    }

    @Override
    public void processResponse(StunResponseEvent event) {
        answered.remember(event.getTransactionID().getBytes());
        super.processResponse(event);
    }

    /**
     * A transaction timed out, or so ice4j says: when the answer comes before ice4j has scheduled
     * the retransmissions (a relay on the same LAN, a busy machine), cancelling finds nothing to
     * cancel, the retransmitter starts anyway and reports a timeout after the answer was handled.
     * That report is dropped; taken at its word it would undo the permission just installed.
     */
    @Override
    protected void processFailure(BaseStunMessageEvent event) {
        if (answered.forget(event.getTransactionID().getBytes())) {
            return;
        }
        super.processFailure(event);
    }

    @Override
    protected void processSuccess(Response response, Request request, TransactionID transactionID) {
        int lifetime = lifetime(response);
        if (response.getMessageType() == Message.REFRESH_RESPONSE && lifetime == 0) {
            return; // the allocation is deleted: nothing to keep alive
        }
        super.processSuccess(response, request, transactionID);
        if (lifetime > 0) {
            setSendKeepAliveMessageInterval(refreshIntervalMillis(lifetime));
        }
        if (transactionID.getApplicationData() instanceof TurnRelaySocket relay) {
            relay.onSuccess(request, response);
        }
    }

    @Override
    protected boolean processErrorOrFailure(Response response, Request request, TransactionID transactionID) {
        if (transactionID.getApplicationData() instanceof TurnRelaySocket relay) {
            relay.onFailure(request, response);
            return true; // handled: the allocation itself is fine
        }
        return super.processErrorOrFailure(response, request, transactionID);
    }

    @Override
    protected Request createRequestToRetry(Request request) {
        char type = request.getMessageType();
        if (type != Message.CREATEPERMISSION_REQUEST && type != Message.CHANNELBIND_REQUEST) {
            return super.createRequestToRetry(request);
        }
        if (retries.forget(request.getTransactionID())) {
            return null; // a retry answered 438 again: the socket backs off instead
        }
        Request retry = super.createRequestToRetry(request);
        retries.remember(retry.getTransactionID());
        return retry;
    }

    /** The LIFETIME of an Allocate or Refresh success, the default for an Allocate without one, else -1. */
    private static int lifetime(Response response) {
        Attribute a = response.getAttribute(Attribute.LIFETIME);
        return switch (response.getMessageType()) {
            case Message.ALLOCATE_RESPONSE -> a instanceof LifetimeAttribute l ? l.getLifetime() : DEFAULT_LIFETIME_SECONDS;
            case Message.REFRESH_RESPONSE -> a instanceof LifetimeAttribute l ? l.getLifetime() : -1;
            default -> -1;
        };
    }
}
