package io.ngisec.client.call;

/** What the player does for the next 20 ms, as decided by {@link JitterBuffer#next}. */
public sealed interface Playout {

    /** Decode this frame. */
    record Play(MediaFrame frame) implements Playout {
    }

    /** Frame {@code lostSequence} is missing but {@code next} is here: decode {@code next} with the FEC flag to recover it. */
    record DecodeFec(long lostSequence, MediaFrame next) implements Playout {
    }

    /** Frame {@code lostSequence} is missing and so is the one after it: Opus packet loss concealment (decode a null packet). */
    record Conceal(long lostSequence) implements Playout {
    }

    /**
     * Play 20 ms without consuming a frame, to grow the buffer delay: Opus loss concealment, or
     * silence when {@code afterSilence} (the last frame played was silence, so nothing is stretched).
     */
    record Stretch(boolean afterSilence) implements Playout {
    }

    /** Nothing to play yet (no frame, or the first frame waits out the target delay): play silence. */
    record Silence() implements Playout {
    }
}
