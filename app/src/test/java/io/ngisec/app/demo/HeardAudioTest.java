package io.ngisec.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.client.audio.AudioFrame;
import io.ngisec.client.audio.ToneSource;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The headless demo's meter tells the echo's beep, the demo's own tone and other sound apart, a second at a time. */
class HeardAudioTest {

    @Test
    void namesEachSecondByWhatDominatesIt() throws Exception {
        HeardAudio heard = new HeardAudio(440, 880);
        assertThat(heard.last()).isEqualTo(HeardAudio.Heard.SILENCE);
        play(heard, tone(880));
        assertThat(heard.last()).isEqualTo(HeardAudio.Heard.BEEP);
        assertThat(heard.heardOwnTone()).isFalse();
        play(heard, noise());
        assertThat(heard.last()).isEqualTo(HeardAudio.Heard.SPEECH);
        play(heard, tone(440));
        assertThat(heard.last()).isEqualTo(HeardAudio.Heard.OWN_TONE);
        assertThat(heard.lastDbfs()).isBetween(-13.0, -7.0); // half scale: -6 dBFS peak, -9 dBFS RMS
        play(heard, AudioFrame.create());
        assertThat(heard.last()).isEqualTo(HeardAudio.Heard.SILENCE);
        assertThat(heard.heardOwnTone()).isTrue();
    }

    @Test
    void aPureToneHoldsAlmostAllOfItsEnergyAtItsFrequency() throws Exception {
        short[] frame = AudioFrame.create();
        new ToneSource(440, 0.5, Optional.of(Duration.ofSeconds(1))).read(frame);
        double total = 0;
        for (short s : frame) {
            total += (double) s * s;
        }
        assertThat(HeardAudio.toneEnergy(frame, 440) / total).isBetween(0.9, 1.1);
        assertThat(HeardAudio.toneEnergy(frame, 880) / total).isLessThan(0.1);
    }

    /** One second of frames from {@code frame}, a supplier of the next frame. */
    private static void play(HeardAudio heard, java.util.function.Supplier<short[]> frame) {
        for (int i = 0; i < 50; i++) {
            heard.write(frame.get());
        }
    }

    private static void play(HeardAudio heard, short[] frame) {
        play(heard, () -> frame);
    }

    private static java.util.function.Supplier<short[]> tone(double hz) {
        ToneSource source = ToneSource.of(hz);
        return () -> {
            short[] frame = AudioFrame.create();
            source.read(frame);
            return frame;
        };
    }

    private static java.util.function.Supplier<short[]> noise() {
        SplittableRandom random = new SplittableRandom(1);
        return () -> {
            short[] frame = AudioFrame.create();
            for (int i = 0; i < frame.length; i++) {
                frame[i] = (short) random.nextInt(-8000, 8000);
            }
            return frame;
        };
    }
}
