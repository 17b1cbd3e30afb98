package io.ngisec.protocol.congestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReceivedPacketNumbersTest {

    @Test
    void mergesNeighboursAndReportsDuplicates() {
        ReceivedPacketNumbers seen = new ReceivedPacketNumbers(8);
        assertThat(seen.add(5)).isTrue();
        assertThat(seen.add(7)).isTrue();
        assertThat(seen.add(6)).isTrue();
        assertThat(seen.add(6)).isFalse();
        assertThat(seen.add(1)).isTrue();
        assertThat(seen.newest(10, AckRange::new)).containsExactly(new AckRange(5, 7), new AckRange(1, 1));
        assertThat(seen.newest(1, AckRange::new)).containsExactly(new AckRange(5, 7));
    }

    @Test
    void forgetsTheLowestRangesBeyondItsLimit() {
        ReceivedPacketNumbers seen = new ReceivedPacketNumbers(2);
        seen.add(1);
        seen.add(3);
        seen.add(5);
        assertThat(seen.newest(10, AckRange::new)).containsExactly(new AckRange(5, 5), new AckRange(3, 3));
    }

    @Test
    void matchesASetOfEveryNumberSeen() {
        SplittableRandom random = new SplittableRandom(20261201);
        ReceivedPacketNumbers seen = new ReceivedPacketNumbers(10_000);
        BitSet model = new BitSet();
        for (int i = 0; i < 5_000; i++) {
            int pn = random.nextInt(2_000);
            assertThat(seen.add(pn)).isEqualTo(!model.get(pn));
            model.set(pn);
        }
        BitSet rebuilt = new BitSet();
        List<AckRange> ranges = seen.newest(Integer.MAX_VALUE, AckRange::new);
        for (int i = 0; i < ranges.size(); i++) {
            AckRange r = ranges.get(i);
            rebuilt.set((int) r.low(), (int) r.high() + 1);
            if (i > 0) {
                assertThat(r.high()).isLessThan(ranges.get(i - 1).low() - 1);
            }
        }
        assertThat(rebuilt).isEqualTo(model);
    }
}
