package io.ngisec.app.service;

import java.util.Objects;

/**
 * One entry of the audio input or output menu: what the user reads, and the endpoint in the
 * command line's {@code --in}/{@code --out} syntax ({@code default}, a device name, {@code tone}, {@code none}).
 */
public record AudioChoice(String label, String spec) {

    /** The system's default device. */
    public static final AudioChoice DEFAULT = new AudioChoice("Default device", "default");
    /** No audio: silence in, nothing played. */
    public static final AudioChoice NONE = new AudioChoice("None", "none");
    /** A generated 440 Hz tone, to test a call without a microphone. */
    public static final AudioChoice TONE = new AudioChoice("Test tone", "tone");

    public AudioChoice {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(spec, "spec");
    }

    @Override
    public String toString() {
        return label;
    }
}
