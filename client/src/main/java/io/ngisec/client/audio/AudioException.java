package io.ngisec.client.audio;

/** An audio device or file that cannot be used, with a one-line reason for the user. */
public class AudioException extends Exception {

    public AudioException(String message) {
        super(message);
    }
}
