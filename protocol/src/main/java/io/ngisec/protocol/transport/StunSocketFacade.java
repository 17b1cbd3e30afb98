package io.ngisec.protocol.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The socket ice4j sees for a host candidate whose real socket a {@link SharedUdpPort} owns: its
 * receive() yields the STUN datagrams the port's reader handed over, its send() goes out through
 * the port. So ice4j runs checks, keep-alives and server-reflexive gathering on the same local
 * port as the session's records without reading that port itself.
 *
 * <p>It is a DatagramSocket because ice4j's socket stack is built on that class; the unbound
 * socket the superclass opens is never bound or used. Every method ice4j's delegating sockets
 * call is overridden here. Thread safe.
 */
final class StunSocketFacade extends DatagramSocket {

    /** STUN datagrams waiting for ice4j: checks and their answers are a few per second per pair. */
    private static final int QUEUE = 256;
    private static final Entry CLOSED = new Entry(new byte[0], null);

    private record Entry(byte[] data, InetSocketAddress from) {
    }

    private final SharedUdpPort port;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(QUEUE + 1);
    private final AtomicLong overflowDrops = new AtomicLong();
    private volatile int soTimeoutMillis;
    private volatile boolean closed;

    StunSocketFacade(SharedUdpPort port) throws SocketException {
        super((SocketAddress) null);
        this.port = port;
    }

    /** Called by the port's reader: a copy of one STUN datagram from {@code from}. */
    void offer(byte[] data, InetSocketAddress from) {
        if (closed || queue.remainingCapacity() <= 1 || !queue.offer(new Entry(data, from))) {
            overflowDrops.incrementAndGet();
        }
    }

    /** STUN datagrams dropped because ice4j did not keep up (or after close). */
    long overflowDrops() {
        return overflowDrops.get();
    }

    @Override
    public void receive(DatagramPacket packet) throws IOException {
        if (closed) {
            throw new SocketException("socket closed");
        }
        Entry e;
        try {
            int timeout = soTimeoutMillis;
            e = timeout > 0 ? queue.poll(timeout, TimeUnit.MILLISECONDS) : queue.take();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new SocketException("interrupted");
        }
        if (e == null) {
            throw new SocketTimeoutException("receive timed out");
        }
        if (e == CLOSED) {
            queue.offer(CLOSED); // for any other reader
            throw new SocketException("socket closed");
        }
        int n = Math.min(e.data.length, packet.getData().length - packet.getOffset());
        System.arraycopy(e.data, 0, packet.getData(), packet.getOffset(), n);
        packet.setLength(n);
        packet.setSocketAddress(e.from);
    }

    @Override
    public void send(DatagramPacket packet) throws IOException {
        if (closed) {
            throw new SocketException("socket closed");
        }
        port.sendStun(packet.getData(), packet.getOffset(), packet.getLength(),
                (InetSocketAddress) packet.getSocketAddress());
    }

    @Override
    public InetAddress getLocalAddress() {
        return port.localAddress().getAddress();
    }

    @Override
    public int getLocalPort() {
        return port.localAddress().getPort();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return port.localAddress();
    }

    @Override
    public boolean isBound() {
        return true;
    }

    @Override
    public boolean isConnected() {
        return false;
    }

    @Override
    public InetAddress getInetAddress() {
        return null;
    }

    @Override
    public int getPort() {
        return -1;
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return null;
    }

    @Override
    public void setSoTimeout(int timeout) {
        soTimeoutMillis = timeout;
    }

    @Override
    public int getSoTimeout() {
        return soTimeoutMillis;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /**
     * The traffic class of what ice4j sends through this socket from now on: a relayed path marks
     * its datagrams here, since they leave as TURN messages through this port.
     */
    @Override
    public void setTrafficClass(int tc) {
        port.setIceTrafficClass(tc);
    }

    @Override
    public int getTrafficClass() {
        return port.iceTrafficClass();
    }

    @Override
    public void setReceiveBufferSize(int size) {
        // The port's socket has its own buffers; ice4j's wishes for this facade do not apply.
    }

    @Override
    public int getReceiveBufferSize() {
        return QUEUE * 1500;
    }

    /**
     * Ends ice4j's use of the port: blocked and later receives get a SocketException. The port
     * itself stays open: it may carry a session, and its owner (the transport) closes it.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        queue.offer(CLOSED);
        super.close();
    }
}
