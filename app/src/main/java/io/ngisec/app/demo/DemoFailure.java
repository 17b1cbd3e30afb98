package io.ngisec.app.demo;

/** Why the demo cannot go on, in one line for the user. */
final class DemoFailure extends Exception {

    DemoFailure(String message) {
        super(message);
    }

    DemoFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
