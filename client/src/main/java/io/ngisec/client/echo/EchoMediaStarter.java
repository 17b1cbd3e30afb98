package io.ngisec.client.echo;

import io.ngisec.client.audio.AudioException;
import io.ngisec.client.call.CallMedia;
import io.ngisec.client.call.MediaStarter;
import io.ngisec.client.call.VoiceMedia;
import io.ngisec.client.link.PeerLink;

/** Starts each answered call's media with the echo's audio: the prelude, then the caller's own voice. */
public final class EchoMediaStarter implements MediaStarter {

    /** How far behind the caller hears themselves, beyond the network and jitter buffers: 200 ms. */
    static final int DELAY_FRAMES = 10;
    /** At most this many frames wait to be echoed (a stalled talker): 500 ms. */
    static final int CAPACITY_FRAMES = 25;

    private final short[] prelude;

    private EchoMediaStarter(short[] prelude) {
        this.prelude = prelude;
    }

    /** Loads the bundled greeting once; fails when it is missing or unreadable. */
    public static EchoMediaStarter load() throws AudioException {
        return new EchoMediaStarter(EchoPrelude.load());
    }

    @Override
    public CallMedia start(PeerLink link, String callId) {
        EchoLine line = new EchoLine(DELAY_FRAMES, CAPACITY_FRAMES);
        return VoiceMedia.start(link, callId, new EchoSource(prelude, line), new EchoSink(line), VoiceMedia.Options.defaults());
    }
}
