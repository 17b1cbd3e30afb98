package io.ngisec.client.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.client.audio.AudioFrame;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The echo's source and sink joined by their line: prelude first, then what was said, delayed and bounded. */
class EchoAudioTest {

    @Test
    void playsThePreludeThenSilenceUntilTheDelayIsFilledThenWhatWasSaid() {
        short[] prelude = new short[AudioFrame.SAMPLES * 2 + 100];
        Arrays.fill(prelude, (short) 7);
        EchoLine line = new EchoLine(3, 10);
        EchoSource source = new EchoSource(prelude, line);
        EchoSink sink = new EchoSink(line);
        short[] frame = AudioFrame.create();

        sink.write(said(99)); // over the greeting: not echoed
        assertThat(source.read(frame)).isEqualTo(AudioFrame.SAMPLES);
        assertThat(frame).containsOnly((short) 7);
        source.read(frame);
        source.read(frame);
        assertThat(frame[99]).isEqualTo((short) 7);
        assertThat(frame[100]).isZero(); // the prelude's short last frame is padded

        sink.write(said(1));
        sink.write(said(2));
        source.read(frame);
        assertThat(frame).containsOnly((short) 0); // two of the three frames of delay
        sink.write(said(3));
        sink.write(said(4));
        for (int expected = 1; expected <= 4; expected++) {
            assertThat(source.read(frame)).isEqualTo(AudioFrame.SAMPLES);
            assertThat(frame).containsOnly((short) expected);
        }
        source.read(frame);
        assertThat(frame).containsOnly((short) 0); // ran dry: silence, not the end
    }

    @Test
    void dropsTheOldestFramesWhenFullSoTheDelayStaysBounded() {
        EchoLine line = new EchoLine(2, 3);
        EchoSource source = new EchoSource(new short[0], line);
        EchoSink sink = new EchoSink(line);
        short[] frame = AudioFrame.create();
        source.read(frame); // opens the line
        for (int i = 1; i <= 5; i++) {
            sink.write(said(i));
        }
        assertThat(line.dropped()).isEqualTo(2);
        for (int expected = 3; expected <= 5; expected++) {
            source.read(frame);
            assertThat(frame).containsOnly((short) expected);
        }
    }

    @Test
    void keepsACopyOfWhatTheCallWroteSinceThePlayerReusesItsFrame() {
        EchoLine line = new EchoLine(1, 3);
        EchoSource source = new EchoSource(new short[0], line);
        short[] frame = AudioFrame.create();
        source.read(frame);
        short[] written = said(5);
        new EchoSink(line).write(written);
        Arrays.fill(written, (short) 6);
        source.read(frame);
        assertThat(frame).containsOnly((short) 5);
    }

    @Test
    void endsOnlyWhenClosed() {
        EchoSource source = new EchoSource(new short[0], new EchoLine(1, 1));
        short[] frame = AudioFrame.create();
        assertThat(source.read(frame)).isEqualTo(AudioFrame.SAMPLES);
        source.close();
        assertThat(source.read(frame)).isEqualTo(-1);
        assertThat(source.paced()).isFalse();
        assertThat(new EchoSink(new EchoLine(1, 1)).paced()).isFalse();
    }

    @Test
    void refusesADelayLongerThanItsCapacity() {
        assertThatThrownBy(() -> new EchoLine(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePreludeIsSilenceThenTheBundledGreetingThenAToneNearTheEnd() throws Exception {
        short[] greeting = EchoPrelude.greeting();
        short[] prelude = EchoPrelude.load();
        // espeak-ng's greeting, about 5 s at 48 kHz, with speech in it.
        assertThat(greeting.length).isBetween(3 * AudioFrame.SAMPLE_RATE, 8 * AudioFrame.SAMPLE_RATE);
        assertThat(rms(greeting, 0, greeting.length)).isGreaterThan(500);
        int lead = (int) (EchoPrelude.LEAD_IN.toMillis() * 48);
        assertThat(rms(prelude, 0, lead)).isZero();
        assertThat(Arrays.copyOfRange(prelude, lead, lead + greeting.length)).isEqualTo(greeting);
        int pause = (int) (EchoPrelude.PAUSE.toMillis() * 48);
        int toneStart = lead + greeting.length + pause;
        int toneEnd = toneStart + (int) (EchoPrelude.TONE.toMillis() * 48);
        assertThat(rms(prelude, lead + greeting.length, toneStart)).isZero();
        assertThat(rms(prelude, toneStart, toneEnd)).isGreaterThan(0.3 * Short.MAX_VALUE * 0.6);
        assertThat(prelude.length).isEqualTo(toneEnd + pause);
    }

    @Test
    void repliesWithThePrefixCutToAChatMessagesLength() {
        assertThat(EchoChat.reply("hi")).isEqualTo("echo: hi");
        assertThat(EchoChat.reply("x".repeat(io.ngisec.client.chat.ChatEngine.MAX_TEXT))).hasSize(io.ngisec.client.chat.ChatEngine.MAX_TEXT);
    }

    private static short[] said(int value) {
        short[] frame = AudioFrame.create();
        Arrays.fill(frame, (short) value);
        return frame;
    }

    private static double rms(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }
}
