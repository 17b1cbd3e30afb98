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

    @Test
    void theSendQuantumBurstGrowsWithTheRate() {
        Pacer quantum = Pacer.withSendQuantum(1200);
        // 1.2 MB/s: the two-packet floor.
        quantum.onPacketSent(0, 2400, RATE);
        assertThat(quantum.nextSendTime(10 * MS, 1200, RATE)).isEqualTo(10 * MS);
        quantum.onPacketSent(10 * MS, 2400, RATE);
        assertThat(quantum.nextSendTime(10 * MS, 1200, RATE)).isEqualTo(11 * MS);
        // 120 MB/s: 1 ms is 120 kB, capped at 64 KiB; after an idle second the bucket holds exactly that.
        double fast = 100 * RATE;
        long later = 1_000 * MS;
        assertThat(quantum.nextSendTime(later, 1200, fast)).isEqualTo(later);
        quantum.onPacketSent(later, (int) SendQuantum.MAX_BYTES, fast);
        assertThat(quantum.nextSendTime(later, 1200, fast)).isEqualTo(later + MS / 100);
    }

    @Test
    void sendQuantumIsAMillisecondBetweenTwoPacketsAndSixtyFourKibibytes() {
        assertThat(SendQuantum.bytes(0, 1200)).isEqualTo(2400);
        assertThat(SendQuantum.bytes(10_000_000, 1200)).isEqualTo(10_000);
        assertThat(SendQuantum.bytes(1e12, 1200)).isEqualTo(64 * 1024);
    }
}
