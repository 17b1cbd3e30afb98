package io.ngisec.client.call;

import java.util.SplittableRandom;

/**
 * The reference a call's received audio is judged against: the same audio through the same
 * talker and player with no network at all (every frame in order, in time), so a test can tell
 * what the codec costs from what the path and the jitter buffer cost.
 */
public final class CodecReference {

    private CodecReference() {
    }

    /** {@code pcm} encoded and decoded frame by frame at the talker's starting bitrate, without FEC. */
    public static short[] roundTrip(short[] pcm) {
        int n = VoiceFormat.FRAME_SAMPLES;
        VoiceTalker talker = new VoiceTalker(false, new SplittableRandom(1));
        VoicePlayer player = new VoicePlayer();
        short[] out = new short[pcm.length / n * n];
        short[] frame = new short[n];
        for (int i = 0; i + n <= pcm.length; i += n) {
            System.arraycopy(pcm, i, frame, 0, n);
            short[] decoded = player.render(new Playout.Play(talker.next(frame, false)));
            System.arraycopy(decoded, 0, out, i, n);
        }
        return out;
    }
}
