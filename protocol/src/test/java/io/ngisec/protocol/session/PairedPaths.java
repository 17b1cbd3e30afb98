package io.ngisec.protocol.session;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.transport.CandidateType;
import io.ngisec.protocol.transport.DatagramPath;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Two in-memory {@link DatagramPath}s joined to each other, with a drop rule per direction and a
 * record of every datagram sent: for handshake tests without sockets. Each end delivers what it
 * receives on a thread of its own, in order, as a socket's reader would (delivering on the
 * sender's thread would let two sessions take each other's locks in opposite orders).
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
        private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "paired-path-delivery");
            t.setDaemon(true);
            return t;
        });

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
            if (!drop.test(copy)) {
                peer.deliver(copy);
            }
        }

        private void deliver(byte[] datagram) {
            delivery.execute(() -> {
                Receiver r = receiver;
                if (r != null && !closed) {
                    r.onDatagram(ByteBuffer.wrap(datagram).asReadOnlyBuffer());
                    r.onBatchEnd();
                }
            });
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
            delivery.shutdown();
        }
    }

    final End a = new End(10_001);
    final End b = new End(10_002);

    PairedPaths() {
        a.peer = b;
        b.peer = a;
    }
}
