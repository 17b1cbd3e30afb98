package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The closer's drain: repeats answer the 1st, 2nd, 4th, 8th ... peer packet, and none after the deadline. */
class CloseDrainTest {

    @Test
    void repeatsAnswerExponentiallyFewerOfThePeersPackets() {
        CloseDrain drain = new CloseDrain(new byte[] {1, 2, 3}, 1_000);
        List<Integer> answered = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            if (drain.onPeerPacket(10)) {
                answered.add(i);
            }
        }
        assertThat(answered).containsExactly(1, 2, 4, 8, 16, 32);
    }

    @Test
    void theDrainEndsAtItsDeadlineAndAnswersNothingThen() {
        CloseDrain drain = new CloseDrain(new byte[] {1}, 1_000);
        assertThat(drain.isOver(999)).isFalse();
        assertThat(drain.isOver(1_000)).isTrue();
        assertThat(drain.onPeerPacket(1_000)).isFalse();
        assertThat(drain.deadlineNanos()).isEqualTo(1_000);
    }

    @Test
    void theDatagramIsAFreshReadOnlyViewEachTime() {
        CloseDrain drain = new CloseDrain(new byte[] {1, 2, 3}, 1_000);
        drain.datagram().get();
        assertThat(drain.datagram().remaining()).isEqualTo(3);
        assertThat(drain.datagram().isReadOnly()).isTrue();
    }
}
