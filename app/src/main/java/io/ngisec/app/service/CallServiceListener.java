package io.ngisec.app.service;

/** Hears a {@link CallService}, always on the UI thread. */
public interface CallServiceListener {

    /** Something happened to the call the service follows. */
    void callUpdated(CallUpdate update);

    /** The audio devices were listed (once at start, and again on {@link CallService#listAudio()}). */
    default void audioListed(AudioChoices choices) {
    }
}
