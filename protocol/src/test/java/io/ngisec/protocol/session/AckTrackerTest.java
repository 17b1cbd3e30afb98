package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.channel.frame.AckFrame;
import io.ngisec.protocol.channel.frame.AckRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class AckTrackerTest {

    private static final long DELAY = 25_000_000L;

    @Test
    void ackIsDueAfterTwoAckElicitingPackets() {
        AckTracker t = new AckTracker(DELAY, 2);
        t.onReceived(0, true, 0);
        assertThat(t.ackDue(0)).isFalse();
        assertThat(t.ackPending()).isTrue();
        t.onReceived(1, true, 10);
        assertThat(t.ackDue(10)).isTrue();
    }

    @Test
    void ackIsDueAfterMaxAckDelayForOnePacket() {
        AckTracker t = new AckTracker(DELAY, 2);
        t.onReceived(0, true, 1000);
        assertThat(t.ackDeadline()).hasValue(1000 + DELAY);
        assertThat(t.ackDue(1000 + DELAY - 1)).isFalse();
        assertThat(t.ackDue(1000 + DELAY)).isTrue();
    }

    @Test
    void packetsOfOnlyAcksNeverMakeAnAckDue() {
        AckTracker t = new AckTracker(DELAY, 2);
        for (int i = 0; i < 10; i++) {
            t.onReceived(i, false, i);
        }
        assertThat(t.ackPending()).isFalse();
        assertThat(t.ackDue(Long.MAX_VALUE / 2)).isFalse();
        assertThat(t.ackDeadline()).isEmpty();
    }

    @Test
    void ackListsRangesHighestFirstWithDelaySinceLargest() {
        AckTracker t = new AckTracker(DELAY, 2);
        for (long pn : new long[] {0, 1, 2, 5, 7, 6, 9}) {
            t.onReceived(pn, true, pn * 1000);
        }
        t.onReceived(9, true, 50_000); // duplicate changes nothing
        AckFrame ack = t.buildAck(19_000);
        assertThat(ack.ranges()).containsExactly(new AckRange(9, 9), new AckRange(5, 7), new AckRange(0, 2));
        assertThat(ack.ackDelayMicros()).isEqualTo(10);
        assertThat(t.ackPending()).isFalse();
    }

    @Test
    void oneAckCarriesAtMostTheNewestRanges() {
        AckTracker t = new AckTracker(DELAY, 2);
        for (long pn = 0; pn < 400; pn += 2) {
            t.onReceived(pn, true, pn);
        }
        List<AckRange> ranges = t.buildAck(400).ranges();
        assertThat(ranges).hasSize(AckTracker.MAX_ACK_RANGES);
        assertThat(ranges.getFirst()).isEqualTo(AckRange.of(398));
        assertThat(ranges.getLast()).isEqualTo(AckRange.of(398 - 2 * (AckTracker.MAX_ACK_RANGES - 1)));
    }
}
