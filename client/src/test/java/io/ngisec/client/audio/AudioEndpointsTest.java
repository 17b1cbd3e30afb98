package io.ngisec.client.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioEndpointsTest {

    @Test
    void absentOrDefaultIsTheDefaultDevice() throws Exception {
        assertEquals(new AudioEndpoint.Device(Optional.empty()), AudioEndpoints.parse(null));
        assertEquals(new AudioEndpoint.Device(Optional.empty()), AudioEndpoints.parse("default"));
        assertEquals(new AudioEndpoint.Device(Optional.empty()), AudioEndpoints.parse("DEFAULT"));
    }

    @Test
    void aWavPathIsAFile() throws Exception {
        assertEquals(new AudioEndpoint.WavFile(Path.of("talk.wav")), AudioEndpoints.parse("talk.wav"));
        assertEquals(new AudioEndpoint.WavFile(Path.of("/tmp/with space/Out.WAV")),
                AudioEndpoints.parse("/tmp/with space/Out.WAV"));
    }

    @Test
    void toneWithOrWithoutAFrequency() throws Exception {
        assertEquals(new AudioEndpoint.Tone(440), AudioEndpoints.parse("tone"));
        assertEquals(new AudioEndpoint.Tone(1000), AudioEndpoints.parse("tone:1000"));
        assertEquals(new AudioEndpoint.Tone(261.6), AudioEndpoints.parse("Tone:261.6"));
    }

    @Test
    void noneIsNoAudio() throws Exception {
        assertEquals(new AudioEndpoint.None(), AudioEndpoints.parse("none"));
    }

    @Test
    void anythingElseIsADeviceName() throws Exception {
        assertEquals(new AudioEndpoint.Device(Optional.of("default [default]")), AudioEndpoints.parse("default [default]"));
        assertEquals(new AudioEndpoint.Device(Optional.of("USB Headset")), AudioEndpoints.parse(" USB Headset "));
        assertEquals(new AudioEndpoint.Device(Optional.of("notes.mp3")), AudioEndpoints.parse("notes.mp3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tone:", "tone:abc", "tone:0", "tone:-5", "tone:19", "tone:20001", "tone:NaN", "tone:Infinity"})
    void aBadToneFrequencyIsOneLine(String spec) {
        AudioException e = assertThrows(AudioException.class, () -> AudioEndpoints.parse(spec));
        assertEquals("bad tone frequency '" + spec.substring(5) + "'; use tone:HZ with HZ from 20 to 20000", e.getMessage());
        assertEquals(AudioException.Reason.BAD_INPUT, e.reason());
    }

    @Test
    void emptyIsRefused() {
        AudioException e = assertThrows(AudioException.class, () -> AudioEndpoints.parse("  "));
        assertEquals(AudioException.Reason.BAD_INPUT, e.reason());
    }

    @Test
    void endpointsOpenWhatTheyName() throws Exception {
        try (AudioSource tone = AudioEndpoints.parse("tone:500").openSource()) {
            assertEquals("tone 500 Hz", tone.describe());
        }
        try (AudioSource silence = AudioEndpoints.parse("none").openSource();
                AudioSink discard = AudioEndpoints.parse("none").openSink()) {
            assertInstanceOf(SilenceSource.class, silence);
            assertInstanceOf(NullSink.class, discard);
        }
        AudioException e = assertThrows(AudioException.class, () -> AudioEndpoints.parse("tone").openSink());
        assertEquals("a tone is an input only; for output give a device, FILE.wav or none", e.getMessage());
    }
}
