package io.ngisec.client.session;

import io.ngisec.client.link.LinkGrants;
import io.ngisec.client.link.PeerInfo;
import io.ngisec.client.link.PeerLink;
import io.ngisec.protocol.channel.frame.DatagramFrame;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.SessionTicket;
import io.ngisec.protocol.qos.Service;
import io.ngisec.protocol.session.ConnectedSession;
import io.ngisec.protocol.session.SessionFailure;
import io.ngisec.protocol.session.UdpSession;
import io.ngisec.protocol.session.stats.SessionStats;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@link PeerLink} over a real NGISec session ({@link ConnectedSession}: ICE path, handshake
 * keys, migration): control messages travel on stream {@link StreamLayout#CONTROL} as 4-byte
 * big-endian length + UTF-8 JSON, file data on stream {@link StreamLayout#DATA}, voice frames as
 * datagrams of channel {@link StreamLayout#MEDIA}. One reader thread
 * turns the control stream into messages; it also notices when the session ends.
 */
final class SessionPeerLink implements PeerLink {

    /** A control message the link answers itself (by acknowledging it) and never hands to the features. */
    private static final String PROBE = PROBE_PREFIX + "}";

    private final ConnectedSession connected;
    private final UdpSession session;
    private final PeerInfo peer;
    private final LinkGrants grants;
    private final boolean initiator;
    private final BlockingQueue<String> control = new LinkedBlockingQueue<>();
    private final Object controlWrite = new Object();
    private final Object dataWrite = new Object();
    private final Consumer<SessionPeerLink> onEnd;
    private volatile String endReason;

    private SessionPeerLink(ConnectedSession connected, DeviceCertificate peerCertificate, SessionTicket ticket,
            boolean initiator, Consumer<SessionPeerLink> onEnd) {
        this.connected = connected;
        this.session = connected.session();
        this.peer = new PeerInfo(peerCertificate.identity().user(), peerCertificate.deviceId(),
                peerCertificate.identity().deviceName(), peerCertificate.fingerprint());
        this.grants = new LinkGrants(ticket.grants(),
                ticket.maxFileSize() == 0 ? OptionalLong.empty() : OptionalLong.of(ticket.maxFileSize()));
        this.initiator = initiator;
        this.onEnd = onEnd;
    }

    /** Wraps {@code connected} and starts reading its control stream; {@code onEnd} runs once when the link ends. */
    static SessionPeerLink start(ConnectedSession connected, DeviceCertificate peer, SessionTicket ticket,
            boolean initiator, Consumer<SessionPeerLink> onEnd) {
        SessionPeerLink link = new SessionPeerLink(connected, peer, ticket, initiator, onEnd);
        Thread.ofVirtual().name("link-control-" + peer.identity().user()).start(link::readControl);
        return link;
    }

    @Override
    public PeerInfo peer() {
        return peer;
    }

    @Override
    public LinkGrants grants() {
        return grants;
    }

    @Override
    public boolean initiator() {
        return initiator;
    }

    @Override
    public Optional<SessionStats> stats() {
        return Optional.of(session.stats());
    }

    @Override
    public void sendControl(String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_CONTROL_BYTES) {
            throw new IllegalArgumentException("control message of " + bytes.length + " bytes");
        }
        ByteBuffer frame = ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).flip();
        synchronized (controlWrite) {
            try {
                session.write(StreamLayout.CONTROL, frame);
            } catch (SessionFailure e) {
                throw ended(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while sending to " + peer.user());
            }
        }
    }

    @Override
    public Optional<String> receiveControl(Duration timeout) throws IOException, InterruptedException {
        String message = control.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (message == null && endReason != null && control.isEmpty()) {
            throw new IOException(endReason);
        }
        return Optional.ofNullable(message);
    }

    @Override
    public void writeData(ByteBuffer src) throws IOException, InterruptedException {
        if (!grants.allows(Service.FILE)) {
            throw new IOException("the policy does not allow file transfer with " + peer.user());
        }
        synchronized (dataWrite) {
            try {
                session.write(StreamLayout.DATA, src);
            } catch (SessionFailure e) {
                throw ended(e);
            }
        }
    }

    @Override
    public int readData(ByteBuffer dst) throws IOException, InterruptedException {
        try {
            return session.read(StreamLayout.DATA, dst);
        } catch (SessionFailure e) {
            throw ended(e);
        }
    }

    @Override
    public boolean sendMedia(byte[] datagram) throws IOException {
        if (datagram.length > MAX_MEDIA_BYTES || !grants.allows(Service.CALL)) {
            return false;
        }
        try {
            return session.sendDatagram(StreamLayout.MEDIA, datagram);
        } catch (SessionFailure e) {
            throw ended(e);
        }
    }

    @Override
    public Optional<byte[]> receiveMedia(Duration timeout) throws IOException, InterruptedException {
        try {
            return session.receiveDatagram(timeout).map(DatagramFrame::data);
        } catch (SessionFailure e) {
            throw ended(e);
        }
    }

    @Override
    public Optional<String> closed() {
        return Optional.ofNullable(endReason);
    }

    @Override
    public void close() {
        end("closed");
        connected.close();
    }

    /** Ends the link because the peer was revoked or the device is shutting down. */
    void close(String why) {
        end(why);
        connected.close();
    }

    /**
     * Whether the peer still answers: sends a probe on the control stream (acknowledged like any
     * data) and waits up to {@code timeout} for any packet from the peer.
     */
    boolean probe(Duration timeout) {
        long before = session.stats().packetsReceived();
        try {
            sendControl(PROBE);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (session.stats().packetsReceived() > before) {
                    return true;
                }
                Thread.sleep(50);
            }
            return false;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void readControl() {
        ByteBuffer header = ByteBuffer.allocate(4);
        try {
            while (true) {
                header.clear();
                if (!readFully(header)) {
                    end(peer.user() + " ended the session");
                    break;
                }
                int length = header.flip().getInt();
                if (length < 0 || length > MAX_CONTROL_BYTES) {
                    end("malformed control stream from " + peer.user());
                    break;
                }
                ByteBuffer body = ByteBuffer.allocate(length);
                if (!readFully(body)) {
                    end(peer.user() + " ended the session");
                    break;
                }
                String message = new String(body.array(), StandardCharsets.UTF_8);
                if (!message.startsWith(PROBE_PREFIX)) {
                    control.add(message);
                }
            }
        } catch (SessionFailure e) {
            end(describe(e));
        } catch (InterruptedException e) {
            end("interrupted");
        }
        connected.close();
    }

    private boolean readFully(ByteBuffer dst) throws SessionFailure, InterruptedException {
        while (dst.hasRemaining()) {
            if (session.read(StreamLayout.CONTROL, dst) < 0) {
                return false;
            }
        }
        return true;
    }

    private void end(String why) {
        boolean first;
        synchronized (this) {
            first = endReason == null;
            if (first) {
                endReason = why;
            }
        }
        if (first) {
            onEnd.accept(this);
        }
    }

    private IOException ended(SessionFailure e) {
        end(describe(e));
        return new IOException(endReason);
    }

    private String describe(SessionFailure e) {
        return "session with " + peer.user() + " ended: " + e.getMessage();
    }
}
