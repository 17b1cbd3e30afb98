package io.ngisec.client.link;

/** A control message that cannot be understood (bad JSON, no type, a field missing or out of range); it is dropped. */
public final class MalformedControlException extends Exception {

    public MalformedControlException(String message) {
        super(message);
    }
}
