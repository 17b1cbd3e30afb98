package io.ngisec.client.audio;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Reads the value of {@code --in} or {@code --out} into an {@link AudioEndpoint}. */
public final class AudioEndpoints {

    /** The frequency of a bare {@code tone}: concert A. */
    public static final double DEFAULT_TONE_HZ = 440;

    private static final double MIN_TONE_HZ = 20;
    private static final double MAX_TONE_HZ = 20_000;

    private AudioEndpoints() {
    }

    /**
     * {@code null} (option absent) or {@code default}: the default device; {@code none}: no audio;
     * {@code tone} or {@code tone:HZ}: a generated tone; a path ending in {@code .wav} (any case):
     * that file; anything else: a device name. Malformed values fail with one line.
     */
    public static AudioEndpoint parse(String spec) throws AudioException {
        if (spec == null) {
            return new AudioEndpoint.Device(Optional.empty());
        }
        String trimmed = spec.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (trimmed.isEmpty()) {
            throw bad("empty audio input or output; give a device name, FILE.wav, tone[:HZ] or none");
        }
        if (lower.equals("default")) {
            return new AudioEndpoint.Device(Optional.empty());
        }
        if (lower.equals("none")) {
            return new AudioEndpoint.None();
        }
        if (lower.equals("tone")) {
            return new AudioEndpoint.Tone(DEFAULT_TONE_HZ);
        }
        if (lower.startsWith("tone:")) {
            return new AudioEndpoint.Tone(toneHz(trimmed.substring("tone:".length())));
        }
        if (lower.endsWith(".wav")) {
            try {
                return new AudioEndpoint.WavFile(Path.of(trimmed));
            } catch (InvalidPathException e) {
                throw bad("not a usable file name: " + trimmed);
            }
        }
        return new AudioEndpoint.Device(Optional.of(trimmed));
    }

    private static double toneHz(String text) throws AudioException {
        double hz;
        try {
            hz = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            hz = Double.NaN;
        }
        if (!(hz >= MIN_TONE_HZ && hz <= MAX_TONE_HZ)) {
            throw bad("bad tone frequency '" + text + "'; use tone:HZ with HZ from 20 to 20000");
        }
        return hz;
    }

    private static AudioException bad(String message) {
        return new AudioException(AudioException.Reason.BAD_INPUT, message);
    }
}
