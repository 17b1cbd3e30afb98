package io.ngisec.protocol.session;

import io.ngisec.protocol.channel.frame.DatagramFrame;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end workload of the UDP session tests: {@code total} seeded bytes on stream 0 from
 * sender to receiver, hashed with SHA-256 on both sides, while a voice flow sends one 160-byte
 * datagram (sequence number first) on channel 1 every 20 ms. Measures; the tests assert.
 */
final class SeededTransfer {

    static final int VOICE_BYTES = 160;
    static final long VOICE_INTERVAL_NANOS = 20_000_000L;

    /**
     * What one run gave.
     *
     * @param sentDigest SHA-256 of what the sender wrote
     * @param receivedDigest SHA-256 of what the receiver read
     * @param elapsedNanos from the first write to the end of the stream at the receiver
     * @param voiceOutOfRange voice datagrams of the wrong channel or size
     * @param voiceDelayNanos one-way delay of each voice frame received, sorted: from the sender's
     *     {@code sendDatagram} call to the receiver's {@code receiveDatagram} return (one JVM, one clock)
     */
    record Outcome(long total, long received, byte[] sentDigest, byte[] receivedDigest, long elapsedNanos,
            long voiceSent, long voiceReceived, long voiceMaxGapNanos, long voiceMaxSeqGap, long voiceOutOfRange,
            long[] voiceDelayNanos) {

        /** The {@code q} quantile (0 to 1) of the voice frames' one-way delay, in ms; 0 without frames. */
        double voiceDelayMillis(double q) {
            if (voiceDelayNanos.length == 0) {
                return 0;
            }
            int i = (int) Math.min(voiceDelayNanos.length - 1, Math.floor(q * voiceDelayNanos.length));
            return voiceDelayNanos[i] / 1e6;
        }

        double goodputBytesPerSecond() {
            return received / (elapsedNanos / 1e9);
        }

        String summary() {
            return String.format("%d MiB: %.2f s, goodput %.1f MB/s (%.0f Mbit/s); voice: %d sent, %d received,"
                            + " one-way delay median %.2f ms, p99 %.2f ms, max %.2f ms; max arrival gap %.1f ms,"
                            + " max sequence gap %d",
                    total >> 20, elapsedNanos / 1e9, goodputBytesPerSecond() / 1e6, goodputBytesPerSecond() * 8 / 1e6,
                    voiceSent, voiceReceived, voiceDelayMillis(0.5), voiceDelayMillis(0.99), voiceDelayMillis(1),
                    voiceMaxGapNanos / 1e6, voiceMaxSeqGap);
        }
    }

    private SeededTransfer() {
    }

    /** Runs the workload to the end of the stream at the receiver, then lets the last voice frames land. */
    static Outcome run(long total, UdpSession sender, UdpSession receiver) throws Exception {
        long start = System.nanoTime();
        CompletableFuture<byte[]> sent = SessionHandshakeTest.async(() -> writeSeeded(sender, total));
        VoiceReceiver voiceIn = new VoiceReceiver(receiver);
        Thread voiceInThread = Thread.ofPlatform().daemon().name("voice-in").start(voiceIn);
        VoiceSender voiceOut = new VoiceSender(sender);
        Thread voiceOutThread = Thread.ofPlatform().daemon().name("voice-out").start(voiceOut);

        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
        long received = 0;
        for (int n = receiver.read(0, buffer); n >= 0; n = receiver.read(0, buffer.clear())) {
            digest.update(buffer.array(), 0, n);
            received += n;
        }
        long elapsed = System.nanoTime() - start;
        voiceOut.stop = true;
        voiceOutThread.join();
        Thread.sleep(200); // let the last voice frames land before counting
        voiceIn.stop = true;
        voiceInThread.join();
        return new Outcome(total, received, sent.get(10, TimeUnit.SECONDS), digest.digest(), elapsed, voiceOut.sent,
                voiceIn.received, voiceIn.maxGapNanos, voiceIn.maxSeqGap, voiceIn.outOfRange, voiceIn.sortedDelays());
    }

    /** Writes {@code total} seeded bytes into stream 0 and finishes it; returns their SHA-256. */
    private static byte[] writeSeeded(UdpSession session, long total) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(7);
        byte[] chunk = new byte[64 * 1024];
        for (long written = 0; written < total; ) {
            int n = (int) Math.min(chunk.length, total - written);
            random.nextBytes(chunk);
            digest.update(chunk, 0, n);
            session.write(0, ByteBuffer.wrap(chunk, 0, n));
            written += n;
        }
        session.finish(0);
        return digest.digest();
    }

    /** One 160-byte frame (sequence number first) every 20 ms on channel 1 until stopped. */
    private static final class VoiceSender implements Runnable {
        volatile boolean stop;
        volatile long sent;
        private final UdpSession session;

        VoiceSender(UdpSession session) {
            this.session = session;
        }

        @Override
        public void run() {
            long next = System.nanoTime();
            try {
                while (!stop) {
                    byte[] frame = new byte[VOICE_BYTES];
                    ByteBuffer.wrap(frame).putLong(sent).putLong(System.nanoTime());
                    if (session.sendDatagram(1, frame)) {
                        sent++;
                    }
                    next += VOICE_INTERVAL_NANOS;
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        TimeUnit.NANOSECONDS.sleep(sleep);
                    }
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }
    }

    /** Counts voice frames, records their one-way delay, and measures the largest gaps in arrival time and sequence. */
    private static final class VoiceReceiver implements Runnable {
        private final java.util.List<Long> delays = new java.util.ArrayList<>(); // the receiver thread's, read after join
        volatile boolean stop;
        volatile long received;
        volatile long maxGapNanos;
        volatile long maxSeqGap;
        volatile long outOfRange;
        private final UdpSession session;

        VoiceReceiver(UdpSession session) {
            this.session = session;
        }

        @Override
        public void run() {
            long lastAt = 0;
            long lastSeq = -1;
            try {
                while (!stop) {
                    Optional<DatagramFrame> d = session.receiveDatagram(Duration.ofMillis(50));
                    if (d.isEmpty()) {
                        continue;
                    }
                    long now = System.nanoTime();
                    if (d.get().channelId() != 1 || d.get().data().length != VOICE_BYTES) {
                        outOfRange++;
                        continue;
                    }
                    ByteBuffer frame = ByteBuffer.wrap(d.get().data());
                    long seq = frame.getLong();
                    delays.add(now - frame.getLong());
                    if (lastSeq >= 0) {
                        maxGapNanos = Math.max(maxGapNanos, now - lastAt);
                        maxSeqGap = Math.max(maxSeqGap, seq - lastSeq);
                    }
                    lastAt = now;
                    lastSeq = seq;
                    received++;
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }

        long[] sortedDelays() {
            return delays.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }
}
