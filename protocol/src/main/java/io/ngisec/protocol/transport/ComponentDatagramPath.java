package io.ngisec.protocol.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link DatagramPath} over the socket of an ice4j component once ICE has selected a pair. That
 * socket already drops datagrams from addresses whose checks did not succeed and keeps STUN
 * (checks, keep-alives) for ice4j, so the receiver sees only the peer's data. Thread safe.
 */
final class ComponentDatagramPath implements DatagramPath {

    private static final Logger LOG = Logger.getLogger(ComponentDatagramPath.class.getName());
    /** Larger than any UDP payload, so nothing is cut short. */
    private static final int MAX_DATAGRAM = 65_535;

    private final DatagramSocket socket;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final CandidateType localType;
    private final CandidateType remoteType;
    private final AtomicBoolean receiving = new AtomicBoolean();
    private volatile boolean closed;

    ComponentDatagramPath(DatagramSocket socket, InetSocketAddress local, InetSocketAddress remote,
            CandidateType localType, CandidateType remoteType) {
        this.socket = socket;
        this.local = local;
        this.remote = remote;
        this.localType = localType;
        this.remoteType = remoteType;
    }

    @Override
    public void send(ByteBuffer datagram) throws IOException {
        if (closed) {
            throw new IOException("path closed");
        }
        byte[] bytes = new byte[datagram.remaining()];
        datagram.get(bytes);
        socket.send(new DatagramPacket(bytes, bytes.length, remote));
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
