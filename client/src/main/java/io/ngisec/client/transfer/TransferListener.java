package io.ngisec.client.transfer;

/**
 * Hears what transfers do. Called from the engine's threads (never while it holds a lock a caller
 * could need); implementations return quickly.
 */
public interface TransferListener {

    /** {@code transfer} is now in {@code state}, for the one-line {@code reason}. */
    default void stateChanged(Transfer transfer, TransferState state, String reason) {
    }

    /** Progress, at most every {@link ProgressMeter#INTERVAL} per transfer and once at the end. */
    default void progress(Transfer transfer, TransferProgress progress) {
    }

    /** A listener that ignores everything. */
    TransferListener NONE = new TransferListener() {
    };
}
