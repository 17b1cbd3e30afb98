package io.ngisec.client.echo;

import io.ngisec.client.audio.AudioFrame;
import java.util.ArrayDeque;

/**
 * The bounded queue that joins the echo's sink (what the caller says) to its source (what the
 * caller hears): frames put while it is closed are dropped; once opened, the first frame comes
 * out after {@code delayFrames} went in, so the caller hears themselves that much later, and
 * when more than {@code capacityFrames} wait (the player ran ahead of the talker) the oldest go,
 * so the delay never grows. Thread safe: one thread puts, another takes.
 */
final class EchoLine {

    private final int delayFrames;
    private final int capacityFrames;
    private final ArrayDeque<short[]> frames = new ArrayDeque<>();
    private boolean open;
    private boolean primed;
    private long dropped;

    EchoLine(int delayFrames, int capacityFrames) {
        if (delayFrames < 0 || capacityFrames < Math.max(1, delayFrames)) {
            throw new IllegalArgumentException("need 0 <= delay <= capacity and capacity >= 1: " + delayFrames + ", " + capacityFrames);
        }
        this.delayFrames = delayFrames;
        this.capacityFrames = capacityFrames;
    }

    /** Starts keeping what is put: before this, the greeting plays and the caller's audio is not echoed. */
    synchronized void open() {
        open = true;
    }

    /** Keeps a copy of {@code frame} (once open), dropping the oldest frame when full. */
    synchronized void put(short[] frame) {
        if (!open) {
            return;
        }
        if (frames.size() == capacityFrames) {
            frames.removeFirst();
            dropped++;
        }
        frames.addLast(frame.clone());
    }

    /** Moves the next frame into {@code out} and returns true, or leaves it and returns false while there is none yet. */
    synchronized boolean take(short[] out) {
        if (!primed) {
            if (frames.size() < Math.max(1, delayFrames)) {
                return false;
            }
            primed = true;
        }
        short[] frame = frames.pollFirst();
        if (frame == null) {
            return false;
        }
        System.arraycopy(frame, 0, out, 0, AudioFrame.SAMPLES);
        return true;
    }

    /** Frames dropped because the queue was full. */
    synchronized long dropped() {
        return dropped;
    }
}
