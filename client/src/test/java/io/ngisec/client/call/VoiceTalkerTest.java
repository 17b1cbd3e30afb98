package io.ngisec.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VoiceTalkerTest {

    @Test
    void skippedFramesMoveSequenceAndTimestampOnAsIfLost() {
        VoiceTalker talker = new VoiceTalker(false, new SplittableRandom(3));
        short[] pcm = new short[VoiceFormat.FRAME_SAMPLES];
        MediaFrame before = talker.next(pcm, false);

        talker.skip(74);
        MediaFrame after = talker.next(pcm, false);

        assertThat(Math.floorMod(after.sequence() - before.sequence(), SequenceNumbers.MODULUS)).isEqualTo(75);
        assertThat(Math.floorMod(after.timestamp() - before.timestamp(), MediaTimestamps.MODULUS))
                .isEqualTo(75L * VoiceFormat.FRAME_SAMPLES);
        talker.skip(0);
        MediaFrame next = talker.next(pcm, false);
        assertThat(Math.floorMod(next.sequence() - after.sequence(), SequenceNumbers.MODULUS)).isEqualTo(1);
    }
}
