package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.channel.frame.DatagramFrame;
import io.ngisec.protocol.handshake.LocalCredentials;
import io.ngisec.protocol.handshake.TestOrganization;
import io.ngisec.protocol.transport.DatagramPath;
import io.ngisec.protocol.transport.IceRole;
import io.ngisec.protocol.transport.IceSettings;
import io.ngisec.protocol.transport.IceTransport;
import io.ngisec.protocol.transport.InMemorySignaling;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The first end-to-end session over real UDP: two ICE agents in this JVM connect over loopback
 * host candidates, run the NGISec handshake with test certificates and a ticket, and move a
 * seeded bulk stream bit-exact (SHA-256 on both sides) while a voice flow sends one 160-byte
 * datagram every 20 ms. Goodput and voice figures are printed, not asserted (no wall-clock
 * assertions); the 1 GiB run needs {@code -Dngisec.big=true}.
 */
class UdpSessionIceTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int VOICE_BYTES = 160;
    private static final long VOICE_INTERVAL_NANOS = 20_000_000L;

    @Test
    void sixtyFourMebibytesArriveExactWhileVoiceFlows() throws Exception {
        transfer(64L << 20);
    }

    @Test
    @EnabledIfSystemProperty(named = "ngisec.big", matches = "true")
    void oneGibibyteArrivesExact() throws Exception {
        transfer(1L << 30);
    }

    private void transfer(long total) throws Exception {
        TestOrganization org = new TestOrganization("Acme");
        LocalCredentials alice = org.enroll("alice");
        LocalCredentials bob = org.enroll("bob");
        InMemorySignaling[] signaling = InMemorySignaling.pair();
        try (IceTransport a = new IceTransport(IceSettings.loopback(IceRole.CONTROLLING, CONNECT_TIMEOUT), signaling[0]);
                IceTransport b = new IceTransport(IceSettings.loopback(IceRole.CONTROLLED, CONNECT_TIMEOUT), signaling[1])) {
            CompletableFuture<DatagramPath> fa = a.connect();
            CompletableFuture<DatagramPath> fb = b.connect();
            DatagramPath pa = fa.get(15, TimeUnit.SECONDS);
            DatagramPath pb = fb.get(15, TimeUnit.SECONDS);
            EstablishedPair pair = EstablishedPair.handshake(org, alice, bob, pa, pb, 10);
            assertThat(pair.alice().result().peer().deviceId()).isEqualTo(bob.certificate().deviceId());
            assertThat(pair.bob().result().peer().deviceId()).isEqualTo(alice.certificate().deviceId());

            SessionConfig config = SessionConfig.defaults().withBuffers(4 << 20, 8 << 20);
            try (UdpSession aliceSession = UdpSession.start(pa, pair.aliceInbox(), pair.alice(), config, new SplittableRandom(1));
                    UdpSession bobSession = UdpSession.start(pb, pair.bobInbox(), pair.bob(), config, new SplittableRandom(2))) {
                run(total, aliceSession, bobSession);
            }
        } finally {
            signaling[0].close();
        }
    }

    private static void run(long total, UdpSession sender, UdpSession receiver) throws Exception {
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

        assertThat(received).isEqualTo(total);
        assertThat(digest.digest()).isEqualTo(sent.get(10, TimeUnit.SECONDS));
        assertThat(sender.awaitSendDone(0, Duration.ofSeconds(10))).isTrue();
        assertThat(voiceOut.sent).isPositive();
        assertThat(voiceIn.received).as("voice frames delivered of %d", voiceOut.sent)
                .isGreaterThanOrEqualTo((long) (voiceOut.sent * 0.9));
        assertThat(voiceIn.outOfRange).isZero();

        UdpSession.Stats s = sender.stats();
        UdpSession.Stats r = receiver.stats();
        System.out.printf("%d MiB over ICE loopback: %.2f s, goodput %.1f MB/s (%.0f Mbit/s); sender packets %d,"
                        + " pacing %.1f MB/s; receiver record drops %d, inbox drops %d%n"
                        + "  voice: %d sent, %d received, max arrival gap %.1f ms, max sequence gap %d%n",
                total >> 20, elapsed / 1e9, total / (elapsed / 1e9) / 1e6, total * 8 / (elapsed / 1e9) / 1e6,
                s.packetsSent(), s.pacingRate() / 1e6, r.recordDrops(), r.inboxDrops(),
                voiceOut.sent, voiceIn.received, voiceIn.maxGapNanos / 1e6, voiceIn.maxSeqGap);
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
                    ByteBuffer.wrap(frame).putLong(sent);
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

    /** Counts voice frames and measures the largest gaps, in arrival time and in sequence numbers. */
    private static final class VoiceReceiver implements Runnable {
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
                    long seq = ByteBuffer.wrap(d.get().data()).getLong();
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
    }
}
