package io.ngisec.app.tour;

/** A tour step could not show its screen; the message is one line for the log. */
public final class TourFailure extends Exception {

    public TourFailure(String message) {
        super(message);
    }

    public TourFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
