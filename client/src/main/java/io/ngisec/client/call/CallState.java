package io.ngisec.client.call;

/** Where a call is: ringing, answered with its media starting, talking, or over. */
public enum CallState {
    /** Offered and not yet answered (the caller waits, the callee's device rings). */
    RINGING,
    /** Answered; this side's media is starting (opening the audio devices). */
    CONNECTING,
    /** Media runs on this side. */
    ACTIVE,
    /** Over, for the reason in {@link Call#end()}. */
    ENDED
}
