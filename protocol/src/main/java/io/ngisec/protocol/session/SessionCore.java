package io.ngisec.protocol.session;

import io.ngisec.protocol.channel.frame.AckFrame;
import io.ngisec.protocol.channel.frame.DatagramFrame;
import io.ngisec.protocol.channel.frame.Frame;
import io.ngisec.protocol.channel.frame.FrameCodec;
import io.ngisec.protocol.channel.frame.FrameException;
import io.ngisec.protocol.channel.frame.MaxStreamDataFrame;
import io.ngisec.protocol.channel.frame.PaddingFrame;
import io.ngisec.protocol.channel.frame.PathChallengeFrame;
import io.ngisec.protocol.channel.frame.PathResponseFrame;
import io.ngisec.protocol.channel.frame.PingFrame;
import io.ngisec.protocol.channel.frame.StreamFrame;
import io.ngisec.protocol.channel.stream.ReceiveStream;
import io.ngisec.protocol.channel.stream.SendStream;
import io.ngisec.protocol.channel.stream.StreamChunk;
import io.ngisec.protocol.channel.stream.StreamException;
import io.ngisec.protocol.congestion.AckOutcome;
import io.ngisec.protocol.congestion.AckRange;
import io.ngisec.protocol.congestion.AckViolation;
import io.ngisec.protocol.congestion.BbrController;
import io.ngisec.protocol.congestion.CongestionController;
import io.ngisec.protocol.congestion.DeliveryRateSampler;
import io.ngisec.protocol.congestion.DeliveryState;
import io.ngisec.protocol.congestion.LossDetector;
import io.ngisec.protocol.congestion.Pacer;
import io.ngisec.protocol.congestion.RateSample;
import io.ngisec.protocol.congestion.RttEstimator;
import io.ngisec.protocol.congestion.SentPacket;
import io.ngisec.protocol.congestion.TimeoutOutcome;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import io.ngisec.protocol.record.Limits;
import io.ngisec.protocol.record.OpenResult;
import io.ngisec.protocol.record.PacketType;
import io.ngisec.protocol.record.RecordException;
import io.ngisec.protocol.record.RecordLayer;
import io.ngisec.protocol.session.stats.CongestionStats;
import io.ngisec.protocol.session.stats.RttStats;
import io.ngisec.protocol.session.stats.TrafficCollector;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SequencedSet;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The data path of one established session: packs frames into DATA records, sends them on a
 * {@link PacketLink}, and takes the peer's records apart. No threads and no clock of its own: a
 * driver calls {@link #poll} at {@link #nextTimeout()} and after anything it delivers or the
 * application does, passing the time in nanoseconds.
 *
 * <p>What a packet carries, in order: an ACK when one is due (or rides along when one is
 * pending), then either queued real-time DATAGRAM frames (strict priority), or MAX_STREAM_DATA
 * updates followed by stream data (the highest class's streams first, lost ranges first, per
 * {@link SendStream}). Each packet has one
 * QoS class in its clear header, so voice and bulk frames never share a packet: a voice packet is
 * sealed VOICE/CALL, a stream packet with its stream's class and service (only streams of that
 * class and service fill it), a packet of only ACK, credit or PING frames CONTROL/CONTROL.
 *
 * <p>Congestion control ({@link BbrController} and its {@link Pacer}) governs stream data only.
 * Real-time packets (a voice call is about 50 small packets a second) and control packets go out
 * at once, so voice is never queued behind bulk data in the sender; they still count toward bytes
 * in flight and take pacer tokens, which slows the bulk data instead. Every packet is tracked by
 * the {@link LossDetector}; on acknowledgement its stream ranges are freed, on loss they are
 * queued again and its credit updates re-advertised; DATAGRAM frames are never retransmitted.
 *
 * <p>Receiving: a packet the record layer drops is counted there; an authenticated packet whose
 * frames do not parse, whose ACK covers a packet never sent, or that a stream refuses is dropped
 * and counted in {@link #counters()} and not acknowledged (frames before the failing one may
 * already have been applied; stream data is idempotent, so a retransmission is harmless).
 * PATH_CHALLENGE and PATH_RESPONSE go to the {@link PathFrameListener} (path validation lives in
 * {@link PathMigrator}); the other frames besides ACK, STREAM, DATAGRAM, MAX_STREAM_DATA, PING and
 * PADDING are ignored for now.
 *
 * <p>Lifecycle (section 13.8 of the spec): {@link #close} sends a CLOSE and drains; an
 * authenticated CLOSE from the peer, the idle timeout, or a protocol violation by the peer (which
 * sends a CLOSE) end the session too; {@link #end()} says why. Once ended it sends nothing but
 * repeats of its CLOSE, and {@link #isTerminated()} tells the driver when to stop. A PING goes out
 * when nothing ack-eliciting has for the keepalive interval, and PLPMTUD ({@link PmtuProber})
 * raises the size of stream packets above the base ({@link #pmtu()}).
 *
 * <p>Not thread safe: one thread (the driver's) owns the session and calls every method.
 */
public final class SessionCore {

    /** What {@link #onDatagram} made of a datagram, for a driver with several paths. */
    public enum Received {
        /** Nothing for the paths to act on: refused, dropped above the record layer, a CLOSE, or after the end. */
        DROPPED,
        /** Authenticated, and only PATH_CHALLENGE, PATH_RESPONSE and PADDING: a probe of a path (RFC 9000 section 9.1). */
        PROBING,
        /** Authenticated, with anything else: the peer sends its traffic on the path it came by. */
        NON_PROBING
    }

    /**
     * Told of the path frames of a packet while {@link #onDatagram} applies it, on the driver's
     * thread. If the packet is dropped after all, {@code onDatagram} returns DROPPED: forget them.
     */
    public interface PathFrameListener {
        void onPathChallenge(long data);

        void onPathResponse(long data);
    }

    private static final PathFrameListener IGNORE_PATH_FRAMES = new PathFrameListener() {
        @Override
        public void onPathChallenge(long data) {
        }

        @Override
        public void onPathResponse(long data) {
        }
    };

    private final RecordLayer record;
    /** Changed only by {@link #switchPath} (and, for one probe, {@link #sendPathFrame}). */
    private PacketLink link;
    private final SessionConfig config;
    /** Payload room of a packet of the base size: real-time datagrams must fit it whatever the PMTU. */
    private final int maxPayload;
    /** Makes the congestion controller of each new path. */
    private final Supplier<CongestionController> controllers;
    private PathFrameListener pathFrames = IGNORE_PATH_FRAMES;

    // Path state: RFC 9000 section 9.4 starts it over when the session moves to a new path.
    private final RttEstimator rtt;
    private final LossDetector lossDetector;
    private DeliveryRateSampler sampler = new DeliveryRateSampler();
    private CongestionController controller;
    private Pacer pacer;

    private final Map<Long, StreamConfig> streamConfigs = new LinkedHashMap<>();
    private final Map<Long, SendStream> sendStreams = new LinkedHashMap<>();
    private final Map<Long, ReceiveStream> receiveStreams = new LinkedHashMap<>();
    private final SequencedSet<Long> pendingCredit = new LinkedHashSet<>();
    private final Map<Long, SentFrames> inFlight = new HashMap<>();
    private final ArrayDeque<DatagramFrame> datagramsToSend = new ArrayDeque<>();
    private final ArrayDeque<DatagramFrame> datagramsReceived = new ArrayDeque<>();
    private final AckTracker acks;
    private final SessionCounters counters = new SessionCounters();
    private final TrafficCollector traffic = new TrafficCollector();
    private final PmtuProber pmtu;
    // Lifecycle: the timers start at the first call that brings a time, as the core has no clock.
    private IdleTimer idle;
    private KeepaliveTimer keepalive;
    private SessionEnd end;
    private CloseDrain drain;
    private int peerViolations;

    private final ByteBuffer payload;
    private final Optional<QosClass> realtimeClass;
    private final ByteBuffer datagram;
    private final ByteBuffer plaintext = ByteBuffer.allocate(Limits.MAX_PAYLOAD_BYTES);
    private int probesToSend;

    /**
     * A session over {@code record}, whose keys are already agreed, sending on {@code link}.
     * {@code random} seeds the congestion controller's choices (inject a seeded one in tests).
     */
    public SessionCore(RecordLayer record, PacketLink link, SessionConfig config, RandomGenerator random) {
        this(record, link, config, () -> new BbrController(config.maxDatagramBytes(), random));
    }

    /**
     * As the public constructor, with {@code controller} for congestion control (tests watch what
     * it is told); it stays across a {@link #switchPath}.
     */
    SessionCore(RecordLayer record, PacketLink link, SessionConfig config, CongestionController controller) {
        this(record, link, config, () -> controller);
    }

    private SessionCore(RecordLayer record, PacketLink link, SessionConfig config,
            Supplier<CongestionController> controllers) {
        this.record = record;
        this.link = link;
        this.config = config;
        this.maxPayload = config.maxDatagramBytes() - Limits.OVERHEAD_BYTES;
        // EF when the ticket grants it for calls, else the highest class it grants them: a
        // lower class still carries the call, and the application shows the cap.
        this.realtimeClass = record.sealer().ceiling(Service.CALL);
        this.controllers = controllers;
        this.rtt = new RttEstimator(config.maxAckDelayNanos());
        this.lossDetector = new LossDetector(rtt);
        this.controller = controllers.get();
        this.pacer = Pacer.withSendQuantum(config.maxDatagramBytes());
        this.acks = new AckTracker(config.maxAckDelayNanos(), config.ackElicitingThreshold());
        // Sized for the PLPMTUD ceiling: packets grow up to it as probes confirm the path carries them.
        this.payload = ByteBuffer.allocate(config.lifecycle().maxPmtuBytes() - Limits.OVERHEAD_BYTES);
        this.datagram = ByteBuffer.allocate(config.lifecycle().maxPmtuBytes());
        this.pmtu = new PmtuProber(config.maxDatagramBytes(), config.lifecycle().maxPmtuBytes(),
                config.lifecycle().pmtuRaiseIntervalNanos(), counters);
        // Kept highest class first, so the scheduler serves interactive streams before bulk ones
        // (stable: streams of one class keep their configured order).
        List<StreamConfig> byClass = new ArrayList<>(config.streams());
        byClass.sort(Comparator.comparing(StreamConfig::qosClass).reversed());
        for (StreamConfig s : byClass) {
            streamConfigs.put(s.streamId(), s);
            sendStreams.put(s.streamId(), new SendStream(config.sendBufferBytes(), config.streamWindow()));
            receiveStreams.put(s.streamId(), new ReceiveStream(config.streamWindow(), ReceiveStream.DEFAULT_MAX_RANGES));
        }
    }

    // --- application side ---

    /** Writes what fits of {@code src} into stream {@code streamId}'s send buffer; returns how many bytes. */
    public int write(long streamId, ByteBuffer src) {
        return sendStream(streamId).write(src);
    }

    /** Ends stream {@code streamId} after what has been written. */
    public void finish(long streamId) {
        sendStream(streamId).finish();
    }

    /**
     * Reads the next in-order bytes of stream {@code streamId} into {@code dst}: how many, 0 if
     * none is ready, -1 at the end of the stream. Reading frees window, which the next packets
     * advertise.
     */
    public int read(long streamId, ByteBuffer dst) {
        ReceiveStream rs = receiveStream(streamId);
        int n = rs.read(dst);
        if (rs.pendingCreditUpdate().isPresent()) {
            pendingCredit.add(streamId);
        }
        return n;
    }

    /** Whether every byte and the fin written to stream {@code streamId} have been acknowledged. */
    public boolean isSendDone(long streamId) {
        return sendStream(streamId).isDone();
    }

    /**
     * Queues one real-time datagram for channel {@code channelId}; it goes out in the next packet,
     * before any stream data, and is never retransmitted, in the VOICE class or the ticket's lower
     * ceiling for CALL. Returns false, queuing nothing, if the data cannot fit in one packet or the
     * ticket does not allow calls; when the queue is full the oldest datagram is dropped.
     */
    public boolean sendDatagram(long channelId, byte[] data) {
        if (realtimeClass.isEmpty() || data.length > FrameCodec.maxDatagramDataLength(channelId, maxPayload)) {
            return false;
        }
        if (datagramsToSend.size() == config.maxQueuedDatagrams()) {
            datagramsToSend.pollFirst();
            counters.datagramsDropped++;
        }
        datagramsToSend.addLast(new DatagramFrame(channelId, data));
        return true;
    }

    /** Whether {@link #read} of stream {@code streamId} would return at once: data, or the end of the stream. */
    public boolean isReadable(long streamId) {
        ReceiveStream rs = receiveStream(streamId);
        return rs.readableBytes() > 0 || rs.isFinished();
    }

    /** Whether a received real-time datagram waits to be taken. */
    public boolean hasDatagram() {
        return !datagramsReceived.isEmpty();
    }

    /** The oldest real-time datagram received and not yet taken, if any. */
    public Optional<DatagramFrame> receiveDatagram() {
        return Optional.ofNullable(datagramsReceived.pollFirst());
    }

    /** Drop and traffic counters of this session. */
    public SessionCounters counters() {
        return counters;
    }

    /** The congestion controller's current pacing rate, bytes per second (for reports). */
    public double pacingRate() {
        return controller.pacingRate();
    }

    /** Per-class traffic figures (statistics); read on the session's thread. */
    public TrafficCollector traffic() {
        return traffic;
    }

    /** The RTT estimate now (statistics). */
    public RttStats rttStats() {
        return new RttStats(rtt.hasSample(), Duration.ofNanos(rtt.latestRtt()), Duration.ofNanos(rtt.minRtt()),
                Duration.ofNanos(rtt.smoothedRtt()), Duration.ofNanos(rtt.rttVar()));
    }

    /** Window, bytes in flight and pacing rate now (statistics). */
    public CongestionStats congestionStats() {
        return new CongestionStats(controller.congestionWindow(), lossDetector.bytesInFlight(),
                controller.pacingRate());
    }

    /** The path MTU PLPMTUD has confirmed: the largest datagram stream packets use now, header and tag included. */
    public int pmtu() {
        return pmtu.pmtu();
    }

    // --- lifecycle ---

    /**
     * Ends the session at {@code nowNanos}: sends a CLOSE carrying {@code reason}, erases the
     * sending keys, and drains for 3 PTOs, sending the CLOSE again (rate limited) if the peer's
     * packets keep coming; data not yet acknowledged is abandoned (wait for {@link #isSendDone}
     * first for an orderly end). Nothing happens if the session has already ended.
     *
     * @throws IllegalArgumentException for a code that is never sent ({@link CloseCode#IDLE_TIMEOUT})
     */
    public void close(long nowNanos, CloseReason reason) {
        if (!reason.code().isSent()) {
            throw new IllegalArgumentException(reason.code() + " is never sent");
        }
        start(nowNanos);
        if (end == null) {
            closeWith(nowNanos, SessionFailure.Reason.CLOSED, reason);
        }
    }

    /** Why the session ended, once it has (closed either way, idle timeout, protocol violation). */
    public Optional<SessionEnd> end() {
        return Optional.ofNullable(end);
    }

    /** Whether the session has ended and finished draining: it will never send again and its keys are erased. */
    public boolean isTerminated() {
        return end != null && drain == null;
    }

    private void start(long nowNanos) {
        if (idle == null) {
            idle = new IdleTimer(config.lifecycle().idleTimeoutNanos(), nowNanos);
            keepalive = new KeepaliveTimer(config.lifecycle().keepaliveIntervalNanos(), nowNanos);
        }
    }

    private void closeWith(long nowNanos, SessionFailure.Reason why, CloseReason reason) {
        end = new SessionEnd(why, reason);
        ByteBuffer closePayload = ByteBuffer.allocate(ClosePayload.encodedLength(reason));
        ClosePayload.encode(reason, closePayload);
        closePayload.flip();
        ByteBuffer out = ByteBuffer.allocate(closePayload.remaining() + Limits.OVERHEAD_BYTES);
        long packetNumber;
        try {
            packetNumber = record.sealer().sealClose(closePayload, out);
        } catch (RecordException e) {
            counters.sealFailures++; // keys exhausted or already closed: nothing can tell the peer
            record.close();
            return;
        }
        record.sealer().close(); // the opener stays until the drain ends, to recognise the peer's packets
        traffic.onSent(QosClass.CONTROL, packetNumber, out.position(), nowNanos); // repeats are the same record
        long drainNanos = LifecycleConstants.DRAIN_PTOS * rtt.probeTimeout();
        drain = new CloseDrain(out.array(), nowNanos + drainNanos);
        sendClose();
    }

    private void sendClose() {
        counters.closesSent++;
        link.send(drain.datagram(), QosClass.CONTROL);
    }

    /** The peer's authenticated CLOSE: the session ends at once, sending nothing. */
    private void onPeerClose(ByteBuffer closePayload) {
        Optional<CloseReason> said = ClosePayload.decode(closePayload);
        if (said.isEmpty()) {
            counters.malformedPackets++; // the peer has closed all the same: its keys are gone
        }
        end = new SessionEnd(SessionFailure.Reason.PEER_CLOSED,
                said.orElseGet(() -> CloseReason.protocolViolation("unreadable CLOSE payload")));
        record.close();
    }

    /** An authenticated packet while draining: the peer has not seen our CLOSE, or has closed too. */
    private void onPacketWhileDraining(long nowNanos, PacketType type) {
        if (drain == null) {
            return;
        }
        if (type == PacketType.CLOSE) {
            drain = null; // nothing left to tell the peer
            record.close();
        } else if (drain.onPeerPacket(nowNanos)) {
            sendClose();
        }
    }

    /** An authenticated packet the session had to drop: the peer's fault; enough of them close the session. */
    private void peerViolation(long nowNanos, String what) {
        if (++peerViolations >= LifecycleConstants.MAX_PEER_VIOLATIONS) {
            closeWith(nowNanos, SessionFailure.Reason.PROTOCOL_VIOLATION, CloseReason.protocolViolation(what));
        }
    }

    // --- driver side: receiving ---

    /**
     * Takes one datagram from the link (position to limit; consumed) received at {@code nowNanos}.
     * Never throws for anything the datagram holds: drops are counted. The result tells a driver
     * with several paths whether the peer probed or used the path the datagram came by.
     */
    public Received onDatagram(long nowNanos, ByteBuffer bytes) {
        start(nowNanos);
        plaintext.clear();
        int length = bytes.remaining();
        OpenResult opened = record.open(bytes, plaintext);
        if (!opened.accepted()) {
            return Received.DROPPED; // counted by the record layer (after the end: as CLOSED)
        }
        if (end != null) {
            onPacketWhileDraining(nowNanos, opened.type());
            return Received.DROPPED;
        }
        idle.onAuthenticated(nowNanos);
        long packetNumber = opened.packetNumber();
        traffic.onReceived(opened.qosClass(), packetNumber, length, nowNanos);
        plaintext.flip();
        if (opened.type() == PacketType.CLOSE) {
            onPeerClose(plaintext);
            return Received.DROPPED;
        }
        List<Frame> frames;
        try {
            frames = FrameCodec.decodeAll(plaintext);
        } catch (FrameException e) {
            counters.malformedPackets++;
            peerViolation(nowNanos, "malformed frames");
            return Received.DROPPED;
        }
        boolean ackEliciting = false;
        boolean probing = true;
        for (Frame frame : frames) {
            ackEliciting |= frame.ackEliciting();
            probing &= frame instanceof PathChallengeFrame || frame instanceof PathResponseFrame
                    || frame instanceof PaddingFrame;
            if (!apply(frame, nowNanos)) {
                return Received.DROPPED;
            }
        }
        acks.onReceived(packetNumber, ackEliciting, nowNanos);
        return probing ? Received.PROBING : Received.NON_PROBING;
    }

    /** Applies one frame; false (counted) if the packet must be dropped. */
    private boolean apply(Frame frame, long nowNanos) {
        switch (frame) {
            case AckFrame ack -> {
                return onAck(ack, nowNanos);
            }
            case StreamFrame sf -> {
                ReceiveStream rs = receiveStreams.get(sf.streamId());
                if (rs == null) {
                    counters.streamErrors++;
                    peerViolation(nowNanos, "unknown stream " + sf.streamId());
                    return false;
                }
                try {
                    rs.onData(sf.offset(), ByteBuffer.wrap(sf.data()), sf.fin());
                } catch (StreamException e) {
                    counters.streamErrors++;
                    if (e.reason() != StreamException.Reason.TOO_FRAGMENTED) {
                        // Flow control or final size: the peer's view of the stream is broken, as QUIC judges it.
                        closeWith(nowNanos, SessionFailure.Reason.PROTOCOL_VIOLATION,
                                CloseReason.protocolViolation(e.reason() + " on stream " + sf.streamId()));
                    }
                    return false;
                }
            }
            case DatagramFrame df -> {
                if (datagramsReceived.size() == config.maxQueuedDatagrams()) {
                    datagramsReceived.pollFirst();
                    counters.datagramsDropped++;
                }
                datagramsReceived.addLast(df);
                counters.datagramsReceived++;
            }
            case MaxStreamDataFrame m -> {
                SendStream ss = sendStreams.get(m.streamId());
                if (ss == null) {
                    counters.streamErrors++;
                    peerViolation(nowNanos, "unknown stream " + m.streamId());
                    return false;
                }
                ss.updateCredit(m.maximum());
            }
            case PathChallengeFrame c -> pathFrames.onPathChallenge(c.data());
            case PathResponseFrame r -> pathFrames.onPathResponse(r.data());
            default -> {
                // PING and PADDING need nothing; the other control frames are not handled yet.
            }
        }
        return true;
    }

    private boolean onAck(AckFrame ack, long nowNanos) {
        List<AckRange> ranges = new ArrayList<>(ack.ranges().size());
        for (var r : ack.ranges()) {
            ranges.add(new AckRange(r.low(), r.high()));
        }
        // Saturate: a hostile delay must not overflow; RttEstimator caps it at max_ack_delay anyway.
        long delayNanos = ack.ackDelayMicros() > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : ack.ackDelayMicros() * 1000;
        AckOutcome outcome;
        try {
            outcome = lossDetector.onAck(ranges, delayNanos, nowNanos);
        } catch (AckViolation e) {
            counters.ackViolations++;
            peerViolation(nowNanos, "ACK of a packet never sent");
            return false;
        }
        for (SentPacket p : outcome.newlyAcked()) {
            pmtu.onAcked(p.packetNumber(), p.bytes(), nowNanos);
            SentFrames frames = inFlight.remove(p.packetNumber());
            if (frames != null) {
                for (SentFrames.StreamRange r : frames.ranges()) {
                    try {
                        sendStreams.get(r.streamId()).onAcked(r.offset(), r.length(), r.fin());
                    } catch (StreamException e) {
                        counters.streamErrors++; // too fragmented: cannot happen below maxRanges holes
                    }
                }
            }
        }
        RateSample sample = sampler.onAck(outcome.newlyAcked(), nowNanos, rtt.minRtt());
        controller.onAcked(nowNanos, outcome.newlyAcked(), sample, lossDetector.bytesInFlight());
        onLost(outcome.lost(), nowNanos);
        return true;
    }

    private void onLost(List<SentPacket> lost, long nowNanos) {
        if (lost.isEmpty()) {
            return;
        }
        List<SentPacket> congestionLosses = new ArrayList<>(lost.size());
        for (SentPacket p : lost) {
            traffic.onLost(p.packetNumber());
            if (!pmtu.onLost(p.packetNumber(), p.bytes(), nowNanos)) {
                congestionLosses.add(p); // a lost PMTU probe says the packet was too big, not that the path is full
            }
            SentFrames frames = inFlight.remove(p.packetNumber());
            if (frames != null) {
                requeue(frames);
            }
        }
        if (!congestionLosses.isEmpty()) {
            controller.onLost(nowNanos, congestionLosses, lossDetector.bytesInFlight());
        }
    }

    // --- driver side: sending ---

    /**
     * Does everything due at {@code nowNanos}: ends the session if the idle timer has expired (or
     * the drain of a closed one), runs the loss timer if it has expired, then sends as many packets
     * as the queues, the congestion window and the pacer allow, a keepalive PING if one is due and
     * a PMTU probe if one is due and the window has room. Returns how many packets it sent.
     */
    public int poll(long nowNanos) {
        start(nowNanos);
        if (end != null) {
            if (drain != null && drain.isOver(nowNanos)) {
                drain = null;
                record.close();
            }
            return 0;
        }
        if (idle.isExpired(nowNanos, rtt.probeTimeout())) {
            end = new SessionEnd(SessionFailure.Reason.IDLE_TIMEOUT, CloseReason.IDLE_TIMEOUT);
            record.close(); // the peer is presumed gone: no CLOSE
            return 0;
        }
        OptionalLong lossDeadline = lossDetector.lossDetectionDeadline();
        if (lossDeadline.isPresent() && lossDeadline.getAsLong() <= nowNanos) {
            TimeoutOutcome timeout = lossDetector.onLossDetectionTimeout(nowNanos);
            onLost(timeout.lost(), nowNanos);
            if (timeout.sendProbe()) {
                probesToSend = 1;
                pmtu.onProbeTimeout();
            }
        }
        if (keepalive.isDue(nowNanos) && probesToSend == 0) {
            probesToSend = 1; // a PING unless stream data goes first
            counters.keepalivesSent++;
        }
        int sent = 0;
        boolean sealed = true;
        while (sealed) {
            if (!datagramsToSend.isEmpty()) {
                sealed = sendRealtimePacket(nowNanos);
            } else if (streamMaySend(nowNanos) && streamWithData() != null) {
                sealed = sendStreamPacket(streamWithData(), nowNanos);
                probesToSend = 0;
            } else if (probesToSend > 0 || !pendingCredit.isEmpty() || acks.ackDue(nowNanos)) {
                sealed = sendControlPacket(nowNanos);
                probesToSend = 0;
            } else {
                break;
            }
            sent += sealed ? 1 : 0;
        }
        int probeSize = pmtu.probeSizeDue(nowNanos);
        if (probeSize > 0 && controller.canSend(lossDetector.bytesInFlight())) {
            sent += sendPmtuProbe(probeSize, nowNanos) ? 1 : 0;
        }
        if (streamWithData() == null && controller.canSend(lossDetector.bytesInFlight())) {
            sampler.onAppLimited(lossDetector.bytesInFlight());
        }
        return sent;
    }

    /**
     * The time, {@code nowNanos} or later unless a timer is already overdue, at which {@link #poll}
     * next has something to do if nothing arrives meanwhile: an
     * ACK falling due, the loss-detection timer, the pacer letting the next stream packet go, the
     * idle, keepalive or PMTU raise timer, a PMTU probe the window has room for, or the end of a
     * drain. Empty only once the session has terminated.
     */
    public OptionalLong nextTimeout(long nowNanos) {
        start(nowNanos);
        if (end != null) {
            return drain == null ? OptionalLong.empty() : OptionalLong.of(drain.deadlineNanos());
        }
        long t = Math.min(idle.deadlineNanos(rtt.probeTimeout()), keepalive.deadlineNanos());
        t = Math.min(t, pmtu.raiseAtNanos());
        if (pmtu.probeWaiting() && controller.canSend(lossDetector.bytesInFlight())) {
            t = Math.min(t, nowNanos);
        }
        t = Math.min(t, acks.ackDeadline().orElse(Long.MAX_VALUE));
        t = Math.min(t, lossDetector.lossDetectionDeadline().orElse(Long.MAX_VALUE));
        if (streamWithData() != null && controller.canSend(lossDetector.bytesInFlight())) {
            t = Math.min(t, pacerTime(nowNanos));
        }
        return t == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(t);
    }

    private long pacerTime(long nowNanos) {
        return pacer.nextSendTime(nowNanos, pmtu.pmtu(), controller.pacingRate());
    }

    private boolean streamMaySend(long nowNanos) {
        return probesToSend > 0
                || (controller.canSend(lossDetector.bytesInFlight()) && pacerTime(nowNanos) <= nowNanos);
    }

    private StreamConfig streamWithData() {
        for (StreamConfig s : streamConfigs.values()) {
            if (sendStreams.get(s.streamId()).hasSomethingToSend()) {
                return s;
            }
        }
        return null;
    }

    private void maybeAck(long nowNanos) {
        if (acks.ackPending() || acks.ackDue(nowNanos)) {
            FrameCodec.encode(acks.buildAck(nowNanos), payload);
        }
    }

    private boolean sendRealtimePacket(long nowNanos) {
        startPayload();
        maybeAck(nowNanos);
        boolean eliciting = false;
        while (!datagramsToSend.isEmpty()
                && FrameCodec.encodedLength(datagramsToSend.peekFirst()) <= payload.remaining()) {
            FrameCodec.encode(datagramsToSend.pollFirst(), payload);
            counters.datagramsSent++;
            eliciting = true;
        }
        return seal(realtimeClass.orElseThrow(), Service.CALL, eliciting, SentFrames.NOTHING, nowNanos);
    }

    private boolean sendStreamPacket(StreamConfig first, long nowNanos) {
        startPayload();
        maybeAck(nowNanos);
        List<Long> credit = putCredit();
        List<SentFrames.StreamRange> ranges = new ArrayList<>();
        for (StreamConfig s : streamConfigs.values()) {
            if (s.qosClass() != first.qosClass() || s.service() != first.service()) {
                continue;
            }
            SendStream ss = sendStreams.get(s.streamId());
            while (ss.hasSomethingToSend()) {
                // The offset is not known before the chunk; assume the longest offset encoding.
                int room = FrameCodec.maxStreamDataLength(s.streamId(), 1L << 40, payload.remaining());
                if (room < 0) {
                    break;
                }
                Optional<StreamChunk> chunk = ss.nextChunk(room);
                if (chunk.isEmpty()) {
                    break;
                }
                StreamChunk c = chunk.get();
                byte[] data = new byte[c.length()];
                c.data().get(data);
                FrameCodec.encode(new StreamFrame(s.streamId(), c.offset(), data, c.fin()), payload);
                ranges.add(new SentFrames.StreamRange(s.streamId(), c.offset(), c.length(), c.fin()));
            }
        }
        return seal(first.qosClass(), first.service(), !ranges.isEmpty() || !credit.isEmpty(),
                new SentFrames(ranges, credit), nowNanos);
    }

    private boolean sendControlPacket(long nowNanos) {
        startPayload();
        maybeAck(nowNanos);
        List<Long> credit = putCredit();
        boolean eliciting = !credit.isEmpty();
        if (probesToSend > 0 && !eliciting) {
            FrameCodec.encode(new PingFrame(), payload);
            eliciting = true;
        }
        return seal(QosClass.CONTROL, Service.CONTROL, eliciting, new SentFrames(List.of(), credit), nowNanos);
    }

    /** A PLPMTUD probe of exactly {@code size} bytes: PING and PADDING, CONTROL, carrying nothing to retransmit. */
    private boolean sendPmtuProbe(int size, long nowNanos) {
        payload.clear();
        FrameCodec.encode(new PingFrame(), payload);
        FrameCodec.encode(new PaddingFrame(size - Limits.OVERHEAD_BYTES - payload.position()), payload);
        return seal(QosClass.CONTROL, Service.CONTROL, true, SentFrames.NOTHING, nowNanos);
    }

    /** Clears the payload for a packet of at most the current PMTU. */
    private void startPayload() {
        payload.clear().limit(pmtu.pmtu() - Limits.OVERHEAD_BYTES);
    }

    private List<Long> putCredit() {
        List<Long> sent = new ArrayList<>();
        while (!pendingCredit.isEmpty()) {
            long id = pendingCredit.getFirst();
            MaxStreamDataFrame f = new MaxStreamDataFrame(id, receiveStreams.get(id).maxOffset());
            if (FrameCodec.encodedLength(f) > payload.remaining()) {
                break;
            }
            FrameCodec.encode(f, payload);
            pendingCredit.removeFirst();
            sent.add(id);
        }
        return sent;
    }

    /** Seals and sends the payload; false (counted, frames requeued) if the record layer refused. */
    private boolean seal(QosClass qosClass, Service service, boolean ackEliciting, SentFrames frames, long nowNanos) {
        payload.flip();
        datagram.clear();
        long pn;
        try {
            pn = record.seal(qosClass, service, payload, datagram);
        } catch (RecordException e) {
            // Closed, exhausted or not allowed: the data is lost to this session; report it as such.
            counters.sealFailures++;
            requeue(frames);
            return false;
        }
        int bytes = datagram.position();
        DeliveryState state = sampler.onPacketSent(nowNanos, lossDetector.bytesInFlight());
        lossDetector.onPacketSent(new SentPacket(pn, nowNanos, bytes, ackEliciting, state));
        pmtu.onPacketSent(pn, bytes);
        if (ackEliciting) {
            keepalive.onAckElicitingSent(nowNanos);
        }
        controller.onPacketSent(nowNanos, bytes, lossDetector.bytesInFlight());
        pacer.onPacketSent(nowNanos, bytes, controller.pacingRate());
        if (!frames.ranges().isEmpty() || !frames.creditStreams().isEmpty()) {
            inFlight.put(pn, frames);
        }
        counters.packetsSent++;
        traffic.onSent(qosClass, pn, bytes, nowNanos);
        datagram.flip();
        link.send(datagram, qosClass);
        return true;
    }

    private void requeue(SentFrames frames) {
        for (SentFrames.StreamRange r : frames.ranges()) {
            try {
                sendStreams.get(r.streamId()).onLost(r.offset(), r.length(), r.fin());
            } catch (StreamException e) {
                counters.streamErrors++;
            }
        }
        pendingCredit.addAll(frames.creditStreams());
    }

    // --- paths (driven by PathMigrator) ---

    /** Who is told of PATH_CHALLENGE and PATH_RESPONSE frames; null: nobody. */
    public void setPathFrameListener(PathFrameListener listener) {
        this.pathFrames = listener == null ? IGNORE_PATH_FRAMES : listener;
    }

    /**
     * Sends one CONTROL packet of only {@code frame} (a PATH_CHALLENGE or PATH_RESPONSE) padded
     * to the base datagram size (1200 bytes by default; a path must carry full-size datagrams,
     * RFC 9000 section 8.2.1, and the new path's PMTU is not known yet), on {@code via} rather
     * than the current path. No ACK rides along, so the packet stays a probe. It is tracked by
     * loss detection like any packet. False if the session has ended or the record layer refused
     * to seal (counted).
     */
    public boolean sendPathFrame(Frame frame, PacketLink via, long nowNanos) {
        start(nowNanos);
        if (end != null) {
            return false;
        }
        payload.clear().limit(maxPayload);
        FrameCodec.encode(frame, payload);
        if (payload.hasRemaining()) {
            FrameCodec.encode(new PaddingFrame(payload.remaining()), payload);
        }
        PacketLink current = link;
        link = via; // seal() sends on the link field; swapped for this one packet
        try {
            return seal(QosClass.CONTROL, Service.CONTROL, true, SentFrames.NOTHING, nowNanos);
        } finally {
            link = current;
        }
    }

    /**
     * Moves sending to {@code newLink}, a validated path, as RFC 9000 section 9.4 asks: what was
     * in flight on the old path is taken out of loss detection and its stream data and credit
     * queued again for the new one; the RTT estimate, congestion controller, pacer, delivery-rate
     * samples and the PMTU (back to the base, probed again) start over. Keys, packet numbers,
     * streams, queued datagrams and the lifecycle timers carry on.
     */
    public void switchPath(PacketLink newLink) {
        for (SentPacket p : lossDetector.forgetInFlight()) {
            SentFrames frames = inFlight.remove(p.packetNumber());
            if (frames != null) {
                requeue(frames);
            }
        }
        rtt.reset();
        sampler = new DeliveryRateSampler();
        controller = controllers.get();
        pacer = Pacer.withSendQuantum(config.maxDatagramBytes());
        pmtu.onPathChanged();
        probesToSend = 0;
        link = newLink;
    }

    /** The link packets go out on now. */
    public PacketLink link() {
        return link;
    }

    /** The current probe timeout, before backoff (RFC 9002 section 6.2.1), nanoseconds. */
    public long probeTimeoutNanos() {
        return rtt.probeTimeout();
    }

    private SendStream sendStream(long streamId) {
        SendStream s = sendStreams.get(streamId);
        if (s == null) {
            throw new IllegalArgumentException("no stream " + streamId);
        }
        return s;
    }

    private ReceiveStream receiveStream(long streamId) {
        ReceiveStream s = receiveStreams.get(streamId);
        if (s == null) {
            throw new IllegalArgumentException("no stream " + streamId);
        }
        return s;
    }
}
