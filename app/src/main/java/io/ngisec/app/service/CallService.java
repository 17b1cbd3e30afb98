package io.ngisec.app.service;

/**
 * Calls for the screen: one call at a time, placed, answered and ended off the UI thread, its
 * progress and quality told to the listener on the UI thread. Methods return at once and may be
 * called from any thread; one that does not fit the call's state (accept with nothing ringing)
 * does nothing.
 */
public interface CallService {

    /** Sets who hears the updates (one listener: the call screen). */
    void setListener(CallServiceListener listener);

    /** Calls {@code colleague}'s online device: {@link CallUpdate.Ringing}, then active or {@link CallUpdate.Ended}. */
    void dial(Colleague colleague);

    /** Answers the ringing incoming call. */
    void accept();

    /** Declines the ringing incoming call. */
    void decline();

    /** Cancels a call being placed or ringing, or hangs up the answered one. */
    void hangUp();

    /** Mutes or unmutes the microphone of the running call. */
    void mute(boolean on);

    /** Lists the audio devices again (answered through {@link CallServiceListener#audioListed}). */
    void listAudio();

    /** Uses {@code choice} as the input from the next time media starts. */
    void chooseInput(AudioChoice choice);

    /** Uses {@code choice} as the output from the next time media starts. */
    void chooseOutput(AudioChoice choice);
}
