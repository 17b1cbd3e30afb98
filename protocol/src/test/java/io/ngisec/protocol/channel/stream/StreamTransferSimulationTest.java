package io.ngisec.protocol.channel.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ngisec.protocol.fuzz.FuzzInputs;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * 64 MiB from a {@link SendStream} to a {@link ReceiveStream} over a simulated link that drops,
 * reorders and duplicates packets, with acks and credit updates dropped and delayed too, a small
 * receive window and an application that reads slower than the link could carry. Time is a step
 * counter; every random choice comes from one seed, printed when anything fails.
 */
class StreamTransferSimulationTest {

    private static final long TOTAL = 64L << 20;
    private static final int PAYLOAD = 1200;
    private static final int SEND_BUFFER = 256 << 10;
    private static final int RECEIVE_WINDOW = 128 << 10;
    private static final int PACKETS_PER_STEP = 24;
    private static final int MAX_READ_PER_STEP = 48 << 10;

    private static final double DATA_LOSS = 0.05;
    private static final double DATA_DUPLICATION = 0.02;
    private static final double ACK_LOSS = 0.10;
    private static final int BASE_DELAY = 4;         // steps, each way
    private static final double LATE = 0.15;         // share of packets held up to MAX_LATENESS more steps
    private static final int MAX_LATENESS = 3;
    private static final int ACK_REPEAT_STEPS = 4;   // an ack repeats what arrived in this many steps
    private static final int REORDER_STEPS = MAX_LATENESS + 1;
    private static final int LOSS_TIMEOUT_STEPS = 2 * (2 * (BASE_DELAY + MAX_LATENESS)) + 1; // > 2 round trips
    private static final int MAX_STEPS = 200_000;

    private record Packet(long id, long offset, byte[] data, boolean fin, long deliverAt, long order) { }

    private record Ack(long[] ids, long maxOffset, long deliverAt, long order) { }

    private record InFlight(long offset, int length, boolean fin, long sentAt) { }

    private record Arrival(long id, long step) { }

    private final FuzzInputs inputs = new FuzzInputs("StreamTransferSimulationTest");
    private final SplittableRandom link = inputs.random().split();
    private final SplittableRandom content = inputs.random().split();
    private final SplittableRandom reader = inputs.random().split();

    private final SendStream sender = new SendStream(SEND_BUFFER, RECEIVE_WINDOW);
    private final ReceiveStream receiver = new ReceiveStream(RECEIVE_WINDOW, ReceiveStream.DEFAULT_MAX_RANGES);
    private final PriorityQueue<Packet> toReceiver = new PriorityQueue<>(
            Comparator.comparingLong(Packet::deliverAt).thenComparingLong(Packet::order));
    private final PriorityQueue<Ack> toSender = new PriorityQueue<>(
            Comparator.comparingLong(Ack::deliverAt).thenComparingLong(Ack::order));
    private final Map<Long, InFlight> inFlight = new LinkedHashMap<>();
    private final ArrayDeque<Arrival> recentArrivals = new ArrayDeque<>();

    private final MessageDigest written = sha256();
    private final MessageDigest read = sha256();
    private final ByteBuffer source = ByteBuffer.allocate(64 << 10).limit(0);
    private final ByteBuffer sink = ByteBuffer.allocate(MAX_READ_PER_STEP);

    private long step;
    private long nextPacketId;
    private long order;
    private long largestAckedSentAt = -1;
    private long generated;
    private long readTotal;
    private long packetsSent;
    private long packetsDropped;
    private long acksDropped;
    private long blockedSteps;
    private long maxSendBuffered;
    private long maxReceiveBuffered;

    @Test
    void movesSixtyFourMebibytesBitExactThroughALossyLink() throws StreamException {
        String seed = inputs.describe(0, new byte[0]);
        for (step = 0; !(sender.isDone() && receiver.isFinished()); step++) {
            if (step == MAX_STEPS) {
                fail("stuck after %d steps (%s): sent %d, acked %d, read %d", step, seed,
                        sender.bytesSent(), sender.bytesAcked(), readTotal);
            }
            applicationWrites();
            deliverAcks();
            detectLosses();
            sendPackets();
            deliverPackets();
            applicationReads();
            sendAck();
            maxSendBuffered = Math.max(maxSendBuffered, sender.bufferedBytes());
            maxReceiveBuffered = Math.max(maxReceiveBuffered, receiver.bufferedBytes());
            assertThat(sender.bufferedBytes()).as(seed).isLessThanOrEqualTo(SEND_BUFFER);
            assertThat(receiver.bufferedBytes()).as(seed).isLessThanOrEqualTo(RECEIVE_WINDOW);
        }

        String report = "%s: %d steps, %d packets (%d dropped), %d acks dropped, %d bytes retransmitted (%.2f%%),"
                + " blocked on credit in %d steps, max buffered: send %d, receive %d";
        System.out.println(report.formatted(seed, step, packetsSent, packetsDropped, acksDropped,
                sender.bytesRetransmitted(), 100.0 * sender.bytesRetransmitted() / TOTAL, blockedSteps,
                maxSendBuffered, maxReceiveBuffered));
        assertThat(readTotal).as(seed).isEqualTo(TOTAL);
        assertThat(HexFormat.of().formatHex(read.digest())).as(seed)
                .isEqualTo(HexFormat.of().formatHex(written.digest()));
        assertThat(sender.bytesSent()).as(seed).isEqualTo(TOTAL);
        assertThat(sender.bytesAcked()).as(seed).isEqualTo(TOTAL);
        // Each drop costs one resend (a resend can be dropped too): about DATA_LOSS / (1 - DATA_LOSS)
        // of the stream, plus the few resends of delivered packets whose every ack was dropped.
        assertThat(sender.bytesRetransmitted()).as(seed)
                .isGreaterThan(0)
                .isLessThan((long) (TOTAL * DATA_LOSS * 1.5));
        assertThat(blockedSteps).as(seed + ": the window should limit the sender").isPositive();
    }

    private void applicationWrites() {
        while (generated < TOTAL || source.hasRemaining()) {
            if (!source.hasRemaining()) {
                int n = (int) Math.min(source.capacity(), TOTAL - generated);
                source.clear().limit(n);
                content.nextBytes(source.array());
                generated += n;
            }
            int from = source.position();
            int taken = sender.write(source);
            written.update(source.array(), from, taken);
            if (taken == 0) {
                return;
            }
        }
        sender.finish();
    }

    private void deliverAcks() {
        while (!toSender.isEmpty() && toSender.peek().deliverAt() <= step) {
            Ack ack = toSender.poll();
            sender.updateCredit(ack.maxOffset());
            for (long id : ack.ids()) {
                InFlight packet = inFlight.remove(id);
                if (packet != null) {
                    ackChunk(packet);
                    largestAckedSentAt = Math.max(largestAckedSentAt, packet.sentAt());
                }
            }
        }
    }

    private void ackChunk(InFlight packet) {
        try {
            sender.onAcked(packet.offset(), packet.length(), packet.fin());
        } catch (StreamException e) {
            throw new AssertionError(e);
        }
    }

    /** Lost: sent well before a packet since acked (reordering is bounded), or unanswered too long. */
    private void detectLosses() throws StreamException {
        for (Iterator<InFlight> it = inFlight.values().iterator(); it.hasNext(); ) {
            InFlight packet = it.next();
            boolean overtaken = packet.sentAt() + REORDER_STEPS <= largestAckedSentAt;
            boolean timedOut = packet.sentAt() + LOSS_TIMEOUT_STEPS <= step;
            if (!overtaken && !timedOut) {
                return;                                          // the rest were sent later still
            }
            it.remove();
            sender.onLost(packet.offset(), packet.length(), packet.fin());
        }
    }

    private void sendPackets() throws StreamException {
        for (int i = 0; i < PACKETS_PER_STEP; i++) {
            var next = sender.nextChunk(PAYLOAD);
            if (next.isEmpty()) {
                if (sender.isBlocked()) {
                    blockedSteps++;
                }
                return;
            }
            StreamChunk chunk = next.get();
            byte[] sealed = new byte[chunk.length()];            // what sealing into a packet would copy
            chunk.data().get(sealed);
            long id = nextPacketId++;
            inFlight.put(id, new InFlight(chunk.offset(), sealed.length, chunk.fin(), step));
            packetsSent++;
            if (link.nextDouble() < DATA_LOSS) {
                packetsDropped++;
                continue;
            }
            int copies = link.nextDouble() < DATA_DUPLICATION ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                toReceiver.add(new Packet(id, chunk.offset(), sealed, chunk.fin(), step + delay(), order++));
            }
        }
    }

    private void deliverPackets() throws StreamException {
        while (!toReceiver.isEmpty() && toReceiver.peek().deliverAt() <= step) {
            Packet packet = toReceiver.poll();
            receiver.onData(packet.offset(), ByteBuffer.wrap(packet.data()), packet.fin());
            recentArrivals.add(new Arrival(packet.id(), step));
        }
    }

    private void applicationReads() {
        sink.clear().limit(reader.nextInt(MAX_READ_PER_STEP + 1));
        int n = receiver.read(sink);
        if (n > 0) {
            read.update(sink.array(), 0, n);
            readTotal += n;
        }
    }

    /** An ack of what arrived lately (repeated, as ACK ranges are), carrying the current credit. */
    private void sendAck() {
        while (!recentArrivals.isEmpty() && recentArrivals.peek().step() + ACK_REPEAT_STEPS <= step) {
            recentArrivals.poll();
        }
        boolean creditDue = receiver.pendingCreditUpdate().isPresent();
        if (recentArrivals.isEmpty() && !creditDue && step % 8 != 0) {
            return;                                              // the periodic ack resends lost credit
        }
        if (link.nextDouble() < ACK_LOSS) {
            acksDropped++;
            return;
        }
        List<Long> ids = new ArrayList<>(recentArrivals.size());
        recentArrivals.forEach(a -> ids.add(a.id()));
        long[] idArray = ids.stream().mapToLong(Long::longValue).toArray();
        toSender.add(new Ack(idArray, receiver.maxOffset(), step + delay(), order++));
    }

    private long delay() {
        return BASE_DELAY + (link.nextDouble() < LATE ? 1 + link.nextInt(MAX_LATENESS) : 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
