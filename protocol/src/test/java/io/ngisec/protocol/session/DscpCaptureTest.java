package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ngisec.protocol.handshake.LocalCredentials;
import io.ngisec.protocol.handshake.TestOrganization;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.record.RecordException;
import io.ngisec.protocol.record.RecordHeader;
import io.ngisec.protocol.transport.DatagramPath;
import io.ngisec.protocol.transport.IceRole;
import io.ngisec.protocol.transport.IceSettings;
import io.ngisec.protocol.transport.IceTransport;
import io.ngisec.protocol.transport.InMemorySignaling;
import io.ngisec.protocol.testing.HostTools;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the network sees of a session, captured with tshark on loopback: two peers connect over
 * {@link IceTransport} on 127.0.0.1, run the handshake and send voice datagrams and bulk stream
 * data. Every NGISec packet on the wire must carry in its IP DSCP the code point of the class in
 * its clear header (voice EF 46, bulk AF11 10, control AF31 26), and no UDP payload may contain
 * the plaintext marker written into the stream and the datagrams. Needs root and tshark on the
 * PATH; skipped, saying which is missing, otherwise.
 */
class DscpCaptureTest {

    private static final byte[] MARKER = "NGISEC-PLAINTEXT-MARKER-0123456789".getBytes(StandardCharsets.US_ASCII);
    private static final int VOICE_FRAMES = 20;
    private static final int BULK_BYTES = 256 * 1024;
    /** STUN's magic cookie (RFC 5389), at bytes 4..7 of every STUN message ice4j sends on the path. */
    private static final String STUN_COOKIE = "2112a442";

    @Test
    void everyDatagramCarriesItsClassInDscpAndNoPlaintext() throws Exception {
        assumeTrue(HostTools.isRoot(), "capturing on lo needs root");
        Path tshark = HostTools.onPath("tshark");
        assumeTrue(tshark != null, "tshark is not on the PATH");

        TestOrganization org = new TestOrganization("Acme");
        LocalCredentials alice = org.enroll("alice");
        LocalCredentials bob = org.enroll("bob");
        InMemorySignaling[] signaling = InMemorySignaling.pair();
        Path out = Files.createTempFile("ngisec-dscp", ".tsv");
        Path err = Files.createTempFile("ngisec-dscp", ".err");
        try (IceTransport a = new IceTransport(IceSettings.loopback(IceRole.CONTROLLING, Duration.ofSeconds(10)), signaling[0]);
                IceTransport b = new IceTransport(IceSettings.loopback(IceRole.CONTROLLED, Duration.ofSeconds(10)), signaling[1])) {
            CompletableFuture<DatagramPath> fa = a.connect();
            CompletableFuture<DatagramPath> fb = b.connect();
            DatagramPath pa = fa.get(10, TimeUnit.SECONDS);
            DatagramPath pb = fb.get(10, TimeUnit.SECONDS);
            String filter = "udp and host 127.0.0.1 and port " + pa.localAddress().getPort()
                    + " and port " + pb.localAddress().getPort();
            Process capture = new ProcessBuilder(tshark.toString(), "-i", "lo", "-B", "16", "-l", "-f", filter, "-T", "fields",
                    "-e", "ip.dsfield.dscp", "-e", "udp.length", "-e", "udp.payload")
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try {
                awaitCapturing(capture, err);
                exchange(org, alice, bob, pa, pb);
                Thread.sleep(200); // the last ACKs
            } finally {
                stop(capture);
            }
        } finally {
            signaling[0].close();
        }
        List<String> lines = Files.readAllLines(out);
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        check(lines);
    }

    private static void exchange(TestOrganization org, LocalCredentials alice, LocalCredentials bob,
            DatagramPath pa, DatagramPath pb) throws Exception {
        EstablishedPair pair = EstablishedPair.handshake(org, alice, bob, pa, pb, 5);
        SessionConfig config = SessionConfig.defaults();
        try (UdpSession sender = UdpSession.start(pa, pair.aliceInbox(), pair.alice(), config, new SplittableRandom(1));
                UdpSession receiver = UdpSession.start(pb, pair.bobInbox(), pair.bob(), config, new SplittableRandom(2))) {
            byte[] voice = new byte[160];
            System.arraycopy(MARKER, 0, voice, 0, MARKER.length);
            for (int i = 0; i < VOICE_FRAMES; i++) {
                assertThat(sender.sendDatagram(1, voice)).isTrue();
                Thread.sleep(5); // separate packets, as a call's 20 ms frames would be
            }
            CompletableFuture<Void> written = SessionHandshakeTest.async(() -> {
                ByteBuffer bulk = ByteBuffer.allocate(BULK_BYTES);
                while (bulk.remaining() >= MARKER.length) {
                    bulk.put(MARKER);
                }
                sender.write(0, bulk.clear());
                sender.finish(0);
                return null;
            });
            ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            long received = 0;
            for (int n = receiver.read(0, in); n >= 0; n = receiver.read(0, in.clear())) {
                received += n;
            }
            written.get(5, TimeUnit.SECONDS);
            assertThat(received).isEqualTo(BULK_BYTES);
            assertThat(sender.awaitSendDone(0, Duration.ofSeconds(5))).isTrue();
            assertThat(receiver.receiveDatagram(Duration.ofSeconds(1))).isPresent();
        }
    }

    private static void check(List<String> lines) throws RecordException {
        String marker = HexFormat.of().formatHex(MARKER);
        Map<QosClass, Integer> counts = new EnumMap<>(QosClass.class);
        int stun = 0;
        int largeBulk = 0;
        for (String line : lines) {
            String[] f = line.split("\t");
            assertThat(f).as("tshark line %s", line).hasSize(3);
            int dscp = Integer.parseInt(f[0]);
            int udpLength = Integer.parseInt(f[1]);
            String payload = f[2].replace(":", "");
            assertThat(payload).as("a captured payload").doesNotContain(marker);
            if (payload.length() >= 16 && payload.substring(8, 16).equals(STUN_COOKIE)) {
                stun++; // ice4j's checks and keep-alives: no class of their own
                continue;
            }
            QosClass c = RecordHeader.parse(ByteBuffer.wrap(HexFormat.of().parseHex(payload))).qosClass();
            assertThat(dscp).as("DSCP of a %s packet of %d UDP bytes", c, udpLength).isEqualTo(c.dscp());
            counts.merge(c, 1, Integer::sum);
            if (c == QosClass.BULK && udpLength > SessionConfig.DEFAULT_MAX_DATAGRAM_BYTES / 2) {
                largeBulk++;
            }
        }
        System.out.printf("DSCP capture: %d lines, %d STUN, per class %s, %d large bulk%n",
                lines.size(), stun, counts, largeBulk);
        // The capture may miss packets in a burst, so at least one of each, not all of them.
        assertThat(counts.getOrDefault(QosClass.VOICE, 0)).as("voice packets (DSCP 46)").isPositive();
        assertThat(largeBulk).as("large bulk packets (DSCP 10)").isPositive();
        assertThat(counts.getOrDefault(QosClass.CONTROL, 0)).as("control packets (DSCP 26)").isPositive();
    }

    /** Waits until tshark reports that it captures, so no packet of the exchange is missed. */
    private static void awaitCapturing(Process capture, Path err) throws Exception {
        // tshark takes seconds to start on a busy 2-core machine (it loads its dissectors first).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(err).contains("Capturing on")) {
            if (!capture.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("tshark did not start capturing: " + Files.readString(err));
            }
            Thread.sleep(20);
        }
    }

    /** Stops tshark by its own PID (SIGTERM lets it write what it captured), then forcibly if it hangs. */
    private static void stop(Process capture) throws InterruptedException {
        capture.destroy();
        if (!capture.waitFor(5, TimeUnit.SECONDS)) {
            capture.destroyForcibly();
            capture.waitFor(2, TimeUnit.SECONDS);
        }
    }

}
