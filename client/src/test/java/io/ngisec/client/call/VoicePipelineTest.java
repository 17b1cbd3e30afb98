package io.ngisec.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.client.testing.AudioCompare;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Talker, a simulated network (seeded loss and jitter, so reordering) and jitter buffer plus
 * player on a simulated clock: the whole media path of a call without threads, deterministic.
 */
class VoicePipelineTest {

    private static final int N = VoiceFormat.FRAME_SAMPLES;
    private static final long MS = 1_000_000L;
    private static final int TAIL_FRAMES = 20;

    record Result(short[] heard, long fecRecovered, long fecAbsent, JitterBufferStats buffer) {
    }

    @Test
    void aCleanPathPlaysEveryFrameInOrder() {
        short[] speech = SpeechLikeSignal.generate(300 * N, 21);
        Result r = run(speech, 0, 0, true, true, 1, JitterBufferConfig.defaults());

        assertThat(r.buffer().lost()).isZero();
        assertThat(r.buffer().late()).isZero();
        assertThat(AudioCompare.compare(speech, r.heard(), 300).correlation()).isGreaterThan(0.78);
    }

    @Test
    void atFivePercentLossFecRebuildsFramesThatConcealmentOnlyGuesses() {
        short[] speech = SpeechLikeSignal.generate(500 * N, 22);
        // The buffer's delay pinned above the jitter, so both runs play every frame at the same
        // time: the FEC reserve would otherwise stretch one run and not the other, shifting its audio.
        JitterBufferConfig pinned = new JitterBufferConfig(Duration.ofMillis(80), Duration.ofMillis(200), 250, 0.95, 3);
        Result fec = run(speech, 0.05, 30, true, true, 2, pinned);
        // The same packets, FEC data and all, but the player is told there is none: concealment only.
        Result plc = run(speech, 0.05, 30, true, false, 2, pinned);

        // The same frames were lost in both runs (same seed); FEC rebuilt most of them.
        assertThat(fec.buffer().lost()).isEqualTo(plc.buffer().lost()).isGreaterThan(10);
        assertThat(fec.fecRecovered()).isGreaterThan(fec.buffer().lost() / 2);
        assertThat(plc.fecRecovered()).isZero();
        assertThat(plc.fecAbsent()).isEqualTo(plc.buffer().fecRecovered()).isPositive();
        assertThat(fec.heard()).isNotEqualTo(plc.heard());
        double withFec = AudioCompare.compare(speech, fec.heard(), 400).correlation();
        double withoutFec = AudioCompare.compare(speech, plc.heard(), 400).correlation();
        assertThat(withFec).isGreaterThan(withoutFec);
    }

    @Test
    void thirtyMillisecondsOfJitterIsAbsorbedByTheBufferNotHeardAsLoss() {
        short[] speech = SpeechLikeSignal.generate(500 * N, 23);
        Result r = run(speech, 0, 30, true, true, 3, JitterBufferConfig.defaults());

        assertThat(r.buffer().reordered()).isPositive();
        // After the buffer has learned the jitter (its first second), nearly nothing plays late.
        assertThat(r.buffer().late()).isLessThan(15);
        assertThat(r.buffer().targetDelayNanos()).isBetween(20 * MS, 60 * MS);
    }

    /**
     * Sends {@code speech} through a path losing {@code loss} of the frames and delaying each by
     * 10 ms plus a uniform 0..{@code jitterMs}; the talker's FEC is set as a 10 % loss report would.
     * Without {@code fecFlag} the frames lose their FEC flag on the way, so the player conceals.
     */
    private static Result run(short[] speech, double loss, int jitterMs, boolean fec, boolean fecFlag, long seed,
            JitterBufferConfig config) {
        VoiceTalker talker = new VoiceTalker(fec, new SplittableRandom(seed));
        if (loss > 0) {
            talker.apply(new BitrateDecision(24_000, 10));
        }
        SplittableRandom network = new SplittableRandom(seed * 31);
        record InFlight(MediaFrame frame, long arrival) {
        }
        List<InFlight> path = new ArrayList<>();
        short[] pcm = new short[N];
        long start = 1_000 * MS;
        // As a call does, the talker goes on sending (silence) after the speech: frames would
        // otherwise go missing at the end, which the buffer cannot tell from loss.
        int frames = speech.length / N + TAIL_FRAMES;
        for (int i = 0; i < frames; i++) {
            if (i < speech.length / N) {
                System.arraycopy(speech, i * N, pcm, 0, N);
            } else {
                java.util.Arrays.fill(pcm, (short) 0);
            }
            MediaFrame sent = talker.next(pcm, false);
            MediaFrame frame = fecFlag ? sent
                    : new MediaFrame(sent.sequence(), sent.timestamp(), sent.silence(), false, sent.payload());
            boolean dropped = network.nextDouble() < loss;
            long delay = 10 * MS + (jitterMs == 0 ? 0 : network.nextLong(jitterMs * MS));
            if (!dropped) {
                path.add(new InFlight(frame, start + i * MediaFormat.FRAME_NANOS + delay));
            }
        }
        path.sort(Comparator.comparingLong(InFlight::arrival));
        JitterBuffer buffer = new JitterBuffer(config);
        VoicePlayer player = new VoicePlayer();
        short[] heard = new short[frames * N];
        int next = 0;
        for (int tick = 0; tick < frames; tick++) {
            long now = start + tick * MediaFormat.FRAME_NANOS;
            while (next < path.size() && path.get(next).arrival() <= now) {
                buffer.offer(path.get(next).frame(), path.get(next).arrival());
                next++;
            }
            System.arraycopy(player.render(buffer.next(now)), 0, heard, tick * N, N);
        }
        return new Result(heard, player.fecRecovered(), player.fecAbsent(), buffer.stats());
    }
}
