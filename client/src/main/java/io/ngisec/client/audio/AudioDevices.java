package io.ngisec.client.audio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * The machine's audio devices through javax.sound: listing them and opening one for capture or
 * playback in the call format (48 kHz mono 16-bit, signed little-endian). Every call into
 * javax.sound is {@link Bounded bounded} by {@link #TIMEOUT}, so a missing or stuck sound
 * system gives a one-line {@link AudioException}, never a hang.
 *
 * <p>Line buffers are small because they are the call's device delay. Playback gets
 * {@link #PLAYBACK_BUFFER_FRAMES} frames (40 ms): a paced writer keeps it nearly full, and
 * PulseAudio's ALSA plugin sizes the server's own stream buffer from it, so every frame more
 * adds about a frame to the delay (measured through a null sink and its monitor, from
 * {@link LineSink#write} to {@link LineSource#read}, the 20 ms a captured frame takes to fill
 * included: 21-48 ms with two frames, 44-70 ms with three, 62-89 ms with four). One frame would
 * leave no slack between the writer's wake-ups. Capture gets {@link #CAPTURE_BUFFER_FRAMES} frames (80 ms):
 * reads take each frame as soon as it is complete, so the size did not change the delay, and it
 * is slack for a reader that is late on a busy machine before audio is lost.
 *
 * <p>A device is named as {@link #list()} shows it; a name may also be the start of exactly one
 * device's name, ignoring case ({@code default} for {@code default [default]}).
 */
public final class AudioDevices {

    /** The longest any javax.sound call (listing, opening, closing) may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Frames the playback line buffers. */
    public static final int PLAYBACK_BUFFER_FRAMES = 2;
    /** Frames the capture line buffers. */
    public static final int CAPTURE_BUFFER_FRAMES = 4;

    private static final DataLine.Info CAPTURE = new DataLine.Info(TargetDataLine.class, AudioFrame.LINE_FORMAT);
    private static final DataLine.Info PLAYBACK = new DataLine.Info(SourceDataLine.class, AudioFrame.LINE_FORMAT);

    private AudioDevices() {
    }

    /** The devices that can capture or play call audio; empty when there are none. */
    public static List<AudioDevice> list() throws AudioException {
        return Bounded.call(TIMEOUT, "listing audio devices", AudioDevices::listNow, devices -> {
        });
    }

    /** Opens and starts the device {@code name} (the default device when empty) for capture. */
    public static LineSource openCapture(Optional<String> name) throws AudioException {
        String what = "opening " + name.map(n -> "audio device '" + n + "'").orElse("the audio input");
        return Bounded.call(TIMEOUT, what, () -> openCaptureNow(name), LineSource::close);
    }

    /** Opens the device {@code name} (the default device when empty) for playback; it starts once the first frames fill its buffer. */
    public static LineSink openPlayback(Optional<String> name) throws AudioException {
        String what = "opening " + name.map(n -> "audio device '" + n + "'").orElse("the audio output");
        return Bounded.call(TIMEOUT, what, () -> openPlaybackNow(name), LineSink::close);
    }

    /**
     * The device {@code name} designates among {@code devices}: its exact name, or else the one
     * name that starts with it, ignoring case; it must be able to capture (or play).
     */
    static AudioDevice select(List<AudioDevice> devices, String name, boolean capture) throws AudioException {
        List<AudioDevice> matches = devices.stream().filter(d -> d.name().equals(name)).toList();
        if (matches.isEmpty()) {
            String prefix = name.toLowerCase(Locale.ROOT);
            matches = devices.stream().filter(d -> d.name().toLowerCase(Locale.ROOT).startsWith(prefix)).toList();
        }
        if (matches.isEmpty()) {
            // With no devices at all, pointing at a list that is empty would not help: say what works.
            throw new AudioException(AudioException.Reason.BAD_INPUT, "no audio device named '" + name + "'; "
                    + (!devices.isEmpty() ? "`ngisec devices` lists them"
                            : capture ? "this machine has no audio devices: use --in FILE.wav, tone or none"
                                    : "this machine has no audio devices: use --out FILE.wav or none"));
        }
        if (matches.size() > 1) {
            throw new AudioException(AudioException.Reason.BAD_INPUT, "audio device name '" + name
                    + "' matches " + String.join(", ", matches.stream().map(d -> "'" + d.name() + "'").toList())
                    + "; give more of it");
        }
        AudioDevice device = matches.getFirst();
        if (capture ? !device.capture() : !device.playback()) {
            throw new AudioException(AudioException.Reason.BAD_INPUT, "audio device '" + device.name() + "' cannot "
                    + (capture ? "capture" : "play") + " 48 kHz mono 16-bit audio");
        }
        return device;
    }

    /** Stops and closes a line within {@link #TIMEOUT}; a line that does not close in time is left to its thread. */
    static void release(PcmLine line, String what) {
        try {
            Bounded.call(TIMEOUT, what, () -> {
                line.close();
                return line;
            }, ignored -> {
            });
        } catch (AudioException e) {
            // Closing is best effort: the device is no longer used either way.
        }
    }

    private static List<AudioDevice> listNow() {
        List<AudioDevice> devices = new ArrayList<>();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            Mixer mixer = AudioSystem.getMixer(info);
            boolean capture = mixer.isLineSupported(CAPTURE);
            boolean playback = mixer.isLineSupported(PLAYBACK);
            if (capture || playback) {
                devices.add(new AudioDevice(info.getName(), info.getDescription(), capture, playback));
            }
        }
        return devices;
    }

    private static LineSource openCaptureNow(Optional<String> name) throws AudioException {
        Opened<TargetDataLine> opened = line(name, CAPTURE, true);
        try {
            opened.line().open(AudioFrame.LINE_FORMAT, CAPTURE_BUFFER_FRAMES * AudioFrame.BYTES);
            opened.line().start();
        } catch (LineUnavailableException | IllegalArgumentException | IllegalStateException e) {
            opened.line().close();
            throw unavailable(opened.description(), e);
        }
        return new LineSource(PcmLine.capture(opened.line()), opened.description(), LineClock.SYSTEM);
    }

    private static LineSink openPlaybackNow(Optional<String> name) throws AudioException {
        Opened<SourceDataLine> opened = line(name, PLAYBACK, false);
        try {
            opened.line().open(AudioFrame.LINE_FORMAT, PLAYBACK_BUFFER_FRAMES * AudioFrame.BYTES);
        } catch (LineUnavailableException | IllegalArgumentException | IllegalStateException e) {
            opened.line().close();
            throw unavailable(opened.description(), e);
        }
        return new LineSink(PcmLine.playback(opened.line()), opened.description(), LineClock.SYSTEM);
    }

    private record Opened<L extends Line>(L line, String description) {
    }

    @SuppressWarnings("unchecked")
    private static <L extends Line> Opened<L> line(Optional<String> name, DataLine.Info info, boolean capture)
            throws AudioException {
        try {
            if (name.isEmpty()) {
                return new Opened<>((L) AudioSystem.getLine(info), "device \"default\"");
            }
            AudioDevice device = select(listNow(), name.get(), capture);
            for (Mixer.Info mixer : AudioSystem.getMixerInfo()) {
                if (mixer.getName().equals(device.name())) {
                    return new Opened<>((L) AudioSystem.getMixer(mixer).getLine(info), "device \"" + device.name() + "\"");
                }
            }
            throw new AudioException(AudioException.Reason.NO_DEVICE, "audio device '" + device.name() + "' went away");
        } catch (IllegalArgumentException e) {
            throw new AudioException(AudioException.Reason.NO_DEVICE, capture
                    ? "no audio input device available (use --in FILE.wav)"
                    : "no audio output device available (use --out FILE.wav or --out none)");
        } catch (LineUnavailableException e) {
            throw unavailable(name.map(n -> "device \"" + n + "\"").orElse("device \"default\""), e);
        }
    }

    private static AudioException unavailable(String description, Exception e) {
        String why = e.getMessage() == null || e.getMessage().isBlank() ? "busy or unavailable" : e.getMessage();
        return new AudioException(AudioException.Reason.NO_DEVICE, "cannot open audio " + description + ": " + why, e);
    }
}
