package io.ngisec.client.link;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import io.ngisec.protocol.session.stats.SessionStats;
import java.util.Optional;

/**
 * A live, mutually authenticated NGISec session with one peer device, as the features (file
 * transfer, chat, calls) use it: an ordered control channel of JSON messages (interactive class),
 * one reliable bulk data stream (BULK class, FILE service) and an unreliable real-time channel for
 * voice frames (VOICE class, CALL service, or the ticket's ceiling for calls when that is lower). Built by the session layer from a ticket,
 * ICE and the NGISec handshake; the features never see any of that.
 *
 * <p>Thread safety: {@link #sendControl} and {@link #writeData} may be called from any thread
 * (each call is atomic with respect to others of its kind); one thread at a time reads each of
 * {@link #receiveControl} and {@link #readData}. Any method throws {@link IOException} once the
 * link has failed or closed; {@link #closed()} says why.
 */
public interface PeerLink extends AutoCloseable {

    /**
     * The start of a probe: a control message the link itself takes (it is acknowledged like any
     * data) and never hands to the features; for liveness checks and RTT measurements.
     */
    String PROBE_PREFIX = "{\"type\":\"link.probe\"";

    /** Largest control message, in bytes of UTF-8 JSON. */
    int MAX_CONTROL_BYTES = 64 * 1024;

    /** Who is on the other end, as their verified certificate says. */
    PeerInfo peer();

    /** What the session's ticket allows. */
    LinkGrants grants();

    /** Whether this side opened the session (held the ticket). */
    boolean initiator();

    /** Queues one control message (a JSON object, at most {@link #MAX_CONTROL_BYTES}). */
    void sendControl(String json) throws IOException;

    /** The next control message, waiting up to {@code timeout}; empty on timeout. */
    Optional<String> receiveControl(Duration timeout) throws IOException, InterruptedException;

    /** Writes all of {@code src} on the data stream, blocking while flow control says wait. */
    void writeData(ByteBuffer src) throws IOException, InterruptedException;

    /** Reads data-stream bytes into {@code dst}, blocking until some arrive; -1 when the peer finished. */
    int readData(ByteBuffer dst) throws IOException, InterruptedException;

    /**
     * Sends one media datagram on the real-time channel: never retransmitted, sent before any
     * stream data. False when it was not sent: larger than {@link #MAX_MEDIA_BYTES}, or the
     * ticket does not allow calls.
     */
    default boolean sendMedia(byte[] datagram) throws IOException {
        return false;
    }

    /** The next media datagram received, waiting up to {@code timeout}; empty on timeout. One reader at a time. */
    default Optional<byte[]> receiveMedia(Duration timeout) throws IOException, InterruptedException {
        Thread.sleep(timeout.toMillis());
        return Optional.empty();
    }

    /** The QoS class media datagrams travel in: VOICE, or the ticket's lower ceiling for calls. */
    default QosClass mediaClass() {
        return grants().ceiling(Service.CALL).orElse(QosClass.VOICE);
    }

    /** Largest media datagram: what fits one packet at the smallest path MTU a session starts with. */
    int MAX_MEDIA_BYTES = 1000;

    /** A snapshot of the session's statistics (path, RTT, loss, rates, classes), when the link has a real session. */
    default Optional<SessionStats> stats() {
        return Optional.empty();
    }

    /** Empty while the link is up; then the one-line reason it ended. */
    Optional<String> closed();

    /** Ends the session (gracefully when possible); idempotent. */
    @Override
    void close();
}
