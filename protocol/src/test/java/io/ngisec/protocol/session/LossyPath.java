package io.ngisec.protocol.session;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.record.PacketType;
import io.ngisec.protocol.transport.CandidateType;
import io.ngisec.protocol.transport.DatagramPath;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A lossy shim over a real {@link DatagramPath}, for tests: of the datagrams sent through it, a
 * seeded choice is dropped, some are sent twice, and some are held back a few milliseconds on a
 * timer thread so that later ones overtake them. Receiving is untouched (wrap both peers' paths
 * to impair both directions). Counts what it did, all datagrams and DATA records apart.
 *
 * <p>Thread safe: the seeded generator is drawn under a lock, so runs are reproducible in what is
 * decided per datagram, though not in timing.
 */
final class LossyPath implements DatagramPath {

    /**
     * What to do to the datagrams, probabilities per datagram.
     *
     * @param loss dropped
     * @param duplicate of those not dropped, sent a second time right after the first
     * @param reorder of those not dropped, held back between {@code minDelayNanos} and {@code maxDelayNanos}
     */
    record Profile(double loss, double duplicate, double reorder, long minDelayNanos, long maxDelayNanos) {
    }

    /** Counters of one kind of datagram. */
    static final class Counts {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        final AtomicLong duplicated = new AtomicLong();
        final AtomicLong delayed = new AtomicLong();

        private void count(boolean drop, boolean twice, long delay) {
            sent.incrementAndGet();
            if (drop) {
                dropped.incrementAndGet();
                return;
            }
            if (twice) {
                duplicated.incrementAndGet();
            }
            if (delay > 0) {
                delayed.incrementAndGet();
            }
        }

        @Override
        public String toString() {
            return String.format("%d sent, %d dropped (%.2f%%), %d duplicated (%.2f%%), %d delayed (%.2f%%)",
                    sent.get(), dropped.get(), percent(dropped), duplicated.get(), percent(duplicated),
                    delayed.get(), percent(delayed));
        }

        private double percent(AtomicLong n) {
            return sent.get() == 0 ? 0 : 100.0 * n.get() / sent.get();
        }
    }

    /** Every datagram. */
    final Counts all = new Counts();
    /** DATA records only (the session's packets, whose numbers the statistics count). */
    final Counts data = new Counts();
    private final DatagramPath inner;
    private final Profile profile;
    private final SplittableRandom random;
    private final ScheduledExecutorService timer;

    LossyPath(DatagramPath inner, Profile profile, long seed) {
        this.inner = inner;
        this.profile = profile;
        this.random = new SplittableRandom(seed);
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("lossy-shim-" + inner.localAddress().getPort()).factory());
    }

    @Override
    public void send(ByteBuffer datagram, QosClass qosClass) throws IOException {
        byte[] copy = new byte[datagram.remaining()];
        datagram.get(copy);
        boolean drop;
        boolean twice;
        long delay;
        synchronized (random) {
            drop = random.nextDouble() < profile.loss();
            twice = random.nextDouble() < profile.duplicate();
            delay = random.nextDouble() < profile.reorder()
                    ? profile.minDelayNanos() + random.nextLong(profile.maxDelayNanos() - profile.minDelayNanos() + 1)
                    : 0;
        }
        boolean isData = SessionHandshake.typeOf(copy) == PacketType.DATA;
        count(isData, drop, twice, delay);
        if (drop) {
            return;
        }
        int copies = twice ? 2 : 1;
        if (delay == 0) {
            for (int i = 0; i < copies; i++) {
                inner.send(ByteBuffer.wrap(copy), qosClass);
            }
            return;
        }
        try {
            timer.schedule(() -> {
                try {
                    for (int i = 0; i < copies; i++) {
                        inner.send(ByteBuffer.wrap(copy), qosClass);
                    }
                } catch (IOException e) {
                    // The path closed while the datagram was held: it is lost, as on a real network.
                }
            }, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Closed (a session's CLOSE may go out after the shim): as the contract says for a closed path.
            throw new IOException("path closed", e);
        }
    }

    private void count(boolean isData, boolean drop, boolean twice, long delay) {
        all.count(drop, twice, delay);
        if (isData) {
            data.count(drop, twice, delay);
        }
    }

    @Override
    public void receive(Receiver receiver) {
        inner.receive(receiver);
    }

    @Override
    public InetSocketAddress localAddress() {
        return inner.localAddress();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return inner.remoteAddress();
    }

    @Override
    public CandidateType localType() {
        return inner.localType();
    }

    @Override
    public CandidateType remoteType() {
        return inner.remoteType();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        inner.close();
    }
}
