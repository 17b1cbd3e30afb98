package io.ngisec.client.cli;

import io.ngisec.client.audio.AudioEndpoint;
import io.ngisec.client.audio.AudioEndpoints;
import io.ngisec.client.audio.AudioException;
import io.ngisec.client.call.VoiceMedia;
import io.ngisec.client.call.VoiceMediaStarter;
import picocli.CommandLine.Option;

/** The audio options of the commands that make or take calls: {@code --in}, {@code --out}. */
final class AudioOptions {

    @Option(names = "--in", paramLabel = "DEVICE|FILE.wav",
            description = "What the call hears from you: an audio device (see `ngisec devices`), a WAV file, tone[:HZ] or none (default: the default device).")
    private String in;

    @Option(names = "--out", paramLabel = "DEVICE|FILE.wav",
            description = "Where the call's audio goes: an audio device, a WAV file (written as it plays), or none (default: the default device).")
    private String out;

    @Option(names = "--no-fec", hidden = true, description = "Never send in-band FEC (to measure what it brings).")
    private boolean noFec;

    /** Whether {@code --in} or {@code --out} was given. */
    boolean given() {
        return in != null || out != null;
    }

    /**
     * The media starter for these options, its devices and files checked once: a malformed value
     * or an unusable file is bad input (exit 2), no audio device a failure (exit 1).
     */
    VoiceMediaStarter starter() {
        VoiceMediaStarter starter = new VoiceMediaStarter(endpoint(in), endpoint(out), VoiceMedia.Options.defaults().withFec(!noFec));
        try {
            starter.check();
        } catch (AudioException e) {
            throw failure(e);
        }
        return starter;
    }

    private static AudioEndpoint endpoint(String spec) {
        try {
            return AudioEndpoints.parse(spec);
        } catch (AudioException e) {
            throw failure(e);
        }
    }

    private static RuntimeException failure(AudioException e) {
        return e.reason() == AudioException.Reason.BAD_INPUT ? new UsageException(e.getMessage())
                : new CommandFailure(e.getMessage());
    }
}
