package io.ngisec.client.transfer;

/** Where a transfer is; each change comes with a one-line reason. */
public enum TransferState {
    /** Offered, waiting for the receiver's decision. */
    OFFERED,
    /** Accepted; chunks are about to flow. */
    ACCEPTED,
    /** The receiver said no. */
    DECLINED,
    /** Refused by policy (a file over the largest size the link's ticket allows). */
    DENIED,
    /** Chunks are flowing. */
    TRANSFERRING,
    /** Paused by either side. */
    PAUSED,
    /** Every file arrived, verified and renamed. */
    COMPLETED,
    /** Failed (write error, verification, file changed); a re-offer resumes from verified chunks. */
    FAILED,
    /** Cancelled by either side; part files deleted. */
    CANCELLED,
    /** The link or the program stopped mid-way; a re-offer resumes from verified chunks. */
    INTERRUPTED;

    /** Whether nothing more will happen to the transfer on this link. */
    public boolean ended() {
        return switch (this) {
            case DECLINED, DENIED, COMPLETED, FAILED, CANCELLED, INTERRUPTED -> true;
            default -> false;
        };
    }
}
