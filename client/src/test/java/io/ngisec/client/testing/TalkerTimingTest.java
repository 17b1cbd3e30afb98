package io.ngisec.client.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TalkerTimingTest {

    private static final long MS = 1_000_000;

    @Test
    void measuresHowLateFramesLeftAgainstTheFirstAcrossTheWrapAndASkip() {
        List<String> lines = new ArrayList<>();
        // 100 frames from 65530; frames 40-49 captured 30 ms late (a stall caught up); after frame
        // 79 the talker skipped 50 frames (sequence and clock move on together: not late).
        for (int i = 0; i < 100; i++) {
            int skip = i >= 80 ? 50 : 0;
            long captured = (i + skip) * 20 * MS + (i >= 40 && i < 50 ? 30 * MS : 0);
            lines.add("tx " + (65_530 + i + skip) % 65_536 + " " + captured + " " + (captured + MS));
            lines.add("rx 1 2");
        }

        assertThat(TalkerTiming.lateMillis(lines, 50)).isZero();
        assertThat(TalkerTiming.lateMillis(lines, 95)).isEqualTo(30.0);
        assertThat(TalkerTiming.lateMillis(List.of("play 1 2"), 95)).isZero();
    }
}
