package io.ngisec.client.link;

import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.Fingerprint;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Two {@link PeerLink} ends connected in memory: control messages through unbounded queues, the
 * data stream through a bounded queue of written buffers (so writers feel back-pressure). {@link
 * #kill} ends both abruptly, losing whatever is queued, as a crash or a cut network would. A tap
 * on each end's data writes lets tests corrupt bytes in flight.
 */
public final class MemoryLinkPair {

    /** Media datagrams held each way before new ones are dropped, as a session's queue would. */
    static final int MEDIA_QUEUE = 64;

    /** Grants with every service and no file size limit. */
    public static final LinkGrants ALL = grants(OptionalLong.empty());

    private final End a;
    private final End b;
    private volatile String closedReason;

    public MemoryLinkPair(PeerInfo aInfo, PeerInfo bInfo, LinkGrants grants) {
        this(aInfo, bInfo, grants, grants);
    }

    /** A pair whose ends hold different grants (as two tickets of a changed policy might). */
    public MemoryLinkPair(PeerInfo aInfo, PeerInfo bInfo, LinkGrants aGrants, LinkGrants bGrants) {
        BlockingQueue<String> controlAtoB = new LinkedBlockingQueue<>();
        BlockingQueue<String> controlBtoA = new LinkedBlockingQueue<>();
        BlockingQueue<ByteBuffer> dataAtoB = new LinkedBlockingQueue<>(8);
        BlockingQueue<ByteBuffer> dataBtoA = new LinkedBlockingQueue<>(8);
        BlockingQueue<byte[]> mediaAtoB = new LinkedBlockingQueue<>(MEDIA_QUEUE);
        BlockingQueue<byte[]> mediaBtoA = new LinkedBlockingQueue<>(MEDIA_QUEUE);
        // Each end sees the other as its peer.
        this.a = new End(bInfo, aGrants, true, controlAtoB, controlBtoA, dataAtoB, dataBtoA, mediaAtoB, mediaBtoA);
        this.b = new End(aInfo, bGrants, false, controlBtoA, controlAtoB, dataBtoA, dataAtoB, mediaBtoA, mediaAtoB);
    }

    public static LinkGrants grants(OptionalLong maxFileBytes) {
        return new LinkGrants(Map.of(Service.FILE, QosClass.BULK, Service.CHAT, QosClass.INTERACTIVE,
                Service.CALL, QosClass.VOICE), maxFileBytes);
    }

    public static PeerInfo peer(String user) {
        return new PeerInfo(user, DeviceId.random(), user + "-laptop", Fingerprint.of(user.getBytes(StandardCharsets.UTF_8)));
    }

    /** The end held by the peer described by the first PeerInfo (its {@code peer()} is the second). */
    public End a() {
        return a;
    }

    public End b() {
        return b;
    }

    /** Ends both sides at once, dropping everything in flight. */
    public void kill(String reason) {
        if (closedReason == null) {
            closedReason = reason;
        }
    }

    /** One end of the pair. */
    public final class End implements PeerLink {

        private final PeerInfo peer;
        private final LinkGrants grants;
        private final boolean initiator;
        private final BlockingQueue<String> controlOut;
        private final BlockingQueue<String> controlIn;
        private final BlockingQueue<ByteBuffer> dataOut;
        private final BlockingQueue<ByteBuffer> dataIn;
        private final BlockingQueue<byte[]> mediaOut;
        private final BlockingQueue<byte[]> mediaIn;
        private ByteBuffer reading;
        private volatile UnaryOperator<ByteBuffer> dataTap = UnaryOperator.identity();
        private volatile UnaryOperator<byte[]> mediaTap = UnaryOperator.identity();

        End(PeerInfo peer, LinkGrants grants, boolean initiator, BlockingQueue<String> controlOut, BlockingQueue<String> controlIn,
                BlockingQueue<ByteBuffer> dataOut, BlockingQueue<ByteBuffer> dataIn, BlockingQueue<byte[]> mediaOut,
                BlockingQueue<byte[]> mediaIn) {
            this.mediaOut = mediaOut;
            this.mediaIn = mediaIn;
            this.peer = peer;
            this.grants = grants;
            this.initiator = initiator;
            this.controlOut = controlOut;
            this.controlIn = controlIn;
            this.dataOut = dataOut;
            this.dataIn = dataIn;
        }

        /** Applied to a copy of each buffer this end writes on the data stream. */
        public void tapData(UnaryOperator<ByteBuffer> tap) {
            this.dataTap = tap;
        }

        /** Applied to each media datagram this end sends; returning null drops it (loss). */
        public void tapMedia(UnaryOperator<byte[]> tap) {
            this.mediaTap = tap;
        }

        /** Puts a raw datagram on the media channel towards this end (as if the peer sent it). */
        public void injectMedia(byte[] datagram) {
            mediaIn.offer(datagram.clone());
        }

        /** Puts raw text on the control channel towards this end (as if the peer sent it). */
        public void inject(String json) {
            // This end reads controlIn, so that is where a message "from the peer" goes.
            controlIn.add(json);
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
        public void sendControl(String json) throws IOException {
            check();
            if (json.getBytes(StandardCharsets.UTF_8).length > MAX_CONTROL_BYTES) {
                throw new IOException("control message over " + MAX_CONTROL_BYTES + " bytes");
            }
            controlOut.add(json);
        }

        @Override
        public Optional<String> receiveControl(Duration timeout) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                check();
                String next = controlIn.poll(Math.min(20, Math.max(0, (deadline - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS);
                if (next != null) {
                    return Optional.of(next);
                }
                if (System.nanoTime() >= deadline) {
                    return Optional.empty();
                }
            }
        }

        @Override
        public void writeData(ByteBuffer src) throws IOException, InterruptedException {
            ByteBuffer copy = ByteBuffer.allocate(src.remaining());
            copy.put(src).flip();
            ByteBuffer tapped = dataTap.apply(copy);
            while (true) {
                check();
                if (dataOut.offer(tapped, 20, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        }

        @Override
        public synchronized int readData(ByteBuffer dst) throws IOException, InterruptedException {
            while (reading == null || !reading.hasRemaining()) {
                check();
                reading = dataIn.poll(20, TimeUnit.MILLISECONDS);
            }
            int n = Math.min(dst.remaining(), reading.remaining());
            ByteBuffer slice = reading.slice(reading.position(), n);
            dst.put(slice);
            reading.position(reading.position() + n);
            return n;
        }

        @Override
        public boolean sendMedia(byte[] datagram) throws IOException {
            check();
            if (datagram.length > MAX_MEDIA_BYTES || !grants.allows(Service.CALL)) {
                return false;
            }
            byte[] tapped = mediaTap.apply(datagram.clone());
            if (tapped != null) {
                mediaOut.offer(tapped); // a full queue drops, as an unreliable channel does
            }
            return true;
        }

        @Override
        public Optional<byte[]> receiveMedia(Duration timeout) throws IOException, InterruptedException {
            check();
            return Optional.ofNullable(mediaIn.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
        }

        @Override
        public Optional<String> closed() {
            return Optional.ofNullable(closedReason);
        }

        @Override
        public void close() {
            kill("closed by " + (initiator ? "a" : "b"));
        }

        private void check() throws IOException {
            String reason = closedReason;
            if (reason != null) {
                throw new IOException("link closed: " + reason);
            }
        }
    }
}
