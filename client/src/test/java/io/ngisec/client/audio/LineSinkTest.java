package io.ngisec.client.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The playback line's bounded writes, against a device in simulated time. */
class LineSinkTest {

    private static final long FRAME_NANOS = AudioFrame.MILLIS * 1_000_000L;
    private static final int BUFFER = AudioDevices.PLAYBACK_BUFFER_FRAMES * AudioFrame.BYTES;

    private final SimulatedDevice device = new SimulatedDevice(false, BUFFER);
    private final LineSink sink = new LineSink(device, "device \"test\"", device);
    private final short[] frame = AudioFrame.create();

    @Test
    void aWriterAsFastAsItCanIsPacedByTheDeviceAndLosesNothing() throws Exception {
        for (int i = 0; i < 200; i++) {
            sink.write(frame);
        }
        assertEquals(200, sink.writtenFrames());
        assertEquals(0, sink.droppedFrames());
        // The first frames fill the buffer at once; each later one waits for the device to play one.
        long elapsed = device.nanoTime();
        long expected = (200 - AudioDevices.PLAYBACK_BUFFER_FRAMES) * FRAME_NANOS;
        assertTrue(elapsed >= expected && elapsed <= expected + FRAME_NANOS, "elapsed " + elapsed);
        assertTrue(device.mostQueuedBytes() <= BUFFER);
        assertTrue(sink.paced());
    }

    @Test
    void aDeviceAFifthSlowerStillPacesTheWriterWithoutLoss() throws Exception {
        device.speed(0.8);
        for (int i = 0; i < 100; i++) {
            sink.write(frame);
        }
        assertEquals(0, sink.droppedFrames());
        long expected = (long) ((100 - AudioDevices.PLAYBACK_BUFFER_FRAMES) * FRAME_NANOS / 0.8);
        assertTrue(Math.abs(device.nanoTime() - expected) <= FRAME_NANOS, "elapsed " + device.nanoTime());
        assertTrue(device.mostQueuedBytes() <= BUFFER, "the delay stays within the buffer");
    }

    @Test
    void playbackStartsOnceTheBufferIsFull() throws Exception {
        for (int i = 0; i < AudioDevices.PLAYBACK_BUFFER_FRAMES; i++) {
            assertFalse(device.started());
            sink.write(frame);
        }
        assertTrue(device.started());
        assertEquals(0, device.nanoTime(), "filling the buffer did not wait");
    }

    @Test
    void aStalledDeviceCostsEachWriteAtMostTheBoundAndCountsTheDrops() throws Exception {
        device.speed(0);
        for (int i = 0; i < 10; i++) {
            long before = device.nanoTime();
            sink.write(frame);
            assertTrue(device.nanoTime() - before <= LineSink.MAX_WAIT_MILLIS * 1_000_000L);
        }
        assertEquals(AudioDevices.PLAYBACK_BUFFER_FRAMES, sink.writtenFrames());
        assertEquals(10 - AudioDevices.PLAYBACK_BUFFER_FRAMES, sink.droppedFrames());
        assertEquals(BUFFER / 2, sink.queuedSamples());
    }

    @Test
    void aDeviceFarSlowerThanTheWriterLosesFramesNotDelay() throws Exception {
        // A tenth of real time: one frame's room every 200 ms, twice the longest wait.
        device.speed(0.1);
        for (int i = 0; i < 100; i++) {
            long before = device.nanoTime();
            sink.write(frame);
            long waited = device.nanoTime() - before;
            assertTrue(waited <= LineSink.MAX_WAIT_MILLIS * 1_000_000L, "write " + i + " waited " + waited);
        }
        assertEquals(100, sink.writtenFrames() + sink.droppedFrames());
        assertTrue(sink.droppedFrames() >= 40, "dropped " + sink.droppedFrames());
        assertTrue(device.mostQueuedBytes() <= BUFFER, "the delay stays within the buffer");
    }

    @Test
    void closingWhileAWriteWaitsEndsTheWaitWithoutADrop() throws Exception {
        device.speed(0);
        for (int i = 0; i < AudioDevices.PLAYBACK_BUFFER_FRAMES; i++) {
            sink.write(frame);
        }
        device.onSleep(sink::close);
        long before = device.nanoTime();
        sink.write(frame);
        assertTrue(device.nanoTime() - before < LineSink.MAX_WAIT_MILLIS * 1_000_000L);
        assertEquals(0, sink.droppedFrames());
        assertTrue(device.closed());
        assertEquals(0, sink.queuedSamples());
    }

    @Test
    void interruptingTheWriterEndsTheWriteWithoutADropAndKeepsTheInterrupt() throws Exception {
        device.speed(0);
        for (int i = 0; i < AudioDevices.PLAYBACK_BUFFER_FRAMES; i++) {
            sink.write(frame);
        }
        device.onSleep(() -> Thread.currentThread().interrupt());
        try {
            sink.write(frame);
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertEquals(0, sink.droppedFrames());
        assertEquals(AudioDevices.PLAYBACK_BUFFER_FRAMES, sink.writtenFrames());
    }

    @Test
    void awaitingRoomFirstLetsTheWriteHandTheFrameOverAtOnce() throws Exception {
        for (int i = 0; i < AudioDevices.PLAYBACK_BUFFER_FRAMES; i++) {
            sink.write(frame);
        }
        for (int i = 0; i < 50; i++) {
            long before = device.nanoTime();
            sink.awaitRoom();
            long waited = device.nanoTime() - before;
            assertTrue(waited > 0 && waited <= FRAME_NANOS + 1_000_000, "awaitRoom " + i + " waited " + waited);
            long writing = device.nanoTime();
            sink.write(frame);
            assertEquals(writing, device.nanoTime(), "write " + i + " waited");
        }
        assertEquals(0, sink.droppedFrames());
        assertTrue(device.mostQueuedBytes() <= BUFFER);
    }

    @Test
    void awaitingRoomOnAStalledDeviceSharesTheWritesBound() throws Exception {
        for (int i = 0; i < AudioDevices.PLAYBACK_BUFFER_FRAMES; i++) {
            sink.write(frame);
        }
        device.speed(0);
        long before = device.nanoTime();
        sink.awaitRoom();
        sink.write(frame);
        assertEquals(LineSink.MAX_WAIT_MILLIS * 1_000_000L, device.nanoTime() - before);
        assertEquals(1, sink.droppedFrames());
        // The next frame gets a bound of its own.
        before = device.nanoTime();
        sink.write(frame);
        assertEquals(LineSink.MAX_WAIT_MILLIS * 1_000_000L, device.nanoTime() - before);
        assertEquals(2, sink.droppedFrames());
    }
}
