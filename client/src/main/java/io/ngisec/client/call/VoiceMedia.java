package io.ngisec.client.call;

import io.ngisec.client.audio.AudioException;
import io.ngisec.client.audio.AudioSink;
import io.ngisec.client.audio.AudioSource;
import io.ngisec.client.audio.InputLevel;
import io.ngisec.client.link.ControlJson;
import io.ngisec.client.link.ControlMessage;
import io.ngisec.client.link.MalformedControlException;
import io.ngisec.client.link.PeerLink;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.session.stats.SessionStats;
import io.ngisec.protocol.transport.CandidateType;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The media of one call over a {@link PeerLink}: three threads. The <em>talker</em> reads 20 ms
 * from the audio source (paced by the device, or by a {@link FramePacer} for files), encodes it
 * and sends it as a {@link MediaFrame} on the link's real-time channel, a frame every 20 ms,
 * silence flagged. The <em>receiver</em> parses arriving datagrams (malformed ones are dropped and
 * counted) into the {@link JitterBuffer}. The <em>player</em> asks the buffer every 20 ms what to
 * play, decodes (FEC recovery only when the next frame says it carries FEC, else concealment) and
 * writes to the sink. Once a second the listening side sends a {@link ReceiverReport}; the talker
 * feeds the reports, through a {@link LossWindow}, to its {@link BitrateController}.
 */
public final class VoiceMedia implements CallMedia {

    /**
     * How a call's media runs.
     *
     * @param fec whether the talker may use in-band FEC (off only to measure what it brings)
     * @param jitter the playout buffer's bounds and percentile
     * @param deviceLatencyMillis the audio devices' buffering, both ends together, for the mouth-to-ear estimate
     * @param trace the per-frame timing log (see {@link MediaTrace})
     */
    public record Options(boolean fec, JitterBufferConfig jitter, double deviceLatencyMillis, boolean trace) {

        /**
         * FEC on, the default buffer, 13 ms of device buffering, tracing as the environment says.
         * 13 ms is what {@code DeviceLatencyBenchmark} measured for one direction's device part
         * (the far speaker's and this microphone's lines and the sound server, PulseAudio null
         * sinks, the 20 ms frame filling apart: the estimate counts that as the frame interval);
         * real converters add a few ms more. See docs/benchmarks.md, "Voice calls".
         */
        public static Options defaults() {
            return new Options(true, JitterBufferConfig.defaults(), 13, true);
        }

        public Options withFec(boolean on) {
            return new Options(on, jitter, deviceLatencyMillis, trace);
        }
    }

    /** The Opus encoder's algorithmic delay (312 samples at 48 kHz). */
    private static final double LOOKAHEAD_MILLIS = 6.5;
    private static final Duration RECEIVE_WAIT = Duration.ofMillis(100);
    private static final long REPORT_INTERVAL_NANOS = 1_000_000_000L;

    private final PeerLink link;
    private final String callId;
    private final AudioSource source;
    private final AudioSink sink;
    private final Options options;
    private final MediaTrace trace;
    private final long startedNanos = System.nanoTime();
    private final CompletableFuture<Void> sourceEnded = new CompletableFuture<>();
    private final CompletableFuture<String> failed = new CompletableFuture<>();

    // The talker's state; the bitrate controller's decisions cross over from the control thread.
    private final VoiceTalker talker;
    private final BitrateController bitrate = new BitrateController();
    private final LossWindow reportedLoss = new LossWindow();
    private final AtomicReference<BitrateDecision> pendingDecision = new AtomicReference<>();
    private volatile int sendBitrate = VoiceEncoder.DEFAULT_BITRATE;
    private volatile boolean sendFec;
    private volatile double inputLevel = InputLevel.FLOOR_DBFS;
    private volatile boolean muted;
    private final AtomicLong framesSent = new AtomicLong();
    private long lastReportDue;
    private long lastReportMissing;

    // The listener's state: the buffer is shared by the receiver and the player, under its own lock.
    private final JitterBuffer buffer;
    private final ArrivalJitter jitter = new ArrivalJitter();
    private volatile double jitterMillis;
    private final AtomicLong framesReceived = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final VoicePlayer player = new VoicePlayer();

    private final List<Thread> threads;
    private volatile boolean closed;

    private VoiceMedia(PeerLink link, String callId, AudioSource source, AudioSink sink, Options options) {
        this.link = link;
        this.callId = callId;
        this.source = source;
        this.sink = sink;
        this.options = options;
        this.trace = options.trace() ? MediaTrace.fromEnvironment() : MediaTrace.to(Optional.empty());
        this.buffer = new JitterBuffer(options.jitter());
        this.talker = new VoiceTalker(options.fec(), ThreadLocalRandom.current());
        String who = link.peer().user();
        this.threads = List.of(
                Thread.ofPlatform().daemon().priority(Thread.MAX_PRIORITY).name("call-talk-" + who).unstarted(this::talk),
                Thread.ofPlatform().daemon().priority(Thread.MAX_PRIORITY).name("call-receive-" + who).unstarted(this::receive),
                Thread.ofPlatform().daemon().priority(Thread.MAX_PRIORITY).name("call-play-" + who).unstarted(this::play));
    }

    /** Starts the media of call {@code callId} on {@code link}; the source and sink are closed with it. */
    public static VoiceMedia start(PeerLink link, String callId, AudioSource source, AudioSink sink, Options options) {
        VoiceMedia media = new VoiceMedia(link, callId, source, sink, options);
        media.threads.forEach(Thread::start);
        return media;
    }

    /**
     * Runs the codec over a few seconds of generated sound on a background thread, so that the
     * JIT has compiled it before a call starts: a cold Opus encoder takes several frame times per
     * frame, which the far side hears as a stutter at the start of every first call.
     */
    public static void warmUp() {
        Thread.ofVirtual().name("voice-warm-up").start(() -> {
            VoiceEncoder encoder = new VoiceEncoder();
            VoiceDecoder decoder = new VoiceDecoder();
            encoder.configure(VoiceEncoder.DEFAULT_BITRATE, 5);
            short[] frame = new short[VoiceFormat.FRAME_SAMPLES];
            java.util.SplittableRandom random = new java.util.SplittableRandom(1);
            for (int i = 0; i < 300; i++) {
                for (int s = 0; s < frame.length; s++) {
                    frame[s] = (short) (3000 * Math.sin(s * 0.05 + i) + random.nextInt(-500, 500));
                }
                try {
                    byte[] packet = encoder.encode(frame);
                    decoder.decodeFec(packet);
                    decoder.decode(packet);
                } catch (VoicePacketException e) {
                    return;
                }
            }
        });
    }

    /** Completes when a finite source (a WAV file) has been sent to its end; the call goes on with silence. */
    public CompletableFuture<Void> sourceEnded() {
        return sourceEnded;
    }

    /** Completes with a one-line reason when an audio device fails during the call. */
    public CompletableFuture<String> failed() {
        return failed;
    }

    /** Mutes or unmutes the microphone: muted frames go out as flagged silence. */
    public void mute(boolean on) {
        muted = on;
    }

    @Override
    public void onControl(ControlMessage message) throws MalformedControlException {
        if (!message.type().equals(ReceiverReport.TYPE)) {
            return;
        }
        ReceiverReport report = ControlJson.decode(message, ReceiverReport.class);
        long due = report.due() - lastReportDue;
        long missing = report.missing() - lastReportMissing;
        if (due <= 0 || missing < 0) {
            return; // nothing new, or a stale report overtaken by a later one
        }
        lastReportDue = report.due();
        lastReportMissing = report.missing();
        reportedLoss.add(due, Math.min(missing, due));
        pendingDecision.set(bitrate.update(reportedLoss.fraction(), availableBps()));
    }

    /** The playout buffer's own counts (stretches, drops, resyncs), for diagnostics beyond {@link CallStats}. */
    public JitterBufferStats bufferStats() {
        synchronized (buffer) {
            return buffer.stats();
        }
    }

    @Override
    public CallStats stats() {
        JitterBufferStats b;
        synchronized (buffer) {
            b = buffer.stats();
        }
        long fecRecovered;
        long concealed;
        long corrupt;
        synchronized (player) {
            fecRecovered = player.fecRecovered();
            concealed = b.concealed() + player.fecAbsent();
            corrupt = player.corrupt();
        }
        long due = b.played() + b.lost();
        double lossBefore = due == 0 ? 0 : (double) b.lost() / due;
        double lossAfter = due == 0 ? 0 : (double) concealed / due;
        Optional<SessionStats> session = link.stats();
        double rtt = session.filter(s -> s.rtt().sampled()).map(s -> s.rtt().smoothed().toNanos() / 1e6).orElse(-1.0);
        String path = session.map(VoiceMedia::pathType).orElse("memory");
        double bufferMillis = b.currentDelayNanos() / 1e6;
        double mouthToEar = Math.max(rtt, 0) / 2 + bufferMillis + VoiceFormat.FRAME_MILLIS
                + LOOKAHEAD_MILLIS + options.deviceLatencyMillis();
        double rating = EModel.OPUS.rating(mouthToEar, lossAfter * 100, 1);
        QosClass qos = link.mediaClass();
        return new CallStats("opus 48 kHz mono", sendBitrate, sendFec, VoiceFormat.FRAME_MILLIS,
                (System.nanoTime() - startedNanos) / 1_000_000, rtt, jitterMillis, framesSent.get(), framesReceived.get(),
                lossBefore, lossAfter, fecRecovered, concealed, b.late(), bufferMillis, mouthToEar, rating,
                EModel.mosFromRating(rating), path, qos, qos.dscp(), qos != QosClass.VOICE, malformed.get() + corrupt,
                inputLevel, muted);
    }

    /** relay when either end is a TURN relay, srflx when either is a NAT mapping, else host. */
    private static String pathType(SessionStats s) {
        CandidateType local = s.path().localType();
        CandidateType remote = s.path().remoteType();
        if (local == CandidateType.RELAYED || remote == CandidateType.RELAYED) {
            return CandidateType.RELAYED.token();
        }
        if (local == CandidateType.HOST && remote == CandidateType.HOST) {
            return CandidateType.HOST.token();
        }
        return CandidateType.SERVER_REFLEXIVE.token();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        source.close();
        sink.close();
        trace.close();
    }

    // --- the talker ---

    private void talk() {
        short[] pcm = new short[VoiceFormat.FRAME_SAMPLES];
        FramePacer pacer = source.paced() ? null : FramePacer.startingNow();
        boolean ended = false;
        while (!closed) {
            if (!ended) {
                int n;
                try {
                    n = source.read(pcm);
                } catch (AudioException e) {
                    failed.complete(e.getMessage());
                    n = -1;
                }
                if (n < 0) {
                    ended = true;
                    sourceEnded.complete(null);
                    pacer = pacer == null ? FramePacer.startingNow() : pacer;
                }
            }
            if (ended) {
                VoiceTalker.silence(pcm);
            }
            if (pacer != null) {
                talker.skip(pacer.awaitNext());
            }
            if (closed) {
                return;
            }
            long captured = System.nanoTime();
            applyDecision();
            MediaFrame frame = talker.next(pcm, muted);
            inputLevel = talker.inputLevel();
            try {
                link.sendMedia(frame.encode());
            } catch (IOException e) {
                return; // the link is gone; the call ends through its control side
            }
            trace.sent(frame.sequence(), captured, System.nanoTime());
            framesSent.incrementAndGet();
        }
    }

    private void applyDecision() {
        BitrateDecision decision = pendingDecision.getAndSet(null);
        if (decision == null) {
            return;
        }
        talker.apply(decision);
        sendBitrate = talker.bitrate();
        sendFec = talker.fec();
    }

    /** What the session's congestion control says the path carries, in bit/s; unknown on memory links. */
    private long availableBps() {
        return link.stats().map(s -> s.congestion().pacingRate())
                .filter(rate -> rate > 0).map(rate -> (long) (rate * 8)).orElse(Long.MAX_VALUE);
    }

    // --- the listener ---

    private void receive() {
        while (!closed) {
            Optional<byte[]> datagram;
            try {
                datagram = link.receiveMedia(RECEIVE_WAIT);
            } catch (IOException e) {
                return;
            } catch (InterruptedException e) {
                return;
            }
            if (datagram.isEmpty()) {
                continue;
            }
            long now = System.nanoTime();
            MediaFrame frame;
            try {
                frame = MediaFrame.parse(datagram.get());
            } catch (MalformedMediaException e) {
                malformed.incrementAndGet();
                continue;
            }
            jitter.arrived(frame.timestamp(), now);
            jitterMillis = jitter.millis();
            synchronized (buffer) {
                if (buffer.offer(frame, now) != JitterBuffer.Arrival.DUPLICATE) {
                    framesReceived.incrementAndGet();
                }
            }
            trace.received(frame.sequence(), now);
        }
    }

    private void play() {
        FramePacer pacer = sink.paced() ? null : FramePacer.startingNow();
        long nextReport = System.nanoTime() + REPORT_INTERVAL_NANOS;
        while (!closed) {
            if (pacer != null) {
                pacer.awaitNext();
            } else {
                // A device: take the frame from the buffer only once the device has room for it,
                // or it would wait decoded for most of a frame, adding that to the delay.
                sink.awaitRoom();
            }
            long now = System.nanoTime();
            Playout playout;
            synchronized (buffer) {
                playout = buffer.next(now);
            }
            short[] pcm;
            synchronized (player) {
                pcm = player.render(playout);
            }
            try {
                sink.write(pcm);
            } catch (AudioException e) {
                failed.complete(e.getMessage());
                return;
            }
            trace.played(now, System.nanoTime());
            if (now >= nextReport) {
                nextReport = now + REPORT_INTERVAL_NANOS;
                report();
            }
        }
    }

    private void report() {
        JitterBufferStats b;
        synchronized (buffer) {
            b = buffer.stats();
        }
        try {
            link.sendControl(ControlJson.encode(ReceiverReport.TYPE,
                    new ReceiverReport(callId, b.played() + b.lost(), b.lost(), jitterMillis)));
        } catch (IOException | RuntimeException e) {
            // the link is going down; the call ends through its control side
        }
    }
}
