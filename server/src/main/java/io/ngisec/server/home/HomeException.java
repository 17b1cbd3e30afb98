package io.ngisec.server.home;

/**
 * Why a server home could not be created, read or unlocked. The only checked failure of this
 * package; its message is one line for the administrator and never contains key material.
 */
public final class HomeException extends Exception {

    /** What went wrong, for callers that map failures to exit codes. */
    public enum Reason {
        /** The directory is not a server home (missing, or no server.conf). */
        NOT_A_HOME,
        /** init was pointed at a directory that already has files in it. */
        NOT_EMPTY,
        /** server.conf, a certificate or an init argument is not valid. */
        BAD_CONFIG,
        /** A key file is not in the key-file format (truncated, wrong magic, unknown version). */
        BAD_KEY_FILE,
        /** A key file did not decrypt: wrong passphrase or master key, or the file was altered. */
        WRONG_SECRET,
        /** Neither the passphrase variable nor secrets/master.key is there to unlock the keys. */
        NO_SECRET,
        /** Reading or writing a file failed. */
        IO
    }

    private final Reason reason;

    public HomeException(Reason reason, String message) {
        this(reason, message, null);
    }

    public HomeException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
