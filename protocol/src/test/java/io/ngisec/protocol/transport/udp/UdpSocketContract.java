package io.ngisec.protocol.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ngisec.protocol.fuzz.FuzzInputs;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UdpSocket} must do, run against each implementation by a subclass: batches
 * of datagrams of mixed sizes and traffic classes arrive byte-exact, in order (loopback keeps
 * it) and with the sender's address, over IPv4, IPv6 and a dual-stack socket; receive times out
 * with 0, returns 0 on a wake-up (wake-ups pile into one) and throws once closed; a datagram
 * longer than the slots is dropped and counted, never delivered cut; a closed port or a refused
 * destination does not stop the rest of a batch.
 */
abstract class UdpSocketContract {

    static final InetSocketAddress LOOPBACK_V4 = new InetSocketAddress("127.0.0.1", 0);
    static final InetSocketAddress LOOPBACK_V6 = new InetSocketAddress("::1", 0);
    static final int BUFFER_BYTES = 1 << 22;
    static final int SLOT_BYTES = 1500;
    /** Traffic class bytes: EF, AF11, AF31, best effort, CS6. */
    static final int[] CLASSES = {46 << 2, 10 << 2, 26 << 2, 0, 48 << 2};
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final List<UdpSocket> opened = new ArrayList<>();

    /** Binds the implementation under test. */
    abstract UdpSocket bind(InetSocketAddress address, int receiveBufferBytes, int sendBufferBytes) throws IOException;

    UdpSocket open(InetSocketAddress address) throws IOException {
        UdpSocket s = bind(address, BUFFER_BYTES, BUFFER_BYTES);
        opened.add(s);
        return s;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(UdpSocket::close);
    }

    @Test
    void batchesOfMixedSizesArriveExactWithTheirSourceOverIpv4() throws IOException {
        roundTrip(open(LOOPBACK_V4), open(LOOPBACK_V4), new FuzzInputs("udp-batches-v4"));
    }

    @Test
    void batchesOfMixedSizesArriveExactWithTheirSourceOverIpv6() throws IOException {
        UdpSocket sender = openIpv6OrSkip();
        roundTrip(sender, open(LOOPBACK_V6), new FuzzInputs("udp-batches-v6"));
    }

    @Test
    void aDualStackSocketReachesAndHearsIpv4Peers() throws IOException {
        UdpSocket dual = openIpv6Wildcard();
        UdpSocket v4 = open(LOOPBACK_V4);
        InetSocketAddress dualAtV4 = new InetSocketAddress("127.0.0.1", dual.localAddress().getPort());
        FuzzInputs inputs = new FuzzInputs("udp-dual-stack");

        List<byte[]> toDual = sendBatch(v4, dualAtV4, inputs, 20);
        Received in = receiveExactly(dual, toDual.size(), SLOT_BYTES);
        assertThat(in.datagrams()).containsExactlyElementsOf(toDual);
        assertThat(in.sources()).allSatisfy(a -> {
            assertThat(a.getAddress()).isInstanceOf(Inet4Address.class);
            assertThat(a).isEqualTo(v4.localAddress());
        });

        List<byte[]> back = sendBatch(dual, v4.localAddress(), inputs, 20);
        Received reply = receiveExactly(v4, back.size(), SLOT_BYTES);
        assertThat(reply.datagrams()).containsExactlyElementsOf(back);
        assertThat(reply.sources()).containsOnly(dualAtV4);
    }

    @Test
    void receiveReturnsZeroWhenNothingArrivesInTime() throws IOException {
        UdpSocket s = open(LOOPBACK_V4);
        DatagramBatch batch = new DatagramBatch(4, SLOT_BYTES);
        assertThat(s.receive(batch, 0)).isZero();
        assertThat(s.receive(batch, TimeUnit.MILLISECONDS.toNanos(20))).isZero();
        assertThat(batch.count()).isZero();
    }

    @Test
    void wakeUpsBeforeAReceivePileIntoOne() throws Exception {
        UdpSocket receiver = open(LOOPBACK_V4);
        UdpSocket sender = open(LOOPBACK_V4);
        receiver.wakeup();
        receiver.wakeup();
        receiver.wakeup();
        DatagramBatch batch = new DatagramBatch(4, SLOT_BYTES);
        assertThat(receiver.receive(batch, -1)).as("ended by the pending wake-up").isZero();

        // The three wake-ups were one: the next wait lasts until a datagram comes.
        CompletableFuture<Integer> next = async(() -> receiveOrFail(receiver, batch, -1));
        Thread.sleep(100);
        sendBatch(sender, receiver.localAddress(), new FuzzInputs("udp-wakeup-pile"), 1);
        assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void wakeupEndsABlockedReceiveWithZero() throws Exception {
        UdpSocket s = open(LOOPBACK_V4);
        DatagramBatch batch = new DatagramBatch(4, SLOT_BYTES);
        CompletableFuture<Integer> blocked = async(() -> receiveOrFail(s, batch, -1));
        Thread.sleep(50);
        s.wakeup();
        assertThat(blocked.get(5, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void closeWakesABlockedReceiverWithClosedChannelException() throws Exception {
        UdpSocket s = open(LOOPBACK_V4);
        DatagramBatch batch = new DatagramBatch(4, SLOT_BYTES);
        CompletableFuture<Integer> blocked = async(() -> receiveOrFail(s, batch, -1));
        Thread.sleep(50);
        s.close();
        assertThatThrownBy(() -> blocked.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().hasCauseInstanceOf(ClosedChannelException.class);
    }

    @Test
    void aClosedSocketThrowsAndClosesOnce() throws IOException {
        UdpSocket s = open(LOOPBACK_V4);
        DatagramBatch batch = new DatagramBatch(2, SLOT_BYTES);
        batch.add(s.localAddress(), 0).put((byte) 1);
        s.close();
        s.close();
        s.wakeup();
        assertThatThrownBy(() -> s.send(batch)).isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(() -> s.receive(batch, 0)).isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(() -> s.receive(batch, -1)).isInstanceOf(ClosedChannelException.class);
    }

    @Test
    void datagramsLongerThanTheSlotsAreDroppedAndCounted() throws IOException {
        UdpSocket receiver = open(LOOPBACK_V4);
        UdpSocket sender = open(LOOPBACK_V4);
        FuzzInputs inputs = new FuzzInputs("udp-truncation");
        int[] sizes = {50, 200, 100, 101, 60, 1000, 0, 70};
        DatagramBatch out = new DatagramBatch(sizes.length, 1000);
        List<byte[]> fitting = new ArrayList<>();
        for (int size : sizes) {
            byte[] d = inputs.bytes(size);
            out.add(receiver.localAddress(), 0).put(d);
            if (size <= 100) {
                fitting.add(d);
            }
        }
        assertThat(sender.send(out)).isEqualTo(sizes.length);

        Received in = receiveExactly(receiver, fitting.size(), 100);
        assertThat(in.datagrams()).containsExactlyElementsOf(fitting);
        assertThat(receiver.truncatedDrops()).isEqualTo(3);
    }

    @Test
    void aClosedPortDoesNotStopTheRestOfTheBatch() throws Exception {
        UdpSocket receiver = open(LOOPBACK_V4);
        UdpSocket sender = open(LOOPBACK_V4);
        UdpSocket gone = bind(LOOPBACK_V4, 0, 0);
        InetSocketAddress closedPort = gone.localAddress();
        gone.close();
        FuzzInputs inputs = new FuzzInputs("udp-closed-port");
        List<byte[]> expected = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            DatagramBatch out = new DatagramBatch(6, SLOT_BYTES);
            for (int i = 0; i < 6; i++) {
                byte[] d = inputs.bytes(1 + i);
                out.add(i % 2 == 0 ? receiver.localAddress() : closedPort, CLASSES[i % CLASSES.length]).put(d);
                if (i % 2 == 0) {
                    expected.add(d);
                }
            }
            assertThat(sender.send(out)).as("UDP does not know the port is closed").isEqualTo(6);
            Thread.sleep(20); // the ICMP port unreachable of the first round arrives before the second
        }
        assertThat(receiveExactly(receiver, expected.size(), SLOT_BYTES).datagrams()).containsExactlyElementsOf(expected);
        assertThat(sender.refusedSends()).isZero();
    }

    @Test
    void aRefusedDestinationIsSkippedAndCountedAndTheRestGo() throws IOException {
        UdpSocket receiver = open(LOOPBACK_V4);
        UdpSocket sender = open(LOOPBACK_V4);
        FuzzInputs inputs = new FuzzInputs("udp-refused");
        // Broadcast without SO_BROADCAST (EACCES) and an IPv6 peer for an IPv4 socket.
        InetSocketAddress[] refused = {new InetSocketAddress("255.255.255.255", 9), new InetSocketAddress("::1", 9)};
        DatagramBatch out = new DatagramBatch(5, SLOT_BYTES);
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byte[] d = inputs.bytes(10 + i);
            out.add(i % 2 == 0 ? receiver.localAddress() : refused[i / 2], 0).put(d);
            if (i % 2 == 0) {
                expected.add(d);
            }
        }
        assertThat(sender.send(out)).isEqualTo(3);
        assertThat(sender.refusedSends()).isEqualTo(2);
        assertThat(receiveExactly(receiver, 3, SLOT_BYTES).datagrams()).containsExactlyElementsOf(expected);
    }

    // --- helpers ---

    UdpSocket openIpv6OrSkip() {
        try {
            return open(LOOPBACK_V6);
        } catch (IOException e) {
            assumeTrue(false, "no IPv6 loopback: " + e);
            return null;
        }
    }

    UdpSocket openIpv6Wildcard() {
        try {
            return open(new InetSocketAddress("::", 0));
        } catch (IOException e) {
            assumeTrue(false, "no IPv6: " + e);
            return null;
        }
    }

    /** Sends 600 datagrams of 0 to 1500 bytes in batches of 32, each batch received before the next. */
    static void roundTrip(UdpSocket sender, UdpSocket receiver, FuzzInputs inputs) throws IOException {
        int total = 0;
        while (total < 600) {
            int n = 1 + inputs.random().nextInt(32);
            List<byte[]> sent = sendBatch(sender, receiver.localAddress(), inputs, n);
            Received in = receiveExactly(receiver, n, SLOT_BYTES);
            assertThat(in.datagrams()).containsExactlyElementsOf(sent);
            assertThat(in.sources()).containsOnly(sender.localAddress());
            total += n;
        }
    }

    /** Sends one batch of {@code n} random datagrams (sizes 0 to a slot, mixed classes) to {@code to}. */
    static List<byte[]> sendBatch(UdpSocket sender, InetSocketAddress to, FuzzInputs inputs, int n) throws IOException {
        DatagramBatch out = new DatagramBatch(n, SLOT_BYTES);
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] d = inputs.bytes(inputs.intBetween(0, SLOT_BYTES));
            out.add(to, CLASSES[inputs.random().nextInt(CLASSES.length)]).put(d);
            sent.add(d);
        }
        assertThat(sender.send(out)).isEqualTo(n);
        return sent;
    }

    record Received(List<byte[]> datagrams, List<InetSocketAddress> sources) {
    }

    /** Receives until {@code n} datagrams came (into batches of 7 slots, to cross batch boundaries). */
    static Received receiveExactly(UdpSocket receiver, int n, int slotBytes) throws IOException {
        DatagramBatch batch = new DatagramBatch(7, slotBytes);
        List<byte[]> datagrams = new ArrayList<>();
        List<InetSocketAddress> sources = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (datagrams.size() < n) {
            long left = deadline - System.nanoTime();
            assertThat(left).as("%d of %d datagrams arrived", datagrams.size(), n).isPositive();
            int got = receiver.receive(batch, left);
            assertThat(got).isEqualTo(batch.count());
            for (int i = 0; i < got; i++) {
                ByteBuffer slot = batch.slot(i);
                byte[] d = new byte[slot.remaining()];
                slot.get(d);
                datagrams.add(d);
                sources.add(batch.address(i));
            }
        }
        assertThat(datagrams).as("no more than sent").hasSize(n);
        return new Received(datagrams, sources);
    }

    /** Runs {@code task} on a thread of its own: blocking calls must not tie up a shared pool. */
    static <T> CompletableFuture<T> async(java.util.function.Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, r -> Thread.ofPlatform().daemon().name("udp-test").start(r));
    }

    static int receiveOrFail(UdpSocket s, DatagramBatch batch, long timeoutNanos) {
        try {
            return s.receive(batch, timeoutNanos);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
