package io.ngisec.protocol.transport.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The portable {@link UdpSocket}: a non-blocking {@link DatagramChannel}, one system call per
 * datagram, a {@link Selector} to wait for datagrams or a wake-up. The traffic class is a socket
 * option, set before a datagram whose class differs from the previous one's (sends are
 * serialised, so no datagram leaves with another's mark). Thread safety as {@link UdpSocket}.
 */
public final class NioUdpSocket implements UdpSocket {

    /** How long a send waits for room in a full socket send buffer before it gives up on the rest. */
    private static final long SEND_BUFFER_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final DatagramChannel channel;
    private final Selector selector;
    private final InetSocketAddress local;
    private final Object sendLock = new Object();
    private int trafficClass = -1; // guarded by sendLock
    private final AtomicLong refusedSends = new AtomicLong();
    private final AtomicLong truncatedDrops = new AtomicLong();

    private NioUdpSocket(DatagramChannel channel, Selector selector) throws IOException {
        this.channel = channel;
        this.selector = selector;
        this.local = (InetSocketAddress) channel.getLocalAddress();
    }

    /** A socket bound to {@code bind} (port 0: an ephemeral port) with the given buffer sizes (0: the system's). */
    public static NioUdpSocket bind(InetSocketAddress bind, int receiveBufferBytes, int sendBufferBytes)
            throws IOException {
        DatagramChannel channel = DatagramChannel.open(
                bind.getAddress() instanceof java.net.Inet6Address ? java.net.StandardProtocolFamily.INET6
                        : java.net.StandardProtocolFamily.INET);
        try {
            if (receiveBufferBytes > 0) {
                channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
            }
            if (sendBufferBytes > 0) {
                channel.setOption(StandardSocketOptions.SO_SNDBUF, sendBufferBytes);
            }
            dontFragment(channel);
            channel.bind(bind);
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            return new NioUdpSocket(channel, selector);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * DF on every datagram, as datagram PLPMTUD needs (a too-large probe must be lost, not
     * fragmented): where the JDK offers it (Linux, macOS, Windows); elsewhere probes may be
     * fragmented and the search finds sizes a path only carries in pieces.
     */
    private static void dontFragment(DatagramChannel channel) {
        try {
            if (channel.supportedOptions().contains(jdk.net.ExtendedSocketOptions.IP_DONTFRAGMENT)) {
                channel.setOption(jdk.net.ExtendedSocketOptions.IP_DONTFRAGMENT, true);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort, as the javadoc says.
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public int send(DatagramBatch batch) throws IOException {
        synchronized (sendLock) {
            int sent = 0;
            for (int i = 0; i < batch.count(); i++) {
                mark(batch.trafficClass(i));
                ByteBuffer datagram = batch.slot(i).duplicate().flip();
                try {
                    if (!sendOne(datagram, batch.address(i))) {
                        return sent;
                    }
                    sent++;
                } catch (ClosedChannelException e) {
                    throw e;
                } catch (IOException | UnresolvedAddressException | UnsupportedAddressTypeException e) {
                    // This datagram's destination is refused (no route, broadcast, wrong family): skip it.
                    refusedSends.incrementAndGet();
                }
            }
            return sent;
        }
    }

    private boolean sendOne(ByteBuffer datagram, InetSocketAddress to) throws IOException {
        long deadline = 0;
        // An empty datagram also reports 0 bytes sent: it went (or, with a full buffer, is lost as UDP may).
        boolean empty = !datagram.hasRemaining();
        while (channel.send(datagram, to) == 0 && !empty) {
            // Non-blocking and the send buffer is full: give the kernel a moment, then drop.
            long now = System.nanoTime();
            if (deadline == 0) {
                deadline = now + SEND_BUFFER_WAIT_NANOS;
            } else if (now > deadline || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(20_000);
        }
        return true;
    }

    @Override
    public long refusedSends() {
        return refusedSends.get();
    }

    @Override
    public long truncatedDrops() {
        return truncatedDrops.get();
    }

    private void mark(int tc) {
        if (tc == trafficClass) {
            return;
        }
        try {
            channel.setOption(StandardSocketOptions.IP_TOS, tc);
            trafficClass = tc;
        } catch (IOException | UnsupportedOperationException e) {
            // Marking is advisory: the datagram still goes, unmarked; the next send retries.
        }
    }

    @Override
    public int receive(DatagramBatch batch, long timeoutNanos) throws IOException {
        batch.clear();
        int n = drain(batch);
        if (n > 0 || timeoutNanos == 0) {
            return n;
        }
        if (timeoutNanos < 0) {
            selector.select();
        } else {
            selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)));
        }
        if (!channel.isOpen()) {
            throw new ClosedChannelException();
        }
        selector.selectedKeys().clear();
        return drain(batch);
    }

    private int drain(DatagramBatch batch) throws IOException {
        int n = 0;
        while (n < batch.capacity()) {
            ByteBuffer slot = batch.receiveSlot(n);
            SocketAddress from = channel.receive(slot);
            if (from == null) {
                break;
            }
            if (slot.position() > batch.slotBytes()) {
                truncatedDrops.incrementAndGet(); // reached the spare byte: cut by the channel
                continue;
            }
            batch.received(n, slot.position(), (InetSocketAddress) from);
            n++;
        }
        return n;
    }

    @Override
    public void wakeup() {
        selector.wakeup();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do with it
        }
        selector.wakeup();
        try {
            selector.close();
        } catch (IOException e) {
            // same
        }
    }

    @Override
    public String toString() {
        return "NioUdpSocket[" + local + "]";
    }
}
