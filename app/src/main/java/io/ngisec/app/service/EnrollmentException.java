package io.ngisec.app.service;

/** An enrollment step that failed, with a one-line message for the user (never a stack trace). */
public final class EnrollmentException extends Exception {

    public EnrollmentException(String message) {
        super(message);
    }

    public EnrollmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
