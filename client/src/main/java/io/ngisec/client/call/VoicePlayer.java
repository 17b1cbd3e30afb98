package io.ngisec.client.call;

/**
 * The decoding half of a call's media, without threads or clocks: turns each {@link Playout}
 * decision of the jitter buffer into 20 ms of audio. A lost frame is rebuilt from the next
 * frame's FEC only when that frame says it carries FEC; otherwise (and for a corrupt packet) the
 * decoder conceals. Counts what it really did, which the jitter buffer cannot know. Not thread
 * safe: the player thread owns it.
 */
final class VoicePlayer {

    private final VoiceDecoder decoder = new VoiceDecoder();
    private final short[] silence = new short[VoiceFormat.FRAME_SAMPLES];
    private long fecRecovered;
    private long fecAbsent;
    private long corrupt;

    /** The audio for {@code playout}. */
    short[] render(Playout playout) {
        return switch (playout) {
            case Playout.Play p -> decode(p.frame());
            case Playout.DecodeFec f -> recover(f.next());
            case Playout.Conceal c -> decoder.conceal();
            case Playout.Stretch s -> s.afterSilence() ? silence : decoder.conceal();
            case Playout.Silence s -> silence;
        };
    }

    /** Lost frames rebuilt from FEC. */
    long fecRecovered() {
        return fecRecovered;
    }

    /** Lost frames the buffer offered for FEC whose next frame carried none, so concealed. */
    long fecAbsent() {
        return fecAbsent;
    }

    /** Opus packets the decoder refused (inside well-formed media frames), concealed instead. */
    long corrupt() {
        return corrupt;
    }

    private short[] decode(MediaFrame frame) {
        try {
            return decoder.decode(frame.payload());
        } catch (VoicePacketException e) {
            corrupt++;
            return decoder.conceal();
        }
    }

    private short[] recover(MediaFrame next) {
        if (!next.fec()) {
            fecAbsent++;
            return decoder.conceal();
        }
        try {
            short[] pcm = decoder.decodeFec(next.payload());
            fecRecovered++;
            return pcm;
        } catch (VoicePacketException e) {
            corrupt++;
            fecAbsent++;
            return decoder.conceal();
        }
    }
}
