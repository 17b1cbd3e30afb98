package io.ngisec.client.call;

import io.ngisec.client.link.ControlMessage;
import io.ngisec.client.link.MalformedControlException;

/**
 * The running media of an accepted call: audio captured, encoded and sent on the link's real-time
 * channel, and received, buffered, decoded and played. Started by {@link MediaStarter} when the
 * call is answered, closed when it ends. Thread safe.
 */
public interface CallMedia extends AutoCloseable {

    /** The type prefix of the media's own control messages (receiver reports), routed here by the call. */
    String CONTROL_PREFIX = "call.media.";

    /** One control message of this call whose type starts with {@link #CONTROL_PREFIX}. */
    void onControl(ControlMessage message) throws MalformedControlException;

    /** The call's statistics now. */
    CallStats stats();

    /** Stops capture, sending, receiving and playback, and closes the devices; idempotent. */
    @Override
    void close();
}
