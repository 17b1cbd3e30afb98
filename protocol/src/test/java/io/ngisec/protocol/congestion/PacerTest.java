package io.ngisec.protocol.congestion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {

    private static final double RATE = 1_200_000; // bytes/s: one 1200-byte packet per millisecond
    private static final long MS = 1_000_000L;

    private final Pacer pacer = new Pacer(2400);

    @Test
    void aFullBucketLetsABurstGoThenSpacesPackets() {
        assertThat(pacer.nextSendTime(0, 1200, RATE)).isZero();
        pacer.onPacketSent(0, 1200, RATE);
        assertThat(pacer.nextSendTime(0, 1200, RATE)).isZero();
        pacer.onPacketSent(0, 1200, RATE);
        assertThat(pacer.nextSendTime(0, 1200, RATE)).isEqualTo(MS);
        pacer.onPacketSent(MS, 1200, RATE);
        assertThat(pacer.nextSendTime(MS, 1200, RATE)).isEqualTo(2 * MS);
        assertThat(pacer.nextSendTime(MS + MS / 2, 1200, RATE)).isEqualTo(2 * MS);
    }

    @Test
    void idleTimeEarnsNoMoreThanTheBurst() {
        pacer.onPacketSent(0, 1200, RATE);
        pacer.onPacketSent(0, 1200, RATE);
        long later = 1_000 * MS;
        pacer.onPacketSent(later, 1200, RATE);
        pacer.onPacketSent(later, 1200, RATE);
        assertThat(pacer.nextSendTime(later, 1200, RATE)).isEqualTo(later + MS);
    }

    @Test
    void aFasterRateShortensTheWait() {
        pacer.onPacketSent(0, 2400, RATE);
        assertThat(pacer.nextSendTime(0, 1200, 2 * RATE)).isEqualTo(MS / 2);
        assertThat(pacer.nextSendTime(0, 1200, 0)).isEqualTo(Long.MAX_VALUE);
    }
}
