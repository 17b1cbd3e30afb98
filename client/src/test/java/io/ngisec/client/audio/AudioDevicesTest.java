package io.ngisec.client.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Choosing a device by name, and the time bound on javax.sound calls; the devices themselves are in {@link PulseAudioDeviceTest}. */
class AudioDevicesTest {

    private static final List<AudioDevice> DEVICES = List.of(
            new AudioDevice("default [default]", "Direct Audio Device: default", true, true),
            new AudioDevice("Generic [plughw:0,0]", "HDA Intel PCH, ALC892 Analog", false, true),
            new AudioDevice("Generic [plughw:0,1]", "HDA Intel PCH, ALC892 Digital", false, true),
            new AudioDevice("USB Mic [plughw:1,0]", "USB Audio", true, false));

    @Test
    void anExactNameOrTheStartOfOneNameChoosesADevice() throws Exception {
        assertSame(DEVICES.get(0), AudioDevices.select(DEVICES, "default [default]", true));
        assertSame(DEVICES.get(0), AudioDevices.select(DEVICES, "default", true));
        assertSame(DEVICES.get(3), AudioDevices.select(DEVICES, "usb mic", true));
        assertSame(DEVICES.get(2), AudioDevices.select(DEVICES, "Generic [plughw:0,1]", false));
    }

    @Test
    void anUnknownNameSaysWhereTheNamesAre() {
        AudioException e = assertThrows(AudioException.class, () -> AudioDevices.select(DEVICES, "Headset", true));
        assertEquals("no audio device named 'Headset'; `ngisec devices` lists them", e.getMessage());
        assertEquals(AudioException.Reason.BAD_INPUT, e.reason());
    }

    @Test
    void anUnknownNameWithNoDevicesAtAllSaysWhatWorksInstead() {
        AudioException in = assertThrows(AudioException.class, () -> AudioDevices.select(List.of(), "Headset", true));
        assertEquals("no audio device named 'Headset'; this machine has no audio devices: use --in FILE.wav, tone or none",
                in.getMessage());
        assertEquals(AudioException.Reason.BAD_INPUT, in.reason());
        AudioException out = assertThrows(AudioException.class, () -> AudioDevices.select(List.of(), "Headset", false));
        assertEquals("no audio device named 'Headset'; this machine has no audio devices: use --out FILE.wav or none",
                out.getMessage());
    }

    @Test
    void anAmbiguousNameListsTheCandidates() {
        AudioException e = assertThrows(AudioException.class, () -> AudioDevices.select(DEVICES, "generic", false));
        assertEquals("audio device name 'generic' matches 'Generic [plughw:0,0]', 'Generic [plughw:0,1]'; give more of it",
                e.getMessage());
    }

    @Test
    void aDeviceMustDoWhatItIsAskedFor() {
        AudioException e = assertThrows(AudioException.class, () -> AudioDevices.select(DEVICES, "Generic [plughw:0,0]", true));
        assertEquals("audio device 'Generic [plughw:0,0]' cannot capture 48 kHz mono 16-bit audio", e.getMessage());
        e = assertThrows(AudioException.class, () -> AudioDevices.select(DEVICES, "USB", false));
        assertEquals("audio device 'USB Mic [plughw:1,0]' cannot play 48 kHz mono 16-bit audio", e.getMessage());
    }

    @Test
    void aCallThatNeverReturnsGivesUpAndDisposesOfALateResult() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<String> disposed = new CompletableFuture<>();
        AudioException e = assertThrows(AudioException.class, () -> Bounded.call(Duration.ofMillis(100),
                "opening the audio input", () -> {
                    release.join();
                    return "line";
                }, disposed::complete));
        assertEquals("opening the audio input did not finish within 100 ms; the sound system is not answering", e.getMessage());
        assertEquals(AudioException.Reason.NO_DEVICE, e.reason());
        release.complete(null);
        assertEquals("line", disposed.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aCallsOwnFailurePassesThroughAndOthersBecomeOneLine() {
        AudioException own = new AudioException(AudioException.Reason.BAD_INPUT, "no audio device named 'x'");
        assertSame(own, assertThrows(AudioException.class,
                () -> Bounded.call(Duration.ofSeconds(10), "opening", () -> {
                    throw own;
                }, ignored -> {
                })));
        AudioException wrapped = assertThrows(AudioException.class,
                () -> Bounded.call(Duration.ofSeconds(10), "opening 'x'", () -> {
                    throw new IllegalStateException("line busy");
                }, ignored -> {
                }));
        assertEquals("opening 'x' failed: line busy", wrapped.getMessage());
        assertTrue(wrapped.getCause() instanceof IllegalStateException);
    }
}
