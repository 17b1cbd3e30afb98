package io.ngisec.client.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no sound server and no devices, asking for a device gives one line saying so, and files
 * are the way out; in {@link DeviceProbe} child JVMs, whose environment the test controls.
 */
class NoAudioDeviceTest {

    @TempDir
    Path dir;

    @Test
    void anAbsentPulseAudioServerOnAMachineWithoutSoundCards() throws Exception {
        Assumptions.assumeFalse(hasSoundCards(), "this machine has sound cards, which ALSA would offer");
        // Debian's ALSA configuration makes the default device PulseAudio when one answers; none does.
        assertNoDevices(environment(false));
    }

    @Test
    void noAlsaDevicesAtAll() throws Exception {
        // An empty ALSA configuration defines no devices, whatever sound cards the machine has.
        assertNoDevices(environment(true));
    }

    private static void assertNoDevices(Consumer<ProcessBuilder> environment) throws Exception {
        assertEquals(List.of("error no audio input device available (use --in FILE.wav)"), probe(environment, "open-capture"));
        assertEquals(List.of("error no audio output device available (use --out FILE.wav or --out none)"),
                probe(environment, "open-playback"));
        assertEquals(List.of("listed"), probe(environment, "list"));
    }

    private Consumer<ProcessBuilder> environment(boolean emptyAlsaConfig) throws Exception {
        Path config = Files.writeString(dir.resolve("asound.conf"), "");
        return builder -> {
            builder.environment().keySet().removeIf(name -> name.startsWith("PULSE_") || name.startsWith("ALSA_"));
            builder.environment().put("HOME", dir.toString());
            builder.environment().put("XDG_RUNTIME_DIR", dir.toString());
            builder.environment().put("PULSE_SERVER", "unix:" + dir.resolve("no-server"));
            if (emptyAlsaConfig) {
                builder.environment().put("ALSA_CONFIG_PATH", config.toString());
            }
        };
    }

    private static List<String> probe(Consumer<ProcessBuilder> environment, String... args) throws Exception {
        try (ProbeProcess probe = ProbeProcess.start(environment, args)) {
            return probe.finish();
        }
    }

    private static boolean hasSoundCards() throws Exception {
        Path cards = Path.of("/proc/asound/cards");
        return Files.exists(cards) && !Files.readString(cards).contains("no soundcards");
    }
}
