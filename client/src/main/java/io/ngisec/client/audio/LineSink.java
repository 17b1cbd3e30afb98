package io.ngisec.client.audio;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays to an audio device (a javax.sound {@code SourceDataLine}); {@link AudioDevices#openPlayback}
 * opens one. {@link #write} waits for room for the frame in the line's small buffer, so a writer
 * that writes as fast as it can is paced by the device and the playback delay never exceeds the
 * buffer. It waits at most {@link #MAX_WAIT_MILLIS}: a device that frees no room for that long is
 * stalled (or far slower than real time), and the frame is dropped and counted instead, so the
 * writer never hangs. A writer that {@link #awaitRoom awaits room} before it produces a frame
 * hands the frame over as soon as it exists; the wait and the write together still take at most
 * that bound. The line starts playing once the first writes have filled its buffer:
 * started empty, PulseAudio took two frames more into its own buffer at once (40 ms more delay)
 * and sometimes paused for half a second before playing. One thread writes; {@link #close} may
 * come from any thread. An interrupted write returns without writing, the interrupt still set.
 */
public final class LineSink implements AudioSink {

    /**
     * The longest a write waits for room: five frames. A working device frees a frame every 20 ms,
     * but PulseAudio was seen to pause 65 ms between transfers on a busy machine.
     */
    public static final int MAX_WAIT_MILLIS = 5 * AudioFrame.MILLIS;

    private static final long BYTES_PER_MILLI = AudioFrame.SAMPLE_RATE * 2L / 1000;

    private final PcmLine line;
    private final String description;
    private final LineClock clock;
    private final byte[] bytes = new byte[AudioFrame.BYTES];
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;
    private boolean started;
    /** When the current frame's wait for room began ({@link #awaitRoom}), or -1 when none is under way. */
    private long waitingSince = -1;

    LineSink(PcmLine line, String description, LineClock clock) {
        this.line = line;
        this.description = description;
        this.clock = clock;
    }

    /** Waits for room for a frame; the {@link #write} that follows waits only what is left of {@link #MAX_WAIT_MILLIS}. */
    @Override
    public void awaitRoom() {
        if (waitingSince < 0) {
            waitingSince = clock.nanoTime();
        }
        awaitRoomUntil(waitingSince + MAX_WAIT_MILLIS * 1_000_000L);
    }

    @Override
    public void write(short[] frame) throws AudioException {
        AudioFrame.requireFrame(frame);
        long since = waitingSince < 0 ? clock.nanoTime() : waitingSince;
        waitingSince = -1;
        switch (awaitRoomUntil(since + MAX_WAIT_MILLIS * 1_000_000L)) {
            case READY -> { }
            case TIMED_OUT -> {
                dropped.incrementAndGet();
                return;
            }
            case STOPPED -> {
                return;
            }
        }
        AudioFrame.toBytes(frame, bytes);
        line.transfer(bytes, 0, AudioFrame.BYTES);
        written.incrementAndGet();
        if (!started && line.available() < AudioFrame.BYTES) {
            line.start();
            started = true;
        }
    }

    /** Frames handed to the device. */
    public long writtenFrames() {
        return written.get();
    }

    /** Frames dropped because the device had no room for them in time. */
    public long droppedFrames() {
        return dropped.get();
    }

    /** Samples written and not yet played: the playback side's share of the call's delay. */
    public int queuedSamples() {
        return closed ? 0 : (line.bufferBytes() - line.available()) / 2;
    }

    /** The line's buffer in samples, as the driver granted it. */
    public int bufferSamples() {
        return line.bufferBytes() / 2;
    }

    @Override
    public boolean paced() {
        return true;
    }

    @Override
    public String describe() {
        return description;
    }

    /** Releases the device at once; what is still buffered is not played. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        AudioDevices.release(line, "closing " + description);
    }

    private enum Room { READY, TIMED_OUT, STOPPED }

    /** Waits until the line has room for a frame or {@code deadline} passes; STOPPED when closed or interrupted. */
    private Room awaitRoomUntil(long deadline) {
        int room;
        while ((room = line.available()) < AudioFrame.BYTES) {
            long now = clock.nanoTime();
            if (closed) {
                return Room.STOPPED;
            }
            if (now >= deadline) {
                return Room.TIMED_OUT;
            }
            long due = (AudioFrame.BYTES - room) / BYTES_PER_MILLI * 1_000_000;
            if (!sleep(Math.min(Math.max(due, 1_000_000), deadline - now))) {
                return Room.STOPPED;
            }
        }
        return closed ? Room.STOPPED : Room.READY;
    }

    /** Sleeps; false when interrupted, which asks the writer to stop (the interrupt stays set). */
    private boolean sleep(long nanos) {
        try {
            clock.sleep(nanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
