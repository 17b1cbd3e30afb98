package io.ngisec.protocol.session;

import io.ngisec.protocol.qos.QosClass;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One direction of a simulated path, as a {@link PacketLink}: a drop-tail queue drained at the
 * link rate, then random loss, one-way delay, extra delay for some packets (reordering) and
 * duplication, all drawn from a seeded generator on an {@link EventLoop}'s simulated time. A path
 * MTU ({@link #mtu}, changeable mid-run) drops larger datagrams, and {@link #down} drops all.
 */
final class SimulatedLink implements PacketLink {

    /** The path's properties; probabilities per packet. */
    record Profile(long rateBitsPerSecond, long oneWayDelayNanos, long queueBytes, double lossProbability,
                   double reorderProbability, long reorderMaxExtraNanos, double duplicateProbability) {

        static Profile clean(long rateBitsPerSecond, long oneWayDelayNanos) {
            return new Profile(rateBitsPerSecond, oneWayDelayNanos, 1 << 20, 0, 0, 0, 0);
        }

        /** The longest a delivered packet can take beyond the one-way delay: full queue, own serialization, reorder extra. */
        long maxExtraDelayNanos(int packetBytes) {
            return serializationNanos(queueBytes + packetBytes) + reorderMaxExtraNanos;
        }

        long serializationNanos(long bytes) {
            return bytes * 8L * 1_000_000_000L / rateBitsPerSecond;
        }
    }

    private final EventLoop loop;
    private final Profile profile;
    private final SplittableRandom random;
    private Consumer<ByteBuffer> receiver;
    private final ArrayDeque<long[]> waiting = new ArrayDeque<>(); // {service start, bytes}
    private long waitingBytes;
    private long linkFreeAt;
    long sent;
    long delivered;
    long randomDrops;
    long queueDrops;
    long bytesDelivered;
    /** Random and queue drops by the class the datagram was sent as, indexed by ordinal. */
    final long[] dropsByClass = new long[QosClass.values().length];
    /** Datagrams larger than this many bytes are dropped (counted in {@link #mtuDrops}), as a path MTU would. */
    int mtu = Integer.MAX_VALUE;
    long mtuDrops;
    /** Drops everything sent while set (counted in {@code downDrops}): the path or the peer is gone. */
    boolean down;
    long downDrops;

    SimulatedLink(EventLoop loop, Profile profile, SplittableRandom random) {
        this.loop = loop;
        this.profile = profile;
        this.random = random;
    }

    /** Where delivered datagrams go (the peer's driver). */
    void connect(Consumer<ByteBuffer> receiver) {
        this.receiver = receiver;
    }

    /** Delivers {@code bytes} to the receiver after the one-way delay, bypassing queue and loss (for injected packets). */
    void inject(byte[] bytes) {
        loop.at(loop.now() + profile.oneWayDelayNanos(), () -> receiver.accept(ByteBuffer.wrap(bytes)));
    }

    @Override
    public void send(ByteBuffer datagram, QosClass qosClass) {
        byte[] copy = new byte[datagram.remaining()];
        datagram.get(copy);
        sent++;
        if (down) {
            downDrops++;
            return;
        }
        if (copy.length > mtu) {
            mtuDrops++;
            return;
        }
        long now = loop.now();
        while (!waiting.isEmpty() && waiting.peekFirst()[0] <= now) {
            waitingBytes -= waiting.pollFirst()[1];
        }
        if (waitingBytes + copy.length > profile.queueBytes()) {
            queueDrops++;
            dropsByClass[qosClass.ordinal()]++;
            return;
        }
        long start = Math.max(now, linkFreeAt);
        linkFreeAt = start + profile.serializationNanos(copy.length);
        if (start > now) {
            waiting.addLast(new long[] {start, copy.length});
            waitingBytes += copy.length;
        }
        if (random.nextDouble() < profile.lossProbability()) {
            randomDrops++;
            dropsByClass[qosClass.ordinal()]++;
            return;
        }
        long arrival = linkFreeAt + profile.oneWayDelayNanos();
        if (random.nextDouble() < profile.reorderProbability()) {
            arrival += random.nextLong(profile.reorderMaxExtraNanos() + 1);
        }
        deliverAt(arrival, copy);
        if (random.nextDouble() < profile.duplicateProbability()) {
            deliverAt(arrival + random.nextLong(1_000_000), copy.clone());
        }
    }

    private void deliverAt(long time, byte[] bytes) {
        loop.at(time, () -> {
            delivered++;
            bytesDelivered += bytes.length;
            receiver.accept(ByteBuffer.wrap(bytes));
        });
    }
}
