package io.ngisec.app.service;

import io.ngisec.app.settings.AppSettings;
import io.ngisec.client.audio.AudioDevice;
import io.ngisec.client.audio.AudioDevices;
import io.ngisec.client.audio.AudioEndpoints;
import io.ngisec.client.audio.AudioException;
import io.ngisec.client.audio.AudioSink;
import io.ngisec.client.audio.AudioSource;
import io.ngisec.client.audio.InputLevel;
import io.ngisec.client.call.CallMedia;
import io.ngisec.client.call.MediaStarter;
import io.ngisec.client.call.VoiceMedia;
import io.ngisec.client.link.PeerLink;
import io.ngisec.client.store.StoreException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The app's call audio: the menus of inputs and outputs (the javax.sound devices, plus a test
 * tone and none), what is chosen, and the {@link MediaStarter} that opens the choice when a call
 * is answered, its output metered. The choice applies from the next media start: the client's
 * media keeps its devices for the whole call.
 *
 * <p>Without any device the choice starts at none (a headless machine). The system properties
 * {@value #INPUT_PROPERTY} and {@value #OUTPUT_PROPERTY} (in {@code --in}/{@code --out} syntax)
 * override the first choice: how tests and demos run calls without a sound card. Thread safe.
 */
public final class CallAudio implements MediaStarter {

    /** Overrides the first input choice, e.g. {@code tone}. */
    public static final String INPUT_PROPERTY = "ngisec.audio.in";
    /** Overrides the first output choice, e.g. {@code none}. */
    public static final String OUTPUT_PROPERTY = "ngisec.audio.out";

    private volatile AudioChoice input;
    private volatile AudioChoice output;
    /** The choices saved in Settings, read when a call starts unless one was made in the call panel. */
    private final Optional<AppSettings> settings;
    private volatile boolean inputChosen;
    private volatile boolean outputChosen;
    private volatile MeteredSink playing;

    /** Audio with the first choice from the system properties, else none (until {@link #list()} finds devices). */
    public CallAudio() {
        this(Optional.empty());
    }

    /**
     * As {@link #CallAudio()}, with the devices saved in Settings ({@code app.audioInput},
     * {@code app.audioOutput}) as the choice for every call unless the system properties or the
     * call panel say otherwise.
     */
    public CallAudio(Optional<AppSettings> settings) {
        this.settings = settings;
        this.input = fromProperty(INPUT_PROPERTY).orElse(AudioChoice.NONE);
        this.output = fromProperty(OUTPUT_PROPERTY).orElse(AudioChoice.NONE);
    }

    /**
     * Lists the devices (bounded by {@link AudioDevices#TIMEOUT}; call it off the UI thread); the
     * first time devices are found and nothing was set, the default device becomes the choice.
     */
    public AudioChoices list() {
        List<AudioDevice> devices;
        try {
            devices = AudioDevices.list();
        } catch (AudioException e) {
            devices = List.of();
        }
        List<AudioChoice> inputs = new ArrayList<>();
        List<AudioChoice> outputs = new ArrayList<>();
        if (devices.stream().anyMatch(AudioDevice::capture)) {
            inputs.add(AudioChoice.DEFAULT);
        }
        if (devices.stream().anyMatch(AudioDevice::playback)) {
            outputs.add(AudioChoice.DEFAULT);
        }
        for (AudioDevice d : devices) {
            if (d.capture()) {
                inputs.add(new AudioChoice(d.name(), d.name()));
            }
            if (d.playback()) {
                outputs.add(new AudioChoice(d.name(), d.name()));
            }
        }
        inputs.add(AudioChoice.TONE);
        inputs.add(AudioChoice.NONE);
        outputs.add(AudioChoice.NONE);
        synchronized (this) {
            applySaved();
            if (input == AudioChoice.NONE && fromProperty(INPUT_PROPERTY).isEmpty() && inputs.contains(AudioChoice.DEFAULT)) {
                input = AudioChoice.DEFAULT;
            }
            if (output == AudioChoice.NONE && fromProperty(OUTPUT_PROPERTY).isEmpty() && outputs.contains(AudioChoice.DEFAULT)) {
                output = AudioChoice.DEFAULT;
            }
            addIfMissing(inputs, input);
            addIfMissing(outputs, output);
            return new AudioChoices(inputs, outputs, input, output);
        }
    }

    public void chooseInput(AudioChoice choice) {
        input = choice;
        inputChosen = true;
    }

    public void chooseOutput(AudioChoice choice) {
        output = choice;
        outputChosen = true;
    }

    /** Takes the devices saved in Settings where neither a property nor the call panel chose. Blocking. */
    private synchronized void applySaved() {
        if (settings.isEmpty()) {
            return;
        }
        try {
            // "default" (also what an unset setting reads as) leaves the choice to list(), which
            // takes the default device only where there is one.
            String in = settings.get().audioInput();
            if (!inputChosen && fromProperty(INPUT_PROPERTY).isEmpty() && !in.equals(AppSettings.SYSTEM_DEFAULT)) {
                input = choiceOf(in);
            }
            String out = settings.get().audioOutput();
            if (!outputChosen && fromProperty(OUTPUT_PROPERTY).isEmpty() && !out.equals(AppSettings.SYSTEM_DEFAULT)) {
                output = choiceOf(out);
            }
        } catch (StoreException e) {
            // unreadable settings: the choices so far stand
        }
    }

    private static AudioChoice choiceOf(String spec) {
        return switch (spec) {
            case "none" -> AudioChoice.NONE;
            case "tone" -> AudioChoice.TONE;
            default -> new AudioChoice(spec, spec);
        };
    }

    /** The level of what the running call plays (dBFS); silence when none plays. */
    public double outputLevelDbfs() {
        MeteredSink sink = playing;
        return sink == null ? InputLevel.FLOOR_DBFS : sink.levelDbfs();
    }

    @Override
    public CallMedia start(PeerLink link, String callId) throws IOException {
        applySaved();
        AudioSource source;
        AudioSink sink;
        try {
            source = AudioEndpoints.parse(input.spec()).openSource();
        } catch (AudioException e) {
            throw new IOException(e.getMessage(), e);
        }
        try {
            sink = AudioEndpoints.parse(output.spec()).openSink();
        } catch (AudioException e) {
            source.close();
            throw new IOException(e.getMessage(), e);
        }
        MeteredSink metered = new MeteredSink(sink);
        playing = metered;
        return VoiceMedia.start(link, callId, source, metered, VoiceMedia.Options.defaults());
    }

    private static void addIfMissing(List<AudioChoice> choices, AudioChoice chosen) {
        if (choices.stream().noneMatch(c -> c.spec().equals(chosen.spec()))) {
            choices.add(chosen);
        }
    }

    private static Optional<AudioChoice> fromProperty(String name) {
        String spec = System.getProperty(name);
        if (spec == null || spec.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(switch (spec.strip()) {
            case "none" -> AudioChoice.NONE;
            case "tone" -> AudioChoice.TONE;
            case "default" -> AudioChoice.DEFAULT;
            default -> new AudioChoice(spec.strip(), spec.strip());
        });
    }
}
