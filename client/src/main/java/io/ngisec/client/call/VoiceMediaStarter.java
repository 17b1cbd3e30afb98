package io.ngisec.client.call;

import io.ngisec.client.audio.AudioEndpoint;
import io.ngisec.client.audio.AudioException;
import io.ngisec.client.audio.AudioSink;
import io.ngisec.client.audio.AudioSource;
import io.ngisec.client.link.PeerLink;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts a call's {@link VoiceMedia} with the audio the user chose ({@code --in}, {@code --out}
 * or the app's settings), opened afresh for each call so a WAV file plays from its start every time.
 */
public final class VoiceMediaStarter implements MediaStarter {

    private final AudioEndpoint in;
    private final AudioEndpoint out;
    private final VoiceMedia.Options options;
    private final AtomicReference<VoiceMedia> latest = new AtomicReference<>();

    public VoiceMediaStarter(AudioEndpoint in, AudioEndpoint out, VoiceMedia.Options options) {
        this.in = in;
        this.out = out;
        this.options = options;
    }

    /**
     * Opens and closes both ends once, so that an unknown device or an unreadable file is
     * reported before a call rings rather than when it is answered.
     */
    public void check() throws AudioException {
        AudioSource source = in.openSource();
        source.close();
        AudioSink sink = out.openSink();
        sink.close();
    }

    @Override
    public CallMedia start(PeerLink link, String callId) throws IOException {
        AudioSource source;
        try {
            source = in.openSource();
        } catch (AudioException e) {
            throw new IOException(e.getMessage(), e);
        }
        AudioSink sink;
        try {
            sink = out.openSink();
        } catch (AudioException e) {
            source.close();
            throw new IOException(e.getMessage(), e);
        }
        VoiceMedia media = VoiceMedia.start(link, callId, source, sink, options);
        latest.set(media);
        return media;
    }

    /** The media this starter started last, for the command line's end-of-input and failure watch. */
    public Optional<VoiceMedia> latest() {
        return Optional.ofNullable(latest.get());
    }
}
