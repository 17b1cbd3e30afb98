package io.ngisec.client.echo;

import io.ngisec.client.audio.AudioException;
import io.ngisec.client.audio.AudioFrame;
import io.ngisec.client.audio.ToneSource;
import io.ngisec.client.audio.WavSource;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** What every call to the echo contact hears first: a short silence, the bundled greeting, a pause, a tone, a pause. */
public final class EchoPrelude {

    /** The tone after the greeting: high enough to stand apart from the voice, short like a beep. */
    public static final double TONE_HZ = 880;
    static final Duration TONE = Duration.ofMillis(400);
    static final Duration PAUSE = Duration.ofMillis(300);
    /**
     * Silence before the greeting: the first half second of a call is when both ends' jitter
     * buffers settle and the caller's codec is still being compiled, and a greeting started at
     * once lost its first words to late frames on a busy machine (a CI run heard it at 0.26
     * correlation where quiet runs score 0.86).
     */
    static final Duration LEAD_IN = Duration.ofMillis(500);
    private static final double TONE_AMPLITUDE = 0.3;
    private static final String GREETING = "greeting.wav";

    private EchoPrelude() {
    }

    /** The greeting alone, 48 kHz mono (converted from the bundled 16 kHz file). */
    public static short[] greeting() throws AudioException {
        InputStream in = EchoPrelude.class.getResourceAsStream(GREETING);
        if (in == null) {
            throw new AudioException(AudioException.Reason.FAILED, "the echo contact's greeting is missing from the class path");
        }
        try (WavSource source = WavSource.read(in, GREETING)) {
            return readAll(source);
        }
    }

    /** The whole prelude, 48 kHz mono: lead-in silence, greeting, pause, tone, pause. */
    static short[] load() throws AudioException {
        short[] greeting = greeting();
        int lead = samples(LEAD_IN);
        int pause = samples(PAUSE);
        short[] tone = readAll(new ToneSource(TONE_HZ, TONE_AMPLITUDE, Optional.of(TONE)));
        short[] all = new short[lead + greeting.length + pause + tone.length + pause];
        System.arraycopy(greeting, 0, all, lead, greeting.length);
        System.arraycopy(tone, 0, all, lead + greeting.length + pause, tone.length);
        return all;
    }

    private static int samples(Duration d) {
        return (int) (d.toMillis() * AudioFrame.SAMPLE_RATE / 1000);
    }

    private static short[] readAll(io.ngisec.client.audio.AudioSource source) throws AudioException {
        short[] all = new short[AudioFrame.SAMPLE_RATE];
        int length = 0;
        short[] frame = AudioFrame.create();
        int n;
        while ((n = source.read(frame)) >= 0) {
            if (length + n > all.length) {
                all = Arrays.copyOf(all, Math.max(all.length * 2, length + n));
            }
            System.arraycopy(frame, 0, all, length, n);
            length += n;
        }
        return Arrays.copyOf(all, length);
    }
}
