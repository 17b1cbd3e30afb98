package io.ngisec.protocol.transport;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.transport.udp.DatagramBatch;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link DatagramPath} on a {@link SharedUdpPort} we own: a direct (host or server-reflexive)
 * pair. Sends go straight to the socket with each datagram's DSCP, queued ones in one batch per
 * flush; the port's reader thread delivers the peer's datagrams to the receiver without a copy,
 * and says when a batch ends. Datagrams from any other source are dropped and counted: ICE
 * validated only the selected remote address. Thread safe.
 */
final class SharedPortDatagramPath implements DatagramPath {

    private final SharedUdpPort port;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final CandidateType localType;
    private final CandidateType remoteType;
    private final DatagramBatch out;
    private final DatagramBatch queued; // guarded by itself
    private final AtomicBoolean receiving = new AtomicBoolean();
    private final AtomicLong otherSources = new AtomicLong();
    private volatile boolean closed;

    SharedPortDatagramPath(SharedUdpPort port, InetSocketAddress local, InetSocketAddress remote,
            CandidateType localType, CandidateType remoteType) {
        this.port = port;
        this.local = local;
        this.remote = remote;
        this.localType = localType;
        this.remoteType = remoteType;
        this.out = new DatagramBatch(1, SharedUdpPort.SLOT_BYTES);
        this.queued = new DatagramBatch(SEND_BATCH, SharedUdpPort.SLOT_BYTES);
    }

    /** Datagrams per system call at most when flushing: about what a paced burst holds. */
    static final int SEND_BATCH = 64;

    @Override
    public void queue(ByteBuffer datagram, QosClass qosClass) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        synchronized (queued) {
            if (queued.isFull()) {
                flushQueued();
            }
            if (!queued.add(datagram, remote, qosClass.trafficClassByte())) {
                throw new IOException("datagram of " + datagram.remaining() + " bytes is too large");
            }
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (queued) {
            flushQueued();
        }
    }

    private void flushQueued() throws IOException {
        if (queued.count() == 0) {
            return;
        }
        try {
            port.socket().send(queued); // what the socket could not take is lost, as UDP would lose it
        } finally {
            queued.clear();
        }
    }

    @Override
    public void send(ByteBuffer datagram, QosClass qosClass) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        synchronized (out) {
            out.clear();
            if (!out.add(datagram, remote, qosClass.trafficClassByte())) {
                throw new IOException("datagram of " + datagram.remaining() + " bytes is too large");
            }
            port.socket().send(out);
        }
    }

    @Override
    public void receive(Receiver receiver) {
        if (!receiving.compareAndSet(false, true)) {
            throw new IllegalStateException("already receiving");
        }
        port.setDataReceiver(new SharedUdpPort.DataReceiver() {
            @Override
            public void onDatagram(ByteBuffer datagram, InetSocketAddress from) {
                if (!from.equals(remote)) {
                    otherSources.incrementAndGet();
                    return;
                }
                receiver.onDatagram(datagram);
            }

            @Override
            public void onBatchEnd() {
                receiver.onBatchEnd();
            }
        });
    }

    /** Datagrams dropped because they came from an address other than the selected remote one. */
    long otherSourceDrops() {
        return otherSources.get();
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public CandidateType localType() {
        return localType;
    }

    @Override
    public CandidateType remoteType() {
        return remoteType;
    }

    /** Stops delivering; later sends fail. The port stays open for ICE until the transport closes. */
    @Override
    public void close() {
        closed = true;
        port.setDataReceiver(null);
    }

    @Override
    public String toString() {
        return "DatagramPath[" + local + " (" + localType.token() + ") -> " + remote + " (" + remoteType.token()
                + "), own socket]";
    }
}
