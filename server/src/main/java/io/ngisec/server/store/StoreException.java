package io.ngisec.server.store;

/**
 * A storage failure (database unreachable, constraint violated, migration failed). The message is
 * for logs: it names the operation and the SQLState, never SQL text or values; the cause (for logs
 * only) may hold more. Users must only ever see a generic error.
 */
public final class StoreException extends Exception {

    /** Why the store refused or failed. */
    public enum Reason {
        /** The database cannot be reached, or the store is closed. Retrying later may work. */
        UNAVAILABLE,
        /** A uniqueness or integrity rule, or a concurrent transaction, refused the write. */
        CONFLICT,
        /** The row the operation needs does not exist (or is no longer live). */
        NOT_FOUND,
        /** The schema could not be brought up to date, or the database is not one we support. */
        SCHEMA,
        /** Anything else. */
        FAILED
    }

    private final Reason reason;

    public StoreException(String message, Throwable cause) {
        this(Reason.FAILED, message, cause);
    }

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
