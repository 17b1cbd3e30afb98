package io.ngisec.protocol.congestion;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A deterministic discrete-event simulation of one bulk sender through one bottleneck: the sender
 * (LossDetector, a CongestionController, DeliveryRateSampler, Pacer) sends 1200-byte packets into
 * a drop-tail queue drained at the link rate, each packet is then lost at random with a fixed
 * probability or reaches the receiver after the one-way delay; the receiver acknowledges every
 * second packet (at once on a gap, else within max_ack_delay) and its ACKs come back after the
 * same delay without loss. Lost data is sent again in new packets. All time is simulated.
 */
final class BottleneckSimulation {

    static final int PACKET_BYTES = 1200;
    static final long MAX_ACK_DELAY_NANOS = 25_000_000L;
    private static final int MAX_ACK_RANGES = 32;

    /** The path: bottleneck rate, one-way delay, queue capacity and random loss probability. */
    record Path(long rateBitsPerSecond, long oneWayDelayNanos, long queueBytes, double lossProbability) {
    }

    /** What one run measured. */
    record Result(double goodputBitsPerSecond, double meanQueueingDelayNanos, long packetsSent,
                  long randomDrops, long queueDrops, long declaredLost) {

        double linkShare(Path path) {
            return goodputBitsPerSecond / path.rateBitsPerSecond();
        }
    }

    private record Event(long time, long seq, Runnable action) {
    }

    private final Path path;
    private final SplittableRandom random;
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;

    // Sender.
    private final RttEstimator rtt = new RttEstimator(MAX_ACK_DELAY_NANOS);
    private final LossDetector lossDetector = new LossDetector(rtt);
    private final DeliveryRateSampler sampler = new DeliveryRateSampler();
    private final Pacer pacer = new Pacer(2L * PACKET_BYTES);
    private final CongestionController controller;
    private final Map<Long, Long> dataOfPacket = new HashMap<>();
    private final Deque<Long> retransmissions = new ArrayDeque<>();
    private long nextPacketNumber;
    private long nextDataId;
    private long wakeAt = Long.MAX_VALUE;
    private long timerAt = Long.MAX_VALUE;
    private long packetsSent;
    private long declaredLost;

    // Bottleneck.
    private final long serializationNanos;
    private final Deque<long[]> waiting = new ArrayDeque<>(); // {service start, bytes}
    private long waitingBytes;
    private long linkFreeAt;
    private long queueingDelaySum;
    private long queued;
    private long randomDrops;
    private long queueDrops;

    // Receiver.
    private final ReceivedPacketNumbers receivedRanges = new ReceivedPacketNumbers(2 * MAX_ACK_RANGES);
    private final BitSet receivedData = new BitSet();
    private long largestReceived = -1;
    private long largestReceivedAt;
    private int unackedPackets;
    private long ackTimerGeneration;

    private BottleneckSimulation(Path path, Function<RttEstimator, CongestionController> controllerFactory, SplittableRandom random) {
        this.path = path;
        this.random = random;
        this.controller = controllerFactory.apply(rtt);
        this.serializationNanos = PACKET_BYTES * 8L * 1_000_000_000L / path.rateBitsPerSecond();
    }

    /** Runs a bulk transfer for {@code durationNanos} of simulated time. */
    static Result run(Path path, Function<RttEstimator, CongestionController> controllerFactory,
                      long durationNanos, SplittableRandom random) {
        BottleneckSimulation sim = new BottleneckSimulation(path, controllerFactory, random);
        sim.at(0, sim::trySend);
        while (!sim.events.isEmpty() && sim.events.peek().time <= durationNanos) {
            Event e = sim.events.poll();
            sim.now = e.time;
            e.action.run();
        }
        double seconds = durationNanos / 1e9;
        return new Result(sim.receivedData.cardinality() * PACKET_BYTES * 8.0 / seconds,
                sim.queued == 0 ? 0 : (double) sim.queueingDelaySum / sim.queued,
                sim.packetsSent, sim.randomDrops, sim.queueDrops, sim.declaredLost);
    }

    private void at(long time, Runnable action) {
        events.add(new Event(time, seq++, action));
    }

    // --- sender ---

    private void trySend() {
        if (wakeAt <= now) {
            wakeAt = Long.MAX_VALUE;
        }
        while (controller.canSend(lossDetector.bytesInFlight())) {
            long t = pacer.nextSendTime(now, PACKET_BYTES, controller.pacingRate());
            if (t > now) {
                if (t < wakeAt) {
                    wakeAt = t;
                    at(t, this::trySend);
                }
                break;
            }
            sendPacket();
        }
        armTimer();
    }

    private void sendPacket() {
        long dataId = retransmissions.isEmpty() ? nextDataId++ : retransmissions.poll();
        long pn = nextPacketNumber++;
        DeliveryState state = sampler.onPacketSent(now, lossDetector.bytesInFlight());
        lossDetector.onPacketSent(new SentPacket(pn, now, PACKET_BYTES, true, state));
        dataOfPacket.put(pn, dataId);
        controller.onPacketSent(now, PACKET_BYTES, lossDetector.bytesInFlight());
        pacer.onPacketSent(now, PACKET_BYTES, controller.pacingRate());
        packetsSent++;
        enterBottleneck(pn, dataId);
    }

    private void onAck(List<AckRange> ranges, long ackDelay) {
        AckOutcome outcome;
        try {
            outcome = lossDetector.onAck(ranges, ackDelay, now);
        } catch (AckViolation e) {
            throw new AssertionError(e);
        }
        for (SentPacket p : outcome.newlyAcked()) {
            dataOfPacket.remove(p.packetNumber());
        }
        RateSample sample = sampler.onAck(outcome.newlyAcked(), now, rtt.minRtt());
        controller.onAcked(now, outcome.newlyAcked(), sample, lossDetector.bytesInFlight());
        onLost(outcome.lost());
        trySend();
    }

    private void onLost(List<SentPacket> lost) {
        if (lost.isEmpty()) {
            return;
        }
        for (SentPacket p : lost) {
            retransmissions.add(dataOfPacket.remove(p.packetNumber()));
        }
        declaredLost += lost.size();
        controller.onLost(now, lost, lossDetector.bytesInFlight());
    }

    private void armTimer() {
        OptionalLong deadline = lossDetector.lossDetectionDeadline();
        long d = deadline.orElse(Long.MAX_VALUE);
        if (d != timerAt) {
            timerAt = d;
            if (d != Long.MAX_VALUE) {
                at(Math.max(d, now), () -> onTimer(d));
            }
        }
    }

    private void onTimer(long deadline) {
        if (timerAt != deadline) {
            return;
        }
        timerAt = Long.MAX_VALUE;
        TimeoutOutcome outcome = lossDetector.onLossDetectionTimeout(now);
        onLost(outcome.lost());
        if (outcome.sendProbe()) {
            sendPacket(); // a probe may exceed the congestion window
        }
        trySend();
    }

    // --- bottleneck ---

    private void enterBottleneck(long pn, long dataId) {
        while (!waiting.isEmpty() && waiting.peekFirst()[0] <= now) {
            waitingBytes -= waiting.pollFirst()[1];
        }
        if (waitingBytes + PACKET_BYTES > path.queueBytes()) {
            queueDrops++;
            return;
        }
        long start = Math.max(now, linkFreeAt);
        linkFreeAt = start + serializationNanos;
        queueingDelaySum += start - now;
        queued++;
        if (start > now) {
            waiting.addLast(new long[] {start, PACKET_BYTES});
            waitingBytes += PACKET_BYTES;
        }
        if (random.nextDouble() < path.lossProbability()) {
            randomDrops++;
            return;
        }
        at(linkFreeAt + path.oneWayDelayNanos(), () -> receive(pn, dataId));
    }

    // --- receiver ---

    private void receive(long pn, long dataId) {
        receivedData.set(Math.toIntExact(dataId));
        boolean gap = pn != largestReceived + 1;
        if (pn > largestReceived) {
            largestReceived = pn;
            largestReceivedAt = now;
        }
        receivedRanges.add(pn);
        unackedPackets++;
        if (unackedPackets >= 2 || gap) {
            sendAck();
        } else if (unackedPackets == 1) {
            long generation = ++ackTimerGeneration;
            at(now + MAX_ACK_DELAY_NANOS, () -> {
                if (generation == ackTimerGeneration && unackedPackets > 0) {
                    sendAck();
                }
            });
        }
    }


    private void sendAck() {
        unackedPackets = 0;
        ackTimerGeneration++;
        List<AckRange> ranges = receivedRanges.newest(MAX_ACK_RANGES, AckRange::new);
        long ackDelay = now - largestReceivedAt;
        at(now + path.oneWayDelayNanos(), () -> onAck(ranges, ackDelay));
    }
}
