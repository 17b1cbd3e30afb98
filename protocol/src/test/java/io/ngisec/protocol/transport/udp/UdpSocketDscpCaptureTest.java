package io.ngisec.protocol.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the network sees of a batch: one batch carrying datagrams of five classes leaves each
 * socket with each datagram's own DSCP in its IPv4 header or IPv6 traffic class, captured with
 * tshark on lo. Covers {@link LinuxUdpSocket} over IPv4, IPv6 and a dual-stack socket sending
 * to an IPv4 peer (IP_TOS through the IPv4-mapped path), and {@link NioUdpSocket} over IPv4.
 * Needs root and tshark; skipped, saying which is missing, otherwise.
 */
class UdpSocketDscpCaptureTest {

    private static final byte[] MAGIC = "NGISEC-DSCP".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PROBE = "NGISEC-PROBE".getBytes(StandardCharsets.US_ASCII);
    private static final int PER_BATCH = 10;

    private final List<UdpSocket> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(UdpSocket::close);
    }

    @Test
    void eachDatagramOfABatchCarriesItsOwnDscpOnTheWire() throws Exception {
        String skip = TsharkCapture.skipReason();
        assumeTrue(skip == null, skip);
        assumeTrue(LinuxUdpSocket.isAvailable(), () -> "LinuxUdpSocket unavailable: " + LinuxUdpSocket.unavailableReason());

        InetSocketAddress v4 = UdpSocketContract.LOOPBACK_V4;
        InetSocketAddress v6 = UdpSocketContract.LOOPBACK_V6;
        List<Pair> pairs = List.of(
                new Pair("linux ipv4", keep(LinuxUdpSocket.bind(v4, 0, 0)), keep(LinuxUdpSocket.bind(v4, 0, 0)), false),
                new Pair("linux ipv6", keep(LinuxUdpSocket.bind(v6, 0, 0)), keep(LinuxUdpSocket.bind(v6, 0, 0)), false),
                new Pair("linux dual-stack to ipv4", keep(LinuxUdpSocket.bind(new InetSocketAddress("::", 0), 0, 0)),
                        keep(LinuxUdpSocket.bind(v4, 0, 0)), true),
                new Pair("nio ipv4", keep(NioUdpSocket.bind(v4, 0, 0)), keep(NioUdpSocket.bind(v4, 0, 0)), false));
        String ports = pairs.stream().map(p -> "src port " + p.sender().localAddress().getPort())
                .collect(Collectors.joining(" or "));

        List<String> lines;
        try (TsharkCapture capture = TsharkCapture.start("udp and (" + ports + ")",
                "udp.srcport", "ip.dsfield.dscp", "ipv6.tclass.dscp", "udp.payload", "ip.flags.df")) {
            awaitLive(capture, pairs.get(0));
            int probes = capture.lineCount();
            for (Pair p : pairs) {
                sendMixedBatch(p);
            }
            capture.awaitLines(probes + pairs.size() * PER_BATCH, 10_000);
            lines = capture.stop();
        }

        Map<Integer, Set<Integer>> dscpsByPort = new TreeMap<>();
        int captured = 0;
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            assertThat(f).as("tshark line %s", line).hasSize(5);
            byte[] payload = HexFormat.of().parseHex(f[3].replace(":", ""));
            if (Arrays.equals(payload, PROBE)) {
                continue;
            }
            int dscp = Integer.parseInt(f[1].isEmpty() ? f[2] : f[1]);
            if (!f[1].isEmpty()) {
                // IPv4: don't-fragment set, as datagram PLPMTUD needs (IPv6 never fragments on path).
                assertThat(f[4]).as("DF of %s from port %s", HexFormat.of().formatHex(payload), f[0]).isIn("1", "True");
            }
            assertThat(payload.length).isGreaterThan(MAGIC.length);
            int expected = (payload[0] & 0xff) >> 2;
            assertThat(dscp).as("DSCP of %s from port %s", HexFormat.of().formatHex(payload), f[0]).isEqualTo(expected);
            captured++;
            dscpsByPort.computeIfAbsent(Integer.parseInt(f[0]), k -> new TreeSet<>()).add(dscp);
        }
        System.out.printf("DSCP capture of batches: %d datagrams, DSCPs by source port %s%n", captured, dscpsByPort);
        Set<Integer> all = new TreeSet<>();
        for (int tc : UdpSocketContract.CLASSES) {
            all.add(tc >> 2);
        }
        for (Pair p : pairs) {
            assertThat(dscpsByPort.get(p.sender().localAddress().getPort())).as("DSCPs seen from %s", p.name()).isEqualTo(all);
        }
    }

    /**
     * Sends probes until tshark shows one: its "Capturing on" message may come before the filter
     * catches packets, and on a busy machine the first batch would be missed.
     */
    private static void awaitLive(TsharkCapture capture, Pair p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        DatagramBatch probe = new DatagramBatch(1, 64);
        while (capture.lineCount() == 0) {
            assertThat(System.nanoTime()).as("tshark shows a probe").isLessThan(deadline);
            probe.clear();
            probe.add(p.receiver().localAddress(), 0).put(PROBE);
            p.sender().send(probe);
            p.receiver().receive(new DatagramBatch(4, 64), TimeUnit.MILLISECONDS.toNanos(100));
            Thread.sleep(20);
        }
    }

    private UdpSocket keep(UdpSocket s) {
        opened.add(s);
        return s;
    }

    /** One batch cycling through the classes; each payload starts with its traffic class byte. */
    private static void sendMixedBatch(Pair p) throws IOException {
        InetSocketAddress to = p.toIpv4()
                ? new InetSocketAddress("127.0.0.1", p.receiver().localAddress().getPort())
                : p.receiver().localAddress();
        DatagramBatch batch = new DatagramBatch(PER_BATCH, 64);
        for (int i = 0; i < PER_BATCH; i++) {
            int tc = UdpSocketContract.CLASSES[i % UdpSocketContract.CLASSES.length];
            batch.add(to, tc).put((byte) tc).put(MAGIC).put((byte) i);
        }
        assertThat(p.sender().send(batch)).as(p.name()).isEqualTo(PER_BATCH);
        assertThat(UdpSocketContract.receiveExactly(p.receiver(), PER_BATCH, 64).datagrams()).as(p.name()).hasSize(PER_BATCH);
    }

    private record Pair(String name, UdpSocket sender, UdpSocket receiver, boolean toIpv4) {
    }
}
