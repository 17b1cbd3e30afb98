package io.ngisec.protocol.transport.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Datagrams per second of 1200 bytes over loopback, one sender thread and one receiver thread,
 * for: a connected blocking {@link DatagramChannel} pair writing and reading one datagram per
 * call (the raw Java reference, as in the session goodput benchmark), {@link NioUdpSocket} with batches of 32, and {@link LinuxUdpSocket} with
 * batches of 32 and 64. The variants run alternately (the order rotates each run) after one
 * unmeasured warm-up run, so a noisy shared machine disturbs them alike; the medians of the runs
 * are reported. Received is what counts (a sender faster than its receiver loses the excess in
 * the receive buffer, as on any UDP path). Run it with {@code protocol/udp-bench.sh [seconds per
 * run (3)] [runs (3)]}.
 */
public final class UdpSocketBenchmark {

    private static final int DATAGRAM_BYTES = 1200;
    private static final int BUFFER_BYTES = 1 << 22;
    private static final int TRAFFIC_CLASS = 10 << 2; // AF11, as bulk data is marked
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    private UdpSocketBenchmark() {
    }

    /** One measured run: datagrams per second sent and received. */
    record Rate(double sent, double received) {
    }

    interface Variant {
        String name();

        Rate run(long nanos) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long nanos = (long) (seconds * 1e9);
        List<Variant> variants = new ArrayList<>();
        variants.add(new RawChannel());
        variants.add(new Batched("NioUdpSocket, batches of 32", 32, false));
        if (LinuxUdpSocket.isAvailable()) {
            variants.add(new Batched("LinuxUdpSocket, batches of 32", 32, true));
            variants.add(new Batched("LinuxUdpSocket, batches of 64", 64, true));
        } else {
            System.out.println("LinuxUdpSocket unavailable: " + LinuxUdpSocket.unavailableReason());
        }
        System.out.printf("%d-byte datagrams over 127.0.0.1, %.1f s per run, %d runs (after a warm-up run)%n",
                DATAGRAM_BYTES, seconds, runs);
        for (Variant v : variants) {
            v.run(Math.min(nanos, TimeUnit.SECONDS.toNanos(1)));
        }
        Map<String, List<Rate>> results = new LinkedHashMap<>();
        variants.forEach(v -> results.put(v.name(), new ArrayList<>()));
        for (int run = 0; run < runs; run++) {
            for (int k = 0; k < variants.size(); k++) {
                Variant v = variants.get((k + run) % variants.size());
                Rate r = v.run(nanos);
                results.get(v.name()).add(r);
                System.out.printf("run %d  %-34s sent %,10.0f/s  received %,10.0f/s%n", run + 1, v.name(), r.sent(), r.received());
            }
        }
        double reference = median(results.get(RawChannel.NAME), Rate::received);
        System.out.println();
        System.out.println("variant | sent datagrams/s (median) | received datagrams/s (median) | received Gbit/s | vs raw");
        for (Map.Entry<String, List<Rate>> e : results.entrySet()) {
            double sent = median(e.getValue(), Rate::sent);
            double received = median(e.getValue(), Rate::received);
            System.out.printf("%s | %,.0f | %,.0f | %.2f | %.2fx%n", e.getKey(), sent, received,
                    received * DATAGRAM_BYTES * 8 / 1e9, received / reference);
        }
    }

    private static double median(List<Rate> rates, java.util.function.ToDoubleFunction<Rate> f) {
        double[] v = rates.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Counts what a receiver thread got; the sender reads it at the window's edges. */
    private abstract static class Receiver implements Runnable {
        volatile long received;
        volatile boolean stop;
        volatile Throwable failure;

        @Override
        public void run() {
            try {
                receiveUntilStopped();
            } catch (ClosedChannelException e) {
                // stopped by close
            } catch (Throwable t) {
                failure = t;
            }
        }

        abstract void receiveUntilStopped() throws IOException;
    }

    /** Sends until the window has passed and measures both ends over the same window. */
    private abstract static class Sender {
        long sent;

        /** Sends one call's worth and adds it to {@link #sent}. */
        abstract void sendSome() throws IOException;

        Rate measure(Receiver receiver, long nanos) throws IOException {
            long start = System.nanoTime();
            long sent0 = sent;
            long received0 = receiver.received;
            long end = start + nanos;
            long now;
            do {
                sendSome();
                now = System.nanoTime();
            } while (now < end);
            long sent1 = sent;
            long received1 = receiver.received;
            double elapsed = (now - start) / 1e9;
            return new Rate((sent1 - sent0) / elapsed, (received1 - received0) / elapsed);
        }
    }

    /** Blocking DatagramChannels, one datagram per call: what plain Java gives. */
    private static final class RawChannel implements Variant {
        static final String NAME = "DatagramChannel, one per call";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Rate run(long nanos) throws Exception {
            try (DatagramChannel in = open(); DatagramChannel out = open()) {
                in.connect(out.getLocalAddress());
                out.connect(in.getLocalAddress());
                Receiver receiver = new Receiver() {
                    @Override
                    void receiveUntilStopped() throws IOException {
                        ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
                        try {
                            while (!stop) {
                                in.read(buffer.clear());
                                received++;
                            }
                        } catch (AsynchronousCloseException e) {
                            // stopped
                        }
                    }
                };
                Thread t = Thread.ofPlatform().name("bench-receiver").start(receiver);
                ByteBuffer datagram = ByteBuffer.allocateDirect(DATAGRAM_BYTES);
                out.setOption(StandardSocketOptions.IP_TOS, TRAFFIC_CLASS);
                Sender sender = new Sender() {
                    @Override
                    void sendSome() throws IOException {
                        out.write(datagram.clear());
                        sent++;
                    }
                };
                Rate rate = sender.measure(receiver, nanos);
                receiver.stop = true;
                in.close();
                t.join();
                check(receiver);
                return rate;
            }
        }

        private static DatagramChannel open() throws IOException {
            DatagramChannel c = DatagramChannel.open();
            c.setOption(StandardSocketOptions.SO_RCVBUF, BUFFER_BYTES);
            c.setOption(StandardSocketOptions.SO_SNDBUF, BUFFER_BYTES);
            c.bind(LOOPBACK);
            return c;
        }
    }

    /** A {@link UdpSocket} pair sending and receiving batches. */
    private record Batched(String name, int batchSize, boolean linux) implements Variant {

        @Override
        public Rate run(long nanos) throws Exception {
            try (UdpSocket in = open(); UdpSocket out = open()) {
                InetSocketAddress to = in.localAddress();
                Receiver receiver = new Receiver() {
                    @Override
                    void receiveUntilStopped() throws IOException {
                        DatagramBatch batch = new DatagramBatch(batchSize, 2048);
                        while (!stop) {
                            received += in.receive(batch, TimeUnit.MILLISECONDS.toNanos(100));
                        }
                    }
                };
                Thread t = Thread.ofPlatform().name("bench-receiver").start(receiver);
                DatagramBatch batch = new DatagramBatch(batchSize, DATAGRAM_BYTES);
                for (int i = 0; i < batchSize; i++) {
                    batch.add(to, TRAFFIC_CLASS).position(DATAGRAM_BYTES);
                }
                Sender sender = new Sender() {
                    @Override
                    void sendSome() throws IOException {
                        sent += out.send(batch);
                    }
                };
                Rate rate = sender.measure(receiver, nanos);
                receiver.stop = true;
                in.wakeup();
                t.join();
                check(receiver);
                return rate;
            }
        }

        private UdpSocket open() throws IOException {
            return linux ? LinuxUdpSocket.bind(LOOPBACK, BUFFER_BYTES, BUFFER_BYTES)
                    : NioUdpSocket.bind(LOOPBACK, BUFFER_BYTES, BUFFER_BYTES);
        }
    }

    private static void check(Receiver receiver) {
        if (receiver.failure != null) {
            throw new IllegalStateException("receiver failed", receiver.failure);
        }
    }
}
