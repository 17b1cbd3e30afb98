package io.ngisec.protocol.congestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rate samples as draft-cheng-iccrg-delivery-rate-estimation defines them. */
class DeliveryRateSamplerTest {

    private static final long MS = 1_000_000L;

    private final DeliveryRateSampler sampler = new DeliveryRateSampler();
    private long inFlight;
    private long nextPn;

    private SentPacket send(long now) {
        SentPacket p = new SentPacket(nextPn++, now, 1200, true, sampler.onPacketSent(now, inFlight));
        inFlight += 1200;
        return p;
    }

    private RateSample ack(long now, SentPacket... packets) {
        inFlight -= 1200L * packets.length;
        return sampler.onAck(List.of(packets), now, 0);
    }

    @Test
    void firstFlightIsMeasuredFromItsFirstSend() {
        SentPacket p0 = send(0);
        SentPacket p1 = send(10 * MS);
        RateSample s = ack(50 * MS, p0, p1);
        assertThat(s.valid()).isTrue();
        assertThat(s.delivered()).isEqualTo(2400);
        assertThat(s.intervalNanos()).isEqualTo(50 * MS); // ack elapsed 50 > send elapsed 10
        assertThat(s.deliveryRate()).isEqualTo(2400 / 0.05);
        assertThat(s.rttNanos()).isEqualTo(40 * MS);
        assertThat(s.priorDelivered()).isZero();
        assertThat(sampler.delivered()).isEqualTo(2400);
    }

    @Test
    void compressedAcksAreMeasuredOverTheSendInterval() {
        SentPacket p0 = send(0);
        SentPacket p1 = send(10 * MS);
        SentPacket p2 = send(20 * MS);
        SentPacket p3 = send(30 * MS);
        ack(50 * MS, p0);
        SentPacket p4 = send(60 * MS); // snapshot: delivered 1200 at 50 ms, flight started at 0
        ack(70 * MS, p1, p2, p3);
        RateSample s = ack(71 * MS, p4); // ACK interval 21 ms, send interval 60 ms
        assertThat(s.priorDelivered()).isEqualTo(1200);
        assertThat(s.delivered()).isEqualTo(4800);
        assertThat(s.intervalNanos()).isEqualTo(60 * MS);
    }

    @Test
    void aSendAfterIdleStartsANewFlight() {
        SentPacket p0 = send(0);
        ack(50 * MS, p0);
        SentPacket p1 = send(5_000 * MS);
        RateSample s = ack(5_050 * MS, p1);
        assertThat(s.intervalNanos()).isEqualTo(50 * MS);
    }

    @Test
    void samplesShorterThanMinRttAreInvalidButKeepTheirRtt() {
        SentPacket p0 = send(0);
        RateSample s = sampler.onAck(List.of(p0), 30 * MS, 40 * MS);
        assertThat(s.valid()).isFalse();
        assertThat(s.deliveryRate()).isZero();
        assertThat(s.rttNanos()).isEqualTo(30 * MS);
    }

    @Test
    void appLimitedMarksPacketsUntilTheirDataIsDelivered() {
        SentPacket p0 = send(0);
        sampler.onAppLimited(inFlight);
        SentPacket p1 = send(1 * MS);
        assertThat(ack(50 * MS, p0).appLimited()).isFalse();
        assertThat(ack(51 * MS, p1).appLimited()).isTrue();
        SentPacket p2 = send(52 * MS);
        assertThat(p2.delivery().appLimited()).isFalse();
    }

    @Test
    void anEmptyAckGivesNoSample() {
        assertThat(sampler.onAck(List.of(), 0, 0)).isEqualTo(RateSample.NONE);
        assertThat(RateSample.NONE.valid()).isFalse();
    }
}
