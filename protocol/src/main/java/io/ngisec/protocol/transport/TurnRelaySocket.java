package io.ngisec.protocol.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ice4j.StunException;
import org.ice4j.StunMessageEvent;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.attribute.Attribute;
import org.ice4j.attribute.DataAttribute;
import org.ice4j.attribute.ErrorCodeAttribute;
import org.ice4j.attribute.XorPeerAddressAttribute;
import org.ice4j.message.Message;
import org.ice4j.message.MessageFactory;
import org.ice4j.message.Request;
import org.ice4j.message.Response;
import org.ice4j.socket.MultiplexingDatagramSocket;
import org.ice4j.stack.MessageEventHandler;
import org.ice4j.stack.StunStack;
import org.ice4j.stack.TransactionID;

/**
 * The socket of one relayed candidate: what ICE and the session send "from" the relayed address
 * goes to the TURN server, and what the relay receives for us comes back from it. It replaces
 * ice4j's {@code RelayedCandidateDatagramSocket}, whose permission logic re-sends CreatePermission
 * at once after every negative answer (a storm of thousands per second against a relay that
 * refuses a peer, say a private address behind {@code denied-peer-ip}); the decisions are in
 * {@link TurnPermissions} and {@link TurnChannels}, this class only wires them to ice4j.
 *
 * <p>Sending: a datagram to a peer whose permission is installed goes out at once, as ChannelData
 * when a channel is bound to the peer, else in a Send indication; otherwise it is held while the
 * permission is asked for, or dropped while a refusal's backoff runs. Application data (anything
 * that is not STUN) to a peer asks for a channel. Receiving: Data indications (through the STUN
 * stack) and ChannelData (through a filtered view of the host socket) from our TURN server are
 * queued for {@link #receive}; anything malformed is dropped and counted. Neither is
 * authenticated, as in TURN itself: ICE and the record layer check what they get.
 *
 * <p>Requests travel through the {@link TurnAllocationHarvest} that made the allocation, which
 * adds the long-term credentials, retries once after 438 Stale Nonce, and reports the outcome to
 * {@link #onSuccess}/{@link #onFailure}. Permissions and channels are refreshed when traffic goes
 * to a peer whose refresh is due, so a peer nobody sends to loses them, as it should. Thread
 * safe; {@link #close()} deletes the allocation.
 */
final class TurnRelaySocket extends DatagramSocket implements MessageEventHandler {

    private static final Logger LOG = Logger.getLogger(TurnRelaySocket.class.getName());
    /** Received datagrams waiting for ICE or the session; more are dropped, as a full socket buffer would. */
    private static final int RECEIVE_QUEUE = 4096;
    /** STUN's magic cookie (RFC 8489 section 5), at bytes 4..7 of every STUN message. */
    private static final int MAGIC_COOKIE = 0x2112A442;
    private static final long POLL_MILLIS = 200;

    private final TurnAllocationHarvest harvest;
    private final TransportAddress relayed;
    private final TransportAddress host;
    private final InetSocketAddress server;
    private final StunStack stunStack;
    private final DatagramSocket channelSocket;
    private final BlockingQueue<DatagramPacket> received = new ArrayBlockingQueue<>(RECEIVE_QUEUE);
    private final TurnPermissions<Held> permissions = new TurnPermissions<>();
    private final TurnChannels channels = new TurnChannels();
    private final AtomicLong receiveDrops = new AtomicLong();
    private volatile boolean closed;

    TurnRelaySocket(TurnAllocationHarvest harvest, TransportAddress relayed) throws SocketException {
        super((SocketAddress) null);
        this.harvest = harvest;
        this.relayed = relayed;
        this.host = harvest.hostCandidate.getTransportAddress();
        TransportAddress s = harvest.harvester.stunServer;
        this.server = new InetSocketAddress(s.getAddress(), s.getPort());
        this.stunStack = harvest.harvester.getStunStack();
        if (!(harvest.hostCandidate.getCandidateIceSocketWrapper().getUDPSocket() instanceof MultiplexingDatagramSocket m)) {
            throw new SocketException("the host candidate's socket is not a multiplexing one");
        }
        this.channelSocket = m.getSocket(this::isChannelDataFromServer);
        stunStack.addIndicationListener(host, this);
        Thread.ofPlatform().daemon().name("turn-channeldata-" + relayed.getPort()).start(this::readChannelData);
    }

    // --- sending ---

    @Override
    public void send(DatagramPacket p) throws IOException {
        if (closed) {
            throw new SocketException("relayed socket closed");
        }
        InetSocketAddress peer = (InetSocketAddress) p.getSocketAddress();
        byte[] data = Arrays.copyOfRange(p.getData(), p.getOffset(), p.getOffset() + p.getLength());
        synchronized (this) {
            long now = System.nanoTime();
            TurnPermissions.Decision d = permissions.offer(peer.getAddress(), new Held(peer, data), now);
            if (d.request()) {
                request(MessageFactory::createCreatePermissionRequest, peer);
            }
            if (d.verdict() == TurnPermissions.Verdict.SEND) {
                transmit(peer, data, now);
            }
        }
    }

    /** Sends {@code data} to {@code peer}, whose permission is installed; asks for a channel for application data. */
    private void transmit(InetSocketAddress peer, byte[] data, long now) throws IOException {
        int channel = channels.boundChannel(peer, now);
        if (channel >= 0) {
            byte[] message = TurnChannelData.encode(channel, data, 0, data.length);
            channelSocket.send(new DatagramPacket(message, message.length, server));
        } else {
            TransactionID id = TransactionID.createNewTransactionID();
            try {
                stunStack.sendIndication(MessageFactory.createSendIndication(transport(peer), data, id.getBytes()),
                        harvest.harvester.stunServer, host);
            } catch (StunException e) {
                throw new IOException("cannot send a Send indication", e);
            }
        }
        if (!isStun(data)) {
            int bind = channels.bindRequest(peer, now);
            if (bind >= 0) {
                request((address, id) -> MessageFactory.createChannelBindRequest((char) bind, address, id), peer);
            }
        }
    }

    /** A datagram held while its peer's permission is asked for. */
    private record Held(InetSocketAddress peer, byte[] data) {
    }

    private interface RequestFactory {
        Request create(TransportAddress peer, byte[] transactionId);
    }

    private void request(RequestFactory factory, InetSocketAddress peer) {
        TransactionID id = TransactionID.createNewTransactionID();
        id.setApplicationData(this);
        Request request = factory.create(transport(peer), id.getBytes());
        LOG.fine(() -> "TURN " + name(request) + " for " + peer + " sent");
        try {
            harvest.send(request, id);
        } catch (StunException e) {
            // Same as a refusal: the permission or channel backs off and is asked for later.
            LOG.log(Level.FINE, "cannot send a TURN request", e);
            onFailure(request, null);
        }
    }

    /** The harvest reports a success response to one of our requests (on a STUN stack thread). */
    void onSuccess(Request request, Response response) {
        InetSocketAddress peer = peerOf(request);
        if (peer == null) {
            return;
        }
        LOG.fine(() -> "TURN " + name(request) + " for " + peer + " succeeded");
        synchronized (this) {
            long now = System.nanoTime();
            switch (request.getMessageType()) {
                case Message.CREATEPERMISSION_REQUEST -> {
                    for (Held held : permissions.installed(peer.getAddress(), now)) {
                        try {
                            transmit(held.peer(), held.data(), now);
                        } catch (IOException e) {
                            LOG.log(Level.FINE, "cannot send a held datagram", e);
                        }
                    }
                }
                case Message.CHANNELBIND_REQUEST -> channels.bound(peer, now);
                default -> { }
            }
        }
    }

    /** The harvest reports an error response ({@code response} null: no answer at all) to one of our requests. */
    void onFailure(Request request, Response response) {
        InetSocketAddress peer = peerOf(request);
        if (peer == null) {
            return;
        }
        LOG.fine(() -> "TURN " + name(request) + " for " + peer + " failed: " + describe(response));
        synchronized (this) {
            long now = System.nanoTime();
            switch (request.getMessageType()) {
                case Message.CREATEPERMISSION_REQUEST -> permissions.refused(peer.getAddress(), now);
                case Message.CHANNELBIND_REQUEST -> channels.failed(peer, now);
                default -> { }
            }
        }
    }

    // --- receiving ---

    /** Data indications from our TURN server, delivered by the STUN stack for our host address. */
    @Override
    public void handleMessageEvent(StunMessageEvent e) {
        Message m = e.getMessage();
        if (closed || m.getMessageType() != Message.DATA_INDICATION || !server.equals(e.getRemoteAddress())) {
            return;
        }
        if (!(m.getAttribute(Attribute.XOR_PEER_ADDRESS) instanceof XorPeerAddressAttribute peerAttribute)
                || !(m.getAttribute(Attribute.DATA) instanceof DataAttribute dataAttribute)
                || dataAttribute.getData() == null) {
            receiveDrops.incrementAndGet();
            return;
        }
        TransportAddress peer = peerAttribute.getAddress(m.getTransactionID());
        byte[] data = dataAttribute.getData();
        queue(new DatagramPacket(data, data.length, new InetSocketAddress(peer.getAddress(), peer.getPort())));
    }

    private boolean isChannelDataFromServer(DatagramPacket p) {
        return server.equals(p.getSocketAddress()) && TurnChannelData.looksLike(p.getData(), p.getOffset(), p.getLength());
    }

    private void readChannelData() {
        byte[] buffer = new byte[65_535];
        DatagramPacket p = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            try {
                p.setLength(buffer.length);
                channelSocket.receive(p);
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.FINE, "ChannelData receive failed; the relayed socket stops receiving it", e);
                }
                return;
            }
            Optional<TurnChannelData> message = TurnChannelData.decode(p.getData(), p.getOffset(), p.getLength());
            InetSocketAddress peer;
            synchronized (this) {
                peer = message.map(c -> channels.received(c.channel())).orElse(null);
            }
            if (peer == null) {
                receiveDrops.incrementAndGet();
                continue;
            }
            byte[] data = message.get().data();
            queue(new DatagramPacket(data, data.length, peer));
        }
    }

    private void queue(DatagramPacket p) {
        if (!received.offer(p)) {
            receiveDrops.incrementAndGet();
        }
    }

    @Override
    public void receive(DatagramPacket p) throws IOException {
        int timeout = getSoTimeout();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
        DatagramPacket next = null;
        while (next == null) {
            if (closed) {
                throw new SocketException("relayed socket closed");
            }
            long wait = POLL_MILLIS;
            if (timeout > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new SocketTimeoutException("no relayed datagram within " + timeout + " ms");
                }
                wait = Math.min(wait, left);
            }
            try {
                next = received.poll(wait, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SocketException("interrupted");
            }
        }
        int n = Math.min(next.getLength(), p.getData().length - p.getOffset());
        System.arraycopy(next.getData(), next.getOffset(), p.getData(), p.getOffset(), n);
        p.setLength(n);
        p.setSocketAddress(next.getSocketAddress());
    }

    /** Datagrams from the relay dropped so far: malformed, on an unknown channel, or with the queue full. */
    long receiveDrops() {
        return receiveDrops.get();
    }

    // --- identity and lifecycle ---

    @Override
    public InetAddress getLocalAddress() {
        return relayed.getAddress();
    }

    @Override
    public int getLocalPort() {
        return relayed.getPort();
    }

    @Override
    public InetSocketAddress getLocalSocketAddress() {
        return relayed;
    }

    /** Stops relaying, deletes the allocation (Refresh with lifetime 0) and releases the host socket's view. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        synchronized (this) {
            LOG.fine(() -> "relayed " + relayed + " closed: " + permissions.requests() + " CreatePermission requests, "
                    + permissions.dropped() + " datagrams dropped sending, " + receiveDrops.get() + " receiving");
        }
        stunStack.removeIndicationListener(host, this);
        channelSocket.close();
        harvest.deallocate();
        super.close();
    }

    // --- helpers ---

    private static boolean isStun(byte[] data) {
        return data.length >= 20 && (data[0] & 0xC0) == 0
                && ((data[4] & 0xFF) << 24 | (data[5] & 0xFF) << 16 | (data[6] & 0xFF) << 8 | data[7] & 0xFF) == MAGIC_COOKIE;
    }

    private static TransportAddress transport(InetSocketAddress a) {
        return new TransportAddress(a.getAddress(), a.getPort(), Transport.UDP);
    }

    private static InetSocketAddress peerOf(Request request) {
        if (request != null && request.getAttribute(Attribute.XOR_PEER_ADDRESS) instanceof XorPeerAddressAttribute a) {
            TransportAddress t = a.getAddress(request.getTransactionID());
            return new InetSocketAddress(t.getAddress(), t.getPort());
        }
        return null;
    }

    private static String name(Request request) {
        return request.getMessageType() == Message.CHANNELBIND_REQUEST ? "ChannelBind" : "CreatePermission";
    }

    private static String describe(Response response) {
        if (response == null) {
            return "no answer";
        }
        return response.getAttribute(Attribute.ERROR_CODE) instanceof ErrorCodeAttribute e
                ? (int) e.getErrorCode() + " " + e.getReasonPhrase() : "error response";
    }
}
