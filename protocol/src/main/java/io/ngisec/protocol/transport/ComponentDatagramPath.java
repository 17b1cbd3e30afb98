package io.ngisec.protocol.transport;

import io.ngisec.protocol.qos.QosClass;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link DatagramPath} over the socket of an ice4j component once ICE has selected a pair. That
 * socket already drops datagrams from addresses whose checks did not succeed and keeps STUN
 * (checks, keep-alives) for ice4j, so the receiver sees only the peer's data. Thread safe.
 *
 * <p>DSCP marking: one socket for all classes, its traffic class set before a send whose class
 * differs from the previous send's. The mark goes on the selected local candidate's own socket,
 * not the component's: the component socket is ice4j's merging wrapper, which sends through the
 * candidate's socket, so a traffic class set on the wrapper never reaches the wire. Sends are
 * serialised, so a datagram never goes out with another's mark; a session sends from one driver
 * thread, so they do not contend. (A socket per class would need a candidate pair per class, or
 * sockets ICE never validated.) ice4j's STUN keep-alives on the same socket carry whatever mark
 * the last data packet set.
 */
final class ComponentDatagramPath implements DatagramPath {

    private static final Logger LOG = Logger.getLogger(ComponentDatagramPath.class.getName());
    /** Larger than any UDP payload, so nothing is cut short. */
    private static final int MAX_DATAGRAM = 65_535;

    private final DatagramSocket socket;
    private final DatagramSocket marked;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final CandidateType localType;
    private final CandidateType remoteType;
    private final AtomicBoolean receiving = new AtomicBoolean();
    private volatile boolean closed;
    /** The traffic class last set on the socket, -1 before the first send; guarded by {@code this}. */
    private int trafficClass = -1;

    /** {@code socket} sends and receives; {@code marked} is the socket whose traffic class reaches the wire. */
    ComponentDatagramPath(DatagramSocket socket, DatagramSocket marked, InetSocketAddress local,
            InetSocketAddress remote, CandidateType localType, CandidateType remoteType) {
        this.socket = socket;
        this.marked = marked;
        this.local = local;
        this.remote = remote;
        this.localType = localType;
        this.remoteType = remoteType;
    }

    @Override
    public synchronized void send(ByteBuffer datagram, QosClass qosClass) throws IOException {
        if (closed) {
            throw new IOException("path closed");
        }
        mark(qosClass.trafficClassByte());
        byte[] bytes = new byte[datagram.remaining()];
        datagram.get(bytes);
        socket.send(new DatagramPacket(bytes, bytes.length, remote));
    }

    private void mark(int tc) {
        if (tc == trafficClass) {
            return;
        }
        try {
            marked.setTrafficClass(tc);
            trafficClass = tc;
        } catch (SocketException e) {
            // Marking is advisory: the datagram still goes, unmarked, and the next send retries.
            LOG.log(Level.FINE, "cannot set traffic class " + tc, e);
        }
    }

    @Override
    public void receive(Receiver receiver) {
        if (!receiving.compareAndSet(false, true)) {
            throw new IllegalStateException("already receiving");
        }
        Thread.ofPlatform().daemon().name("ice-path-" + local.getPort()).start(() -> receiveLoop(receiver));
    }

    private void receiveLoop(Receiver receiver) {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.FINE, "receive failed; path stops receiving", e);
                }
                return;
            }
            receiver.onDatagram(ByteBuffer.wrap(buffer, 0, packet.getLength()).asReadOnlyBuffer());
            receiver.onBatchEnd();
        }
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

    @Override
    public void close() {
        closed = true;
        socket.close();
    }

    @Override
    public String toString() {
        return "DatagramPath[" + local + " (" + localType.token() + ") -> " + remote + " (" + remoteType.token() + ")]";
    }
}
