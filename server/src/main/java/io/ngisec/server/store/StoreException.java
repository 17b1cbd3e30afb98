package io.ngisec.server.store;

/** A storage failure (database unreachable, constraint violated, migration failed). */
public final class StoreException extends Exception {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
