package io.ngisec.client.call;

import io.ngisec.client.link.PeerInfo;

/**
 * A ringing incoming call and the means to answer it, from any thread, while it rings: the first
 * of {@link #accept()}, {@link #decline(String)}, the caller's cancel and the ring timeout wins.
 */
public final class IncomingCall {

    private final Call call;
    private final CallControl control;

    IncomingCall(Call call, CallControl control) {
        this.call = call;
        this.control = control;
    }

    /** The call itself (follow its state, hang up later). */
    public Call call() {
        return call;
    }

    /** Who calls. */
    public PeerInfo peer() {
        return call.peer();
    }

    /** Answers: media starts on both sides; throws with the end's line if the call has ended (cancelled, missed). */
    public Call accept() throws CallException {
        control.accept(call);
        return call;
    }

    /** Declines; the caller reads "USER declined the call". Nothing if the call is no longer ringing. */
    public void decline() {
        decline("");
    }

    /** Declines with a short reason the caller reads after "USER declined the call: ". */
    public void decline(String reason) {
        control.decline(call, CallWire.detail(reason));
    }
}
