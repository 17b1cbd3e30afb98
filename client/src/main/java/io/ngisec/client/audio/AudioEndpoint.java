package io.ngisec.client.audio;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code --in} or {@code --out} names ({@link AudioEndpoints#parse}): a device, a WAV file,
 * a generated tone, or nothing. Opening it gives the {@link AudioSource} or {@link AudioSink}.
 */
public sealed interface AudioEndpoint {

    /** Opens this endpoint as a call's input. */
    AudioSource openSource() throws AudioException;

    /** Opens this endpoint as a call's output. */
    AudioSink openSink() throws AudioException;

    /** An audio device: {@code name} as {@code ngisec devices} lists it, or the default device when empty. */
    record Device(Optional<String> name) implements AudioEndpoint {

        public Device {
            Objects.requireNonNull(name);
        }

        @Override
        public AudioSource openSource() throws AudioException {
            return AudioDevices.openCapture(name);
        }

        @Override
        public AudioSink openSink() throws AudioException {
            return AudioDevices.openPlayback(name);
        }
    }

    /** A WAV file: read as input ({@link WavSource}), written as output ({@link WavSink}). */
    record WavFile(Path path) implements AudioEndpoint {

        public WavFile {
            Objects.requireNonNull(path);
        }

        @Override
        public AudioSource openSource() throws AudioException {
            return WavSource.open(path);
        }

        @Override
        public AudioSink openSink() throws AudioException {
            return WavSink.create(path);
        }
    }

    /** An endless sine tone of {@code hz}; an input only. */
    record Tone(double hz) implements AudioEndpoint {

        @Override
        public AudioSource openSource() {
            return ToneSource.of(hz);
        }

        @Override
        public AudioSink openSink() throws AudioException {
            throw new AudioException(AudioException.Reason.BAD_INPUT,
                    "a tone is an input only; for output give a device, FILE.wav or none");
        }
    }

    /** No audio: silence as input, discarded as output. */
    record None() implements AudioEndpoint {

        @Override
        public AudioSource openSource() {
            return new SilenceSource();
        }

        @Override
        public AudioSink openSink() {
            return new NullSink();
        }
    }
}
