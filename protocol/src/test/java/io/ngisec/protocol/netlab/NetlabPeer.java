package io.ngisec.protocol.netlab;

import io.ngisec.protocol.handshake.HandshakeInitiator;
import io.ngisec.protocol.handshake.HandshakeResponder;
import io.ngisec.protocol.handshake.LocalCredentials;
import io.ngisec.protocol.handshake.TestOrganization;
import io.ngisec.protocol.identity.SignedTicket;
import io.ngisec.protocol.channel.frame.DatagramFrame;
import io.ngisec.protocol.session.ConnectedSession;
import io.ngisec.protocol.session.DatagramInbox;
import io.ngisec.protocol.session.SessionConfig;
import io.ngisec.protocol.session.SessionFailure;
import io.ngisec.protocol.session.SessionHandshake;
import io.ngisec.protocol.session.UdpSession;
import io.ngisec.protocol.session.stats.SessionStats;
import io.ngisec.protocol.transport.DatagramPath;
import io.ngisec.protocol.transport.IceRole;
import io.ngisec.protocol.transport.IceServers;
import io.ngisec.protocol.transport.IceSettings;
import io.ngisec.protocol.transport.IceTransport;
import io.ngisec.protocol.transport.InMemorySignaling;
import io.ngisec.protocol.transport.TurnCredentials;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One NGISec peer as its own process, for the netlab tests: started with
 * {@code ip netns exec HOST_NS java -cp <test classpath> io.ngisec.protocol.netlab.NetlabPeer --key=value..},
 * it connects to the other peer with {@link IceTransport} (host candidate on {@code --host}, or on
 * every usable interface address with {@code --host=any}, the
 * STUN and TURN servers of {@code --servers}, TURN credentials minted from {@code --turn-secret}),
 * runs the NGISec handshake with credentials of {@link TestOrganization#seeded} (both peers build
 * the same organization from {@code --seed}) and moves {@code --bytes} seeded bytes on stream 0
 * (stream window {@code --window}, send buffer {@code --send-buffer}, bytes; 4 and 8 MiB by default).
 * The controlling peer is alice: she holds the ticket, initiates, and receives; the controlled
 * peer is bob, who responds and sends. So every setup time is on the clock of the ticket holder.
 *
 * <p>Lines on stdout, one per event, for the test that runs both peers:
 * <ul>
 *   <li>{@code READY}: credentials built; the peer waits for {@code GO} on stdin, so JVM start-up
 *       is not part of any measured time;
 *   <li>{@code ICE <json>}: a signaling message for the other peer (and the same on stdin from it);
 *   <li>{@code RESULT key=value ...}: the outcome ({@link PeerReport} parses it); the peer then
 *       keeps its session open until {@code EXIT} on stdin, so the last ACKs still flow;
 *   <li>{@code FAILED <why>}: the peer gives up and exits 1.
 * </ul>
 * Times in a RESULT are milliseconds from {@code GO}: {@code ice_done_ms} (path selected),
 * {@code handshake_done_ms}, and on the receiver {@code first_byte_ms} (first protected stream
 * byte read: ticket to first protected byte) and {@code last_byte_ms}; the receiver's longest
 * wait between two reads is {@code max_gap_ms}, ending at {@code max_gap_end_ms}. The peer exits
 * 2 after {@code --timeout-ms}, and at once when stdin closes (the test is gone). Logs go to stderr.
 *
 * <p>Mobility ({@code --consent-ms=INTERVAL/TIMEOUT}): ICE runs consent freshness with that timing
 * and the session is a {@link ConnectedSession}, which restarts ICE when consent is lost and
 * migrates to the new path; the RESULT then adds {@code migrations}, {@code final_local} and
 * {@code final_remote} (the path the session ends on) and {@code path_lost_ms}/{@code migrated_ms}
 * (the last such event). {@code --progress-bytes=N}: the receiver prints
 * {@code PROGRESS bytes=B ms=T} each time another N bytes have arrived, so a test can act mid-transfer.
 *
 * <p>Voice ({@code --voice-ms=20}): during the transfer the sender also sends a 160-byte real-time
 * datagram on channel {@value #VOICE_CHANNEL} every that many milliseconds (class VOICE), each a
 * slice of {@link #seededPrefix} (so a capture can look for it); RESULT {@code voice_sent}. The
 * receiver counts those that arrive until the stream ends: {@code voice_received} (a slice of the
 * prefix) and {@code voice_other} (anything else).
 */
public final class NetlabPeer {

    static final String READY = "READY";
    static final String GO = "GO";
    static final String EXIT = "EXIT";
    static final String RESULT = "RESULT ";
    static final String FAILED = "FAILED ";
    static final String PROGRESS = "PROGRESS ";
    /** Seed of the bulk stream's bytes, known to both sides, so the receiver checks them on its own. */
    static final long DATA_SEED = 0x5EED_DA7AL;
    private static final int CHUNK = 64 * 1024;
    /** Real-time channel of the voice frames of {@code --voice-ms}. */
    static final long VOICE_CHANNEL = 1;
    static final int VOICE_FRAME = 160;
    /** Voice frames are slices of this many bytes at the start of the seeded stream. */
    private static final int VOICE_SOURCE = 4000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> args;
    private final PrintStream out;
    private final StdioSignaling signaling;
    private final CountDownLatch go = new CountDownLatch(1);
    private final CountDownLatch exit = new CountDownLatch(1);
    private final Map<String, String> result = new LinkedHashMap<>();
    private long goNanos;
    /** Milliseconds from GO to the last path loss and migration of a ConnectedSession (its listener's threads). */
    private volatile String pathLostMs;
    private volatile String migratedMs;

    private NetlabPeer(Map<String, String> args, PrintStream out) {
        this.args = args;
        this.out = out;
        this.signaling = new StdioSignaling(out);
    }

    public static void main(String[] argv) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // Nothing but protocol lines on stdout: anything that prints goes to stderr.
        System.setOut(System.err);
        NetlabPeer peer = new NetlabPeer(parse(argv), out);
        long timeoutMillis = Long.parseLong(peer.args.getOrDefault("timeout-ms", "40000"));
        Thread.ofPlatform().daemon().name("peer-watchdog").start(() -> {
            try {
                Thread.sleep(timeoutMillis);
            } catch (InterruptedException e) {
                return;
            }
            peer.line(FAILED + "no result after " + timeoutMillis + " ms");
            Runtime.getRuntime().halt(2);
        });
        Thread.ofPlatform().daemon().name("peer-stdin").start(peer::readStdin);
        try {
            peer.run();
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            peer.line(FAILED + oneLine(t));
            System.exit(1);
        }
    }

    private void run() throws Exception {
        boolean alice = IceRole.valueOf(args.get("role").toUpperCase(Locale.ROOT)) == IceRole.CONTROLLING;
        TestOrganization org = TestOrganization.seeded("Netlab", Long.parseLong(args.getOrDefault("seed", "1")));
        LocalCredentials aliceCredentials = org.enroll("alice");
        LocalCredentials bobCredentials = org.enroll("bob");
        // Alice holds her ticket before GO, as an application does when it starts a connection.
        SignedTicket ticket = org.ticket(aliceCredentials, bobCredentials);
        long total = Long.parseLong(args.getOrDefault("bytes", Long.toString(8L << 20)));
        IceSettings settings = new IceSettings(alice ? IceRole.CONTROLLING : IceRole.CONTROLLED, servers(),
                hostAddresses(), Duration.ofMillis(
                        Long.parseLong(args.getOrDefault("ice-timeout-ms", "20000"))));
        String consent = args.get("consent-ms");
        if (consent != null) {
            String[] t = consent.split("/");
            settings = settings.withConsent(Duration.ofMillis(Long.parseLong(t[0])), Duration.ofMillis(Long.parseLong(t[1])));
        }
        if (Boolean.parseBoolean(args.getOrDefault("warm", "true"))) {
            warmUp(org, aliceCredentials, bobCredentials);
        }
        line(READY);
        go.await();
        goNanos = System.nanoTime();
        result.put("role", alice ? "controlling" : "controlled");

        try (IceTransport transport = new IceTransport(settings, signaling)) {
            DatagramPath path = transport.connect().get(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            result.put("ice_done_ms", sinceGo());
            result.put("local_type", path.localType().token());
            result.put("local", address(path.localAddress()));
            result.put("remote_type", path.remoteType().token());
            result.put("remote", address(path.remoteAddress()));
            DatagramInbox inbox = DatagramInbox.of(path);
            long handshakeStart = System.nanoTime();
            SessionHandshake.Established established = alice
                    ? SessionHandshake.initiate(path, inbox, new HandshakeInitiator(aliceCredentials, ticket,
                            org.verifier(), 0x1111L, RANDOM, System::nanoTime),
                            SessionHandshake.Timing.DEFAULT)
                    : SessionHandshake.respond(path, inbox, () -> new HandshakeResponder(bobCredentials, org.verifier(),
                            0x2222L, RANDOM, System::nanoTime), SessionHandshake.Timing.DEFAULT);
            result.put("handshake_ms", millis(System.nanoTime() - handshakeStart));
            result.put("handshake_done_ms", sinceGo());
            result.put("peer", established.result().peer().identity().user());
            SessionConfig config = SessionConfig.defaults().withBuffers(
                    Integer.parseInt(args.getOrDefault("window", "4194304")),
                    Integer.parseInt(args.getOrDefault("send-buffer", "8388608")));
            try (UdpSession session = UdpSession.start(path, inbox, established, config, new SplittableRandom(alice ? 1 : 2));
                    ConnectedSession connected = consent == null ? null : ConnectedSession.start(transport, session, mobility())) {
                if (alice) {
                    receive(session, total);
                } else {
                    // The sender's congestion state every 500 ms into the log: why a shaped link runs below its rate.
                    Thread.ofPlatform().daemon().name("peer-stats").start(() -> logCongestion(session));
                    send(session, total);
                }
                // What the application sees of the path: the statistics must name the pair ICE selected.
                SessionStats stats = session.stats();
                result.put("stats_local_type", stats.path().localType().token());
                result.put("stats_local", address(stats.path().local()));
                result.put("stats_remote_type", stats.path().remoteType().token());
                result.put("stats_remote", address(stats.path().remote()));
                result.put("pmtu", Integer.toString(stats.path().pmtu()));
                result.put("srtt_ms", millis(stats.rtt().smoothed().toNanos()));
                result.put("packets_sent", Long.toString(stats.packetsSent()));
                result.put("inbound_drops", Long.toString(stats.drops().inboundTotal()));
                if (connected != null) {
                    result.put("migrations", Long.toString(session.migrations()));
                    result.put("final_local", address(connected.path().localAddress()));
                    result.put("final_remote", address(connected.path().remoteAddress()));
                    result.put("path_lost_ms", String.valueOf(pathLostMs));
                    result.put("migrated_ms", String.valueOf(migratedMs));
                }
                result.putAll(congestion(stats));
                line(RESULT + format(result));
                exit.await(); // keep ACKing until the test has both results
            }
        }
    }

    /**
     * Loads and runs the code of a connection once in this process (ICE over loopback, a handshake
     * in memory), so the measured setup is that of a running application, not of a cold JVM.
     */
    private static void warmUp(TestOrganization org, LocalCredentials alice, LocalCredentials bob) throws Exception {
        InMemorySignaling[] signaling = InMemorySignaling.pair();
        try (IceTransport a = new IceTransport(IceSettings.loopback(IceRole.CONTROLLING, Duration.ofSeconds(20)), signaling[0]);
                IceTransport b = new IceTransport(IceSettings.loopback(IceRole.CONTROLLED, Duration.ofSeconds(20)), signaling[1])) {
            CompletableFuture<DatagramPath> pa = a.connect();
            CompletableFuture<DatagramPath> pb = b.connect();
            pa.get(25, TimeUnit.SECONDS);
            pb.get(25, TimeUnit.SECONDS);
        } finally {
            signaling[0].close();
        }
        HandshakeInitiator initiator = new HandshakeInitiator(alice, org.ticket(alice, bob), org.verifier(), 1, RANDOM,
                System::nanoTime);
        HandshakeResponder responder = new HandshakeResponder(bob, org.verifier(), 2, RANDOM, System::nanoTime);
        byte[] response = responder.onInit(ByteBuffer.wrap(initiator.start()));
        responder.onFinish(ByteBuffer.wrap(initiator.onResponse(ByteBuffer.wrap(response)).finishDatagram()));
    }

    /** Records the last path loss and migration of a {@link ConnectedSession}, for the RESULT. */
    private ConnectedSession.Listener mobility() {
        return new ConnectedSession.Listener() {
            @Override
            public void onMigrated(DatagramPath from, DatagramPath to) {
                migratedMs = sinceGo();
                System.err.println("migrated " + from + " -> " + to);
            }

            @Override
            public void onPathLost(DatagramPath path) {
                pathLostMs = sinceGo();
                System.err.println("consent lost on " + path);
            }

            @Override
            public void onFailure(Throwable cause, boolean willRetry) {
                System.err.println("restart or migration failed (retry " + willRetry + "): " + cause);
            }
        };
    }

    private void send(UdpSession session, long total) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong voiceSent = new AtomicLong();
        long voiceMs = Long.parseLong(args.getOrDefault("voice-ms", "0"));
        Thread voice = voiceMs <= 0 ? null
                : Thread.ofPlatform().daemon().name("peer-voice").start(() -> sendVoice(session, voiceMs, stop, voiceSent));
        try {
            sendStream(session, total);
        } finally {
            stop.set(true);
        }
        if (voice != null) {
            voice.join(5000);
            result.put("voice_sent", Long.toString(voiceSent.get()));
        }
    }

    /** A 160-byte frame every {@code everyMs} on the voice channel until {@code stop}, as a call sends them. */
    private static void sendVoice(UdpSession session, long everyMs, AtomicBoolean stop, AtomicLong sent) {
        byte[] source = seededPrefix(VOICE_SOURCE);
        long next = System.nanoTime();
        try {
            for (int i = 0; !stop.get(); i++) {
                int at = i % (VOICE_SOURCE / VOICE_FRAME) * VOICE_FRAME;
                if (session.sendDatagram(VOICE_CHANNEL, Arrays.copyOfRange(source, at, at + VOICE_FRAME))) {
                    sent.incrementAndGet();
                }
                next += TimeUnit.MILLISECONDS.toNanos(everyMs);
                LockSupport.parkNanos(next - System.nanoTime());
            }
        } catch (SessionFailure e) {
            System.err.println("voice stopped: " + e);
        }
    }

    private void sendStream(UdpSession session, long total) throws Exception {
        byte[] chunk = new byte[CHUNK];
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        SplittableRandom data = new SplittableRandom(DATA_SEED);
        for (long written = 0; written < total; ) {
            int n = (int) Math.min(chunk.length, total - written);
            data.nextBytes(chunk);
            digest.update(chunk, 0, n);
            session.write(0, ByteBuffer.wrap(chunk, 0, n));
            written += n;
        }
        session.finish(0);
        if (!session.awaitSendDone(0, Duration.ofSeconds(20))) {
            throw new IllegalStateException("stream 0 not acknowledged within 20 s");
        }
        result.put("send_done_ms", sinceGo());
        result.put("bytes", Long.toString(total));
        result.put("sha256", HexFormat.of().formatHex(digest.digest()));
    }

    private void receive(UdpSession session, long total) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        long[] voiceCounts = new long[2];
        Thread voice = !args.containsKey("voice-ms") ? null
                : Thread.ofPlatform().daemon().name("peer-voice").start(() -> countVoice(session, stop, voiceCounts));
        try {
            receiveStream(session, total);
        } finally {
            stop.set(true);
        }
        if (voice != null) {
            voice.join(5000);
            synchronized (voiceCounts) {
                result.put("voice_received", Long.toString(voiceCounts[0]));
                result.put("voice_other", Long.toString(voiceCounts[1]));
            }
        }
    }

    /** Counts voice frames until {@code stop}: [0] slices of the seeded prefix, [1] anything else. */
    private static void countVoice(UdpSession session, AtomicBoolean stop, long[] counts) {
        byte[] source = seededPrefix(VOICE_SOURCE);
        try {
            while (!stop.get()) {
                Optional<DatagramFrame> frame = session.receiveDatagram(Duration.ofMillis(50));
                if (frame.isPresent()) {
                    boolean expected = isVoiceFrame(frame.get(), source);
                    synchronized (counts) {
                        counts[expected ? 0 : 1]++;
                    }
                }
            }
        } catch (SessionFailure | InterruptedException e) {
            System.err.println("voice receiver stopped: " + e);
        }
    }

    private static boolean isVoiceFrame(DatagramFrame frame, byte[] source) {
        byte[] data = frame.data();
        if (frame.channelId() != VOICE_CHANNEL || data.length != VOICE_FRAME) {
            return false;
        }
        for (int at = 0; at + VOICE_FRAME <= source.length; at += VOICE_FRAME) {
            if (Arrays.equals(data, 0, VOICE_FRAME, source, at, at + VOICE_FRAME)) {
                return true;
            }
        }
        return false;
    }

    private void receiveStream(UdpSession session, long total) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
        long progressEvery = Long.parseLong(args.getOrDefault("progress-bytes", "0"));
        long received = 0;
        long first = 0;
        long previous = 0;
        long maxGap = 0;
        long maxGapEnd = 0;
        for (int n = session.read(0, buffer); n >= 0; n = session.read(0, buffer.clear())) {
            long now = System.nanoTime();
            if (received == 0) {
                first = now;
                result.put("first_byte_ms", sinceGo());
            } else if (now - previous > maxGap) {
                maxGap = now - previous;
                maxGapEnd = now;
            }
            previous = now;
            digest.update(buffer.array(), 0, n);
            if (progressEvery > 0 && (received + n) / progressEvery > received / progressEvery) {
                line(PROGRESS + "bytes=" + (received + n) + " ms=" + sinceGo());
            }
            received += n;
        }
        long last = System.nanoTime();
        result.put("max_gap_ms", millis(maxGap));
        result.put("max_gap_end_ms", millis(maxGapEnd - goNanos));
        result.put("last_byte_ms", sinceGo());
        byte[] got = digest.digest();
        result.put("bytes", Long.toString(received));
        result.put("sha256", HexFormat.of().formatHex(got));
        result.put("verified", Boolean.toString(received == total && Arrays.equals(got, expectedDigest(total))));
        double seconds = (last - first) / 1e9;
        result.put("goodput_mbit_s", String.format(Locale.ROOT, "%.1f", received * 8 / seconds / 1e6));
    }

    private void logCongestion(UdpSession session) {
        try {
            for (;;) {
                Thread.sleep(500);
                System.err.println("congestion t_ms=" + sinceGo() + " " + format(congestion(session.stats())));
            }
        } catch (InterruptedException e) {
            // daemon: ends with the JVM
        }
    }

    /** Congestion window, bytes in flight, pacing and send rate, RTTs and loss of a snapshot, as RESULT fields. */
    private static Map<String, String> congestion(SessionStats stats) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cwnd", Long.toString(stats.congestion().congestionWindow()));
        m.put("in_flight", Long.toString(stats.congestion().bytesInFlight()));
        m.put("pacing_mbit_s", String.format(Locale.ROOT, "%.1f", stats.congestion().pacingRate() * 8 / 1e6));
        m.put("send_mbit_s", String.format(Locale.ROOT, "%.1f", stats.sendRate() * 8 / 1e6));
        m.put("min_rtt_ms", millis(stats.rtt().min().toNanos()));
        m.put("latest_rtt_ms", millis(stats.rtt().latest().toNanos()));
        m.put("loss_rate", String.format(Locale.ROOT, "%.4f", stats.lossRate()));
        return m;
    }

    /** The first {@code n} (at most 64 KiB) bytes the sender writes on stream 0. */
    static byte[] seededPrefix(int n) {
        byte[] chunk = new byte[CHUNK];
        new SplittableRandom(DATA_SEED).nextBytes(chunk);
        return Arrays.copyOf(chunk, n);
    }

    /** SHA-256 of the first {@code total} bytes the sender writes. */
    static byte[] expectedDigest(long total) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        SplittableRandom data = new SplittableRandom(DATA_SEED);
        byte[] chunk = new byte[CHUNK];
        for (long done = 0; done < total; ) {
            int n = (int) Math.min(chunk.length, total - done);
            data.nextBytes(chunk);
            digest.update(chunk, 0, n);
            done += n;
        }
        return digest.digest();
    }

    /** {@code --host}: one address, or {@code any} for every usable interface address at each gathering (so a restart sees a new one). */
    private List<InetAddress> hostAddresses() throws Exception {
        String host = args.get("host");
        return host.equals("any") ? List.of() : List.of(InetAddress.getByName(host));
    }

    private IceServers servers() {
        String list = args.getOrDefault("servers", "");
        List<String> uris = list.isEmpty() ? List.of() : List.of(list.split(","));
        String secret = args.get("turn-secret");
        TurnCredentials credentials = secret == null ? null : TurnCredentials.coturnRest(
                secret.getBytes(StandardCharsets.UTF_8), args.get("role"), Instant.now().plus(Duration.ofHours(1)));
        return IceServers.of(uris, credentials);
    }

    private void readStdin() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(StdioSignaling.PREFIX)) {
                    signaling.deliver(line.substring(StdioSignaling.PREFIX.length()));
                } else if (line.equals(GO)) {
                    go.countDown();
                } else if (line.equals(EXIT)) {
                    exit.countDown();
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
        }
        // The test that started us is gone (or closed our stdin to stop us).
        Runtime.getRuntime().halt(3);
    }

    private void line(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    private String sinceGo() {
        return millis(System.nanoTime() - goNanos);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static String address(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    private static String format(Map<String, String> values) {
        StringBuilder s = new StringBuilder();
        values.forEach((k, v) -> s.append(s.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return s.toString();
    }

    private static String oneLine(Throwable t) {
        StringBuilder s = new StringBuilder(String.valueOf(t));
        for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
            s.append(" <- ").append(c);
        }
        return s.toString().replace('\n', ' ').replace('\r', ' ');
    }

    private static Map<String, String> parse(String[] argv) {
        Map<String, String> m = new HashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("arguments are --key=value, got " + a);
            }
            m.put(a.substring(2, eq), a.substring(eq + 1));
        }
        if (!m.containsKey("role") || !m.containsKey("host")) {
            throw new IllegalArgumentException("--role and --host are required");
        }
        return m;
    }
}
