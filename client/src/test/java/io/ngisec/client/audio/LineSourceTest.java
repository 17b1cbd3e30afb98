package io.ngisec.client.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The capture line's polled reads, against a device in simulated time. */
class LineSourceTest {

    private static final long FRAME_NANOS = AudioFrame.MILLIS * 1_000_000L;
    private static final int BUFFER = AudioDevices.CAPTURE_BUFFER_FRAMES * AudioFrame.BYTES;

    private final SimulatedDevice device = new SimulatedDevice(true, BUFFER);
    private final LineSource source = new LineSource(device, "device \"test\"", device);
    private final short[] frame = AudioFrame.create();

    LineSourceTest() {
        // AudioDevices starts a capture line when it opens it.
        device.start();
    }

    @Test
    void readsComeAtTheDevicesPaceWithEverySampleInOrder() throws Exception {
        for (int f = 0; f < 100; f++) {
            assertEquals(AudioFrame.SAMPLES, source.read(frame));
            for (int i = 0; i < AudioFrame.SAMPLES; i++) {
                assertEquals((short) (f * AudioFrame.SAMPLES + i), frame[i], "frame " + f + " sample " + i);
            }
        }
        long elapsed = device.nanoTime();
        assertTrue(elapsed >= 100 * FRAME_NANOS && elapsed <= 100 * FRAME_NANOS + 1_000_000, "elapsed " + elapsed);
        assertTrue(source.paced());
    }

    @Test
    void aDeviceThatStopsDeliveringFailsTheReadAfterTheStallLimit() {
        device.speed(0);
        AudioException e = assertThrows(AudioException.class, () -> source.read(frame));
        assertEquals("device \"test\" delivered no audio for 5 s", e.getMessage());
        assertEquals(AudioException.Reason.FAILED, e.reason());
        assertEquals(LineSource.STALL_LIMIT.toNanos(), device.nanoTime());
    }

    @Test
    void aReaderThatFallsBehindLosesTheOldestAudioNotTheDelay() throws Exception {
        source.read(frame);
        device.advance(500_000_000L);
        assertTrue(source.queuedSamples() <= BUFFER / 2);
        source.read(frame);
        long newest = device.nextSample() + source.queuedSamples();
        assertTrue(newest - frame[0] <= BUFFER / 2 + AudioFrame.SAMPLES, "the frame read is from the last 80 ms");
    }

    @Test
    void closingWhileAReadWaitsEndsIt() throws Exception {
        device.speed(0);
        device.onSleep(source::close);
        assertEquals(-1, source.read(frame));
        assertTrue(device.closed());
        assertEquals(-1, source.read(frame));
    }

    @Test
    void interruptingTheReaderEndsTheReadAndKeepsTheInterrupt() throws Exception {
        device.speed(0);
        device.onSleep(() -> Thread.currentThread().interrupt());
        try {
            assertEquals(-1, source.read(frame));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
