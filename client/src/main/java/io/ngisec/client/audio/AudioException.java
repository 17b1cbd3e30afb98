package io.ngisec.client.audio;

/** Audio input or output failed or was asked for wrongly; the message is one line for users. */
public final class AudioException extends Exception {

    /** Why, so the command line can choose its exit code and the app its wording. */
    public enum Reason {
        /** The user named something unusable: a missing or unsupported WAV, an unknown device, a malformed endpoint. */
        BAD_INPUT,
        /** No audio device is available, or the one asked for cannot be opened or does not answer. */
        NO_DEVICE,
        /** Audio stopped flowing after it started: a file read or write failed, a device stalled. */
        FAILED
    }

    private final Reason reason;

    public AudioException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public AudioException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
