package io.ngisec.protocol.session;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.transport.CandidateType;
import io.ngisec.protocol.transport.DatagramPath;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Two in-memory {@link DatagramPath}s joined to each other, with a drop rule per direction and a
 * record of every datagram sent: for handshake tests without sockets. Delivery is synchronous on
 * the sender's thread.
 */
final class PairedPaths {

    /** One end. */
    static final class End implements DatagramPath {
        final List<byte[]> sent = new CopyOnWriteArrayList<>();
        private final InetSocketAddress local;
        private End peer;
        private volatile Predicate<byte[]> drop = d -> false;
        private volatile Receiver receiver;
        private volatile boolean closed;

        private End(int port) {
            local = new InetSocketAddress("127.0.0.1", port);
        }

        /** Drops the datagrams this end sends that {@code rule} matches (it sees them in order). */
        void dropWhen(Predicate<byte[]> rule) {
            drop = rule;
        }

        @Override
        public void send(ByteBuffer datagram, QosClass qosClass) throws IOException {
            if (closed) {
                throw new IOException("closed");
            }
            byte[] copy = new byte[datagram.remaining()];
            datagram.get(copy);
            sent.add(copy);
            Receiver r = peer.receiver;
            if (!drop.test(copy) && r != null && !peer.closed) {
                r.onDatagram(ByteBuffer.wrap(copy).asReadOnlyBuffer());
            }
        }

        @Override
        public void receive(Receiver receiver) {
            this.receiver = receiver;
        }

        @Override
        public InetSocketAddress localAddress() {
            return local;
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return peer.local;
        }

        @Override
        public CandidateType localType() {
            return CandidateType.HOST;
        }

        @Override
        public CandidateType remoteType() {
            return CandidateType.HOST;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    final End a = new End(10_001);
    final End b = new End(10_002);

    PairedPaths() {
        a.peer = b;
        b.peer = a;
    }
}
