package io.ngisec.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.client.audio.AudioSink;
import io.ngisec.client.audio.InputLevel;
import io.ngisec.client.audio.AudioSource;
import io.ngisec.client.link.ControlJson;
import io.ngisec.client.link.LinkGrants;
import io.ngisec.client.link.MemoryLinkPair;
import io.ngisec.client.link.PeerLink;
import java.time.Duration;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two {@link VoiceMedia} ends over an in-memory link: what one says the other hears, under loss too. */
class VoiceMediaTest {

    private static final int RATE = VoiceFormat.SAMPLE_RATE;

    @org.junit.jupiter.api.BeforeAll
    static void warmUp() throws Exception {
        VoiceMedia.warmUp();
        Thread.sleep(1500);
    }

    @Test
    void whatOneSideSaysTheOtherHearsAndBothCountIt() throws Exception {
        short[] speech = SpeechLikeSignal.generate(4 * RATE, 11);
        Heard heard = call(speech, Optional.empty(), true);

        int frames = speech.length / VoiceFormat.FRAME_SAMPLES;
        assertThat(heard.talker().framesSent()).isGreaterThanOrEqualTo(frames);
        assertThat(heard.listener().framesReceived()).isEqualTo(heard.talker().framesSent());
        assertThat(heard.listener().malformed()).isZero();
        assertThat(heard.listener().qosClass()).isEqualTo(QosClass.VOICE);
        assertThat(heard.listener().dscp()).isEqualTo(46);
        assertThat(heard.listener().classCapped()).isFalse();
        assertThat(heard.listener().path()).isEqualTo("memory");
        // Real threads on a shared machine: how well the audio survives depends on the load, so
        // this only checks that speech came out; VoicePipelineTest measures quality on a simulated
        // clock and the end-to-end tests through real processes.
        assertThat(heard.heardLevelDbfs()).isGreaterThan(-40);
        assertThat(heard.listener().rating()).isPositive();
    }

    @Test
    void underLossTheTalkersReportsTurnFecOnAndTheListenerRebuildsFramesWithIt() throws Exception {
        short[] speech = SpeechLikeSignal.generate(8 * RATE, 12);
        Heard withFec = call(speech, Optional.of(0.10), true);

        assertThat(withFec.talker().fec()).isTrue();
        assertThat(withFec.talker().sendBitrate()).isGreaterThan(VoiceEncoder.DEFAULT_BITRATE);
        assertThat(withFec.listener().lossBeforeRecovery()).isGreaterThan(0.05);
        assertThat(withFec.listener().fecRecovered()).isPositive();
        assertThat(withFec.listener().lossAfterRecovery()).isLessThan(withFec.listener().lossBeforeRecovery());
    }

    @Test
    void withFecNotAllowedTheTalkerNeverSendsIt() throws Exception {
        short[] speech = SpeechLikeSignal.generate(5 * RATE, 13);
        Heard withoutFec = call(speech, Optional.of(0.10), false);

        assertThat(withoutFec.talker().fec()).isFalse();
        assertThat(withoutFec.listener().fecRecovered()).isZero();
        assertThat(withoutFec.listener().lossAfterRecovery()).isEqualTo(withoutFec.listener().lossBeforeRecovery());
    }

    @Test
    void aTicketCappingCallsBelowVoiceShowsTheCap() throws Exception {
        LinkGrants capped = new LinkGrants(Map.of(Service.CALL, QosClass.INTERACTIVE), OptionalLong.empty());
        MemoryLinkPair pair = new MemoryLinkPair(MemoryLinkPair.peer("alice"), MemoryLinkPair.peer("bob"), capped);
        VoiceMedia media = VoiceMedia.start(pair.a(), "c1", new ArraySource(new short[0]), new RecordingSink(),
                VoiceMedia.Options.defaults());
        try {
            CallStats stats = media.stats();
            assertThat(stats.qosClass()).isEqualTo(QosClass.INTERACTIVE);
            assertThat(stats.dscp()).isEqualTo(18);
            assertThat(stats.classCapped()).isTrue();
        } finally {
            media.close();
        }
    }

    @Test
    void malformedAndOversizedDatagramsAreDroppedAndCounted() throws Exception {
        MemoryLinkPair pair = new MemoryLinkPair(MemoryLinkPair.peer("alice"), MemoryLinkPair.peer("bob"), MemoryLinkPair.ALL);
        RecordingSink sink = new RecordingSink();
        VoiceMedia listener = VoiceMedia.start(pair.b(), "c1", new ArraySource(new short[0]), sink, VoiceMedia.Options.defaults());
        try {
            pair.b().injectMedia(new byte[] {1, 2, 3});
            pair.b().injectMedia(new byte[MediaFrame.MAX_BYTES + 1]);
            byte[] badVersion = new MediaFrame(1, 960, false, new byte[] {8, 8}).encode();
            badVersion[0] = 0x70;
            pair.b().injectMedia(badVersion);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (listener.stats().malformed() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(listener.stats().malformed()).isEqualTo(3);
            assertThat(listener.stats().framesReceived()).isZero();
        } finally {
            listener.close();
        }
    }

    @Test
    void withADeviceThePlayerTakesEachFrameOnlyOnceTheDeviceHasRoomForIt() throws Exception {
        MemoryLinkPair pair = new MemoryLinkPair(MemoryLinkPair.peer("alice"), MemoryLinkPair.peer("bob"), MemoryLinkPair.ALL);
        DeviceLikeSink sink = new DeviceLikeSink();
        VoiceMedia listener = VoiceMedia.start(pair.b(), "c1", new ArraySource(new short[0]), sink, VoiceMedia.Options.defaults());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (sink.events().stream().filter("write"::equals).count() < 10 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            listener.close();
        }
        List<String> events = sink.events();
        assertThat(events).hasSizeGreaterThanOrEqualTo(20);
        for (int i = 0; i + 1 < events.size(); i += 2) {
            assertThat(events.subList(i, i + 2)).as("events %s", events).containsExactly("await", "write");
        }
    }

    private record Heard(CallStats talker, CallStats listener, double heardLevelDbfs) {
    }

    /** Alice talks {@code speech} to Bob over a memory link losing {@code loss} of her frames (seeded). */
    private static Heard call(short[] speech, Optional<Double> loss, boolean fec) throws Exception {
        MemoryLinkPair pair = new MemoryLinkPair(MemoryLinkPair.peer("alice"), MemoryLinkPair.peer("bob"), MemoryLinkPair.ALL);
        SplittableRandom random = new SplittableRandom(7);
        loss.ifPresent(p -> pair.a().tapMedia(d -> random.nextDouble() < p ? null : d));
        VoiceMedia.Options options = VoiceMedia.Options.defaults().withFec(fec);
        RecordingSink heard = new RecordingSink();
        VoiceMedia talker = VoiceMedia.start(pair.a(), "c1", new ArraySource(speech), new RecordingSink(), options);
        VoiceMedia listener = VoiceMedia.start(pair.b(), "c1", new ArraySource(new short[0]), heard, options);
        Thread reports = Thread.ofVirtual().start(() -> forwardReports(pair.a(), talker));
        try {
            talker.sourceEnded().get(speech.length / RATE + 10, TimeUnit.SECONDS);
            Thread.sleep(400); // the tail still travels and waits in the buffer
            talker.close(); // no more frames, so the counts below are final on both sides
            Thread.sleep(300);
            CallStats t = talker.stats();
            CallStats l = listener.stats();
            // One copy: the listener is still writing, so a second call may return more samples.
            short[] samples = heard.samples();
            return new Heard(t, l, InputLevel.of(samples, samples.length).rmsDbfs());
        } finally {
            reports.interrupt();
            talker.close();
            listener.close();
        }
    }

    private static void forwardReports(PeerLink link, VoiceMedia media) {
        try {
            while (true) {
                Optional<String> message = link.receiveControl(Duration.ofMillis(100));
                if (message.isPresent()) {
                    media.onControl(ControlJson.parse(message.get()));
                }
            }
        } catch (Exception e) {
            // the test is over
        }
    }

    /** A finite signal, not paced: the media's own clock paces it. */
    static final class ArraySource implements AudioSource {
        private final short[] signal;
        private int position;

        ArraySource(short[] signal) {
            this.signal = signal;
        }

        @Override
        public int read(short[] frame) {
            if (position >= signal.length) {
                return -1;
            }
            int n = Math.min(frame.length, signal.length - position);
            System.arraycopy(signal, position, frame, 0, n);
            Arrays.fill(frame, n, frame.length, (short) 0);
            position += n;
            return n;
        }

        @Override
        public boolean paced() {
            return false;
        }

        @Override
        public String describe() {
            return "array";
        }

        @Override
        public void close() {
        }
    }

    /** Keeps everything played. */
    static final class RecordingSink implements AudioSink {
        private short[] samples = new short[RATE];
        private int length;

        @Override
        public synchronized void write(short[] frame) {
            if (length + frame.length > samples.length) {
                samples = Arrays.copyOf(samples, samples.length * 2);
            }
            System.arraycopy(frame, 0, samples, length, frame.length);
            length += frame.length;
        }

        synchronized short[] samples() {
            return Arrays.copyOf(samples, length);
        }

        @Override
        public boolean paced() {
            return false;
        }

        @Override
        public String describe() {
            return "memory";
        }

        @Override
        public void close() {
        }
    }

    /** A device stand-in: has room for a frame every 20 ms, and notes the order of waits and writes. */
    static final class DeviceLikeSink implements AudioSink {
        private final List<String> events = new ArrayList<>();

        @Override
        public void awaitRoom() {
            try {
                Thread.sleep(VoiceFormat.FRAME_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            note("await");
        }

        @Override
        public void write(short[] frame) {
            note("write");
        }

        private synchronized void note(String event) {
            events.add(event);
        }

        synchronized List<String> events() {
            return List.copyOf(events);
        }

        @Override
        public boolean paced() {
            return true;
        }

        @Override
        public String describe() {
            return "device-like";
        }

        @Override
        public void close() {
        }
    }
}
