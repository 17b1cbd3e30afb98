package io.ngisec.protocol.transport;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.transport.udp.DatagramBatch;
import io.ngisec.protocol.transport.udp.UdpSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One local UDP port shared by ICE and the session: a host candidate's socket that we own. One
 * reader thread receives in batches and splits the traffic as RFC 7983 does: STUN (first byte 0
 * to 3 and the magic cookie) and TURN ChannelData (first byte 64 to 79) go to ice4j through a
 * {@link StunSocketFacade}; everything else (NGISec records start with 17 to 21) goes to the data
 * receiver, with its source address, without a copy or a thread hop. Before a data receiver is
 * set, the first {@link #HELD_MAX} such datagrams are held (copied) and handed to the receiver
 * when it comes, before anything newer: the peer may select the pair and send its first
 * handshake message a moment before this side has a path, and losing it would cost a handshake
 * retransmission (250 ms). Later ones are dropped and counted.
 *
 * <p>Thread safe. Closing stops the reader and closes the socket, for ice4j too; ice4j closing its
 * facade does not close the port (its transport does, after freeing the agent).
 */
final class SharedUdpPort implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SharedUdpPort.class.getName());

    /** Datagrams taken per receive call. */
    static final int RECEIVE_BATCH = 64;
    /** Receive slot size: larger than any datagram a session or ICE sends (PLPMTUD stops well below). */
    static final int SLOT_BYTES = 2048;
    /** Datagrams held for a receiver not yet set: a handshake's first messages, with room to spare. */
    static final int HELD_MAX = 32;
    private static final int STUN_MAGIC_COOKIE = 0x2112A442;
    private static final int STUN_HEADER_BYTES = 20;

    /** Receives what is not STUN, on the port's reader thread; must not block for long. */
    @FunctionalInterface
    interface DataReceiver {
        /** {@code datagram} (position to limit) is valid only during the call. */
        void onDatagram(ByteBuffer datagram, InetSocketAddress from);

        /** After the datagrams of one receive call have been delivered. */
        default void onBatchEnd() {
        }
    }

    private final UdpSocket socket;
    private final StunSocketFacade stun;
    private final DatagramBatch stunOut = new DatagramBatch(1, SLOT_BYTES); // guarded by itself
    private final Thread reader;
    private final AtomicLong unclaimedData = new AtomicLong();
    private final ArrayDeque<Held> held = new ArrayDeque<>(); // the reader thread's only
    private volatile DataReceiver dataReceiver;
    // Checks and consent share the path's fate: marked like the session's control packets, unless
    // a relayed path asks for its class (its data leaves as TURN messages).
    private volatile int iceTrafficClass = QosClass.CONTROL.trafficClassByte();
    private volatile boolean closed;

    private SharedUdpPort(UdpSocket socket) throws SocketException {
        this.socket = socket;
        this.stun = new StunSocketFacade(this);
        this.reader = Thread.ofPlatform().daemon().name("udp-port-" + socket.localAddress().getPort())
                .unstarted(this::readLoop);
    }

    /** Takes over {@code socket} and starts reading from it. */
    static SharedUdpPort start(UdpSocket socket) {
        try {
            SharedUdpPort port = new SharedUdpPort(socket);
            port.reader.start();
            return port;
        } catch (SocketException e) {
            socket.close();
            throw new UncheckedIOException(e);
        }
    }

    InetSocketAddress localAddress() {
        return socket.localAddress();
    }

    /** The socket ice4j reads STUN from and sends STUN through. */
    DatagramSocket stunSocket() {
        return stun;
    }

    /** The socket itself, for the data path's batched sends. */
    UdpSocket socket() {
        return socket;
    }

    private record Held(byte[] data, InetSocketAddress from) {
    }

    /**
     * Sets (or, with null, removes) where non-STUN datagrams go. Held datagrams reach a new
     * receiver first, on the reader thread, which this call wakes.
     */
    void setDataReceiver(DataReceiver receiver) {
        dataReceiver = receiver;
        if (receiver != null) {
            socket.wakeup();
        }
    }

    /** Non-STUN datagrams dropped because no receiver was set and the hold was full. */
    long unclaimedData() {
        return unclaimedData.get();
    }

    void sendStun(byte[] data, int offset, int length, InetSocketAddress to) throws IOException {
        synchronized (stunOut) {
            stunOut.clear();
            if (!stunOut.add(ByteBuffer.wrap(data, offset, length), to, iceTrafficClass)) {
                throw new IOException("STUN message of " + length + " bytes is too large");
            }
            socket.send(stunOut);
        }
    }

    private void readLoop() {
        DatagramBatch batch = new DatagramBatch(RECEIVE_BATCH, SLOT_BYTES);
        try {
            while (!closed) {
                int n = socket.receive(batch, -1);
                DataReceiver receiver = dataReceiver; // one receiver per batch
                boolean data = deliverHeld(receiver);
                for (int i = 0; i < n; i++) {
                    data |= dispatch(batch.slot(i), batch.address(i), receiver);
                }
                if (data) {
                    receiver.onBatchEnd();
                }
            }
        } catch (ClosedChannelException e) {
            // closed: done
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                LOG.log(Level.WARNING, "UDP port " + socket.localAddress() + " stopped receiving", e);
            }
        }
    }

    /** Hands one datagram on; true if it went to {@code receiver}. */
    private boolean dispatch(ByteBuffer datagram, InetSocketAddress from, DataReceiver receiver) {
        if (isForIce(datagram)) {
            byte[] copy = new byte[datagram.remaining()];
            datagram.get(copy);
            stun.offer(copy, from);
            return false;
        }
        if (receiver == null) {
            if (held.size() < HELD_MAX) {
                byte[] copy = new byte[datagram.remaining()];
                datagram.get(copy);
                held.addLast(new Held(copy, from));
            } else {
                unclaimedData.incrementAndGet();
            }
            return false;
        }
        receiver.onDatagram(datagram, from);
        return true;
    }

    /** Gives {@code receiver} what was held for it, oldest first; true if there was any. */
    private boolean deliverHeld(DataReceiver receiver) {
        if (receiver == null || held.isEmpty()) {
            return false;
        }
        for (Held h : held) {
            receiver.onDatagram(ByteBuffer.wrap(h.data()), h.from());
        }
        held.clear();
        return true;
    }

    /** Whether {@code d} is STUN or TURN ChannelData (RFC 7983 demultiplexing), which ice4j handles. */
    static boolean isForIce(ByteBuffer d) {
        if (!d.hasRemaining()) {
            return false;
        }
        int p = d.position();
        int first = d.get(p) & 0xff;
        if (first < 4) {
            return d.remaining() >= STUN_HEADER_BYTES && d.getInt(p + 4) == STUN_MAGIC_COOKIE;
        }
        return first >= 64 && first <= 79;
    }

    void setIceTrafficClass(int tc) {
        iceTrafficClass = tc;
    }

    int iceTrafficClass() {
        return iceTrafficClass;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        socket.close();
        stun.close();
        if (Thread.currentThread() != reader) {
            try {
                reader.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "SharedUdpPort[" + socket.localAddress() + "]";
    }
}
