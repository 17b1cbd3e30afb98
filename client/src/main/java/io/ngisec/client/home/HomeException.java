package io.ngisec.client.home;

/** The peer home could not be opened, read or written; the message is one line for users. */
public final class HomeException extends Exception {

    public HomeException(String message, Throwable cause) {
        super(message, cause);
    }

    public HomeException(String message) {
        super(message);
    }
}
