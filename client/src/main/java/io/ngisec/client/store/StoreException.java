package io.ngisec.client.store;

/** The peer's local store could not do what was asked; the message is one line for users. */
public final class StoreException extends Exception {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
