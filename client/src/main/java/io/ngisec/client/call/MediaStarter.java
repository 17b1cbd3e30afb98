package io.ngisec.client.call;

import io.ngisec.client.link.PeerLink;
import java.io.IOException;

/** Starts the media of a call once it is answered: opens the audio devices and the link's real-time channel. */
@FunctionalInterface
public interface MediaStarter {

    /**
     * Starts media for call {@code callId} over {@code link}; throws (with a one-line message)
     * when an audio device cannot be opened, so the call ends with that reason.
     */
    CallMedia start(PeerLink link, String callId) throws IOException;
}
