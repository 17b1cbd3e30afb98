package io.ngisec.app.call;

/** Where the call screen is: which controls show and what Esc does. */
public enum CallPhase {
    /** No call: the panel is hidden. */
    IDLE,
    /** Setting up the session to ring a colleague (policy check, path, handshake). */
    PLACING,
    /** The colleague's device rings. */
    RINGING,
    /** A colleague calls this device. */
    INCOMING,
    /** Answered here; the audio starts. */
    CONNECTING,
    /** Talking. */
    ACTIVE,
    /** Over: the reason shows for a few seconds. */
    ENDED;

    /** Whether a call is in progress (anything but idle and ended). */
    public boolean busy() {
        return this != IDLE && this != ENDED;
    }
}
