package io.ngisec.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Channel bindings on simulated time (nanoseconds from 0). */
class TurnChannelsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final InetSocketAddress PEER = new InetSocketAddress("198.51.100.12", 40000);
    private static final InetSocketAddress SAME_IP_OTHER_PORT = new InetSocketAddress("198.51.100.12", 40001);

    private final TurnChannels channels = new TurnChannels();

    @Test
    void aChannelIsAskedForOnceAndUsedOnceTheRelayConfirmsIt() {
        assertThat(channels.bindRequest(PEER, 0)).isEqualTo(0x4000);
        assertThat(channels.bindRequest(PEER, 1)).isEqualTo(-1);
        assertThat(channels.boundChannel(PEER, 2)).isEqualTo(-1);

        channels.bound(PEER, 4);
        assertThat(channels.boundChannel(PEER, 5)).isEqualTo(0x4000);
    }

    @Test
    void channelsArePerTransportAddressAndNumbersAreNotReused() {
        assertThat(channels.bindRequest(PEER, 0)).isEqualTo(0x4000);
        assertThat(channels.bindRequest(SAME_IP_OTHER_PORT, 0)).isEqualTo(0x4001);
        assertThat(channels.received(0x4001)).isEqualTo(SAME_IP_OTHER_PORT);
        assertThat(channels.received(0x4002)).as("a number never asked for").isNull();
    }

    @Test
    void channelDataOnANumberWeAskedForProvesTheBindingEvenAfterItsAnswerWasLost() {
        channels.bindRequest(PEER, 10 * SECOND);
        channels.failed(PEER, 11 * SECOND); // no answer in time, but the relay did bind it

        assertThat(channels.received(0x4000)).isEqualTo(PEER);
        assertThat(channels.boundChannel(PEER, 12 * SECOND)).isEqualTo(0x4000);
        // Counted from when it was asked for, so it is refreshed in time.
        assertThat(channels.bindRequest(PEER, 549 * SECOND)).isEqualTo(-1);
        assertThat(channels.bindRequest(PEER, 550 * SECOND)).isEqualTo(0x4000);
    }

    @Test
    void aBindingIsRefreshedOnceBeforeItsTenMinutesEnd() {
        channels.bindRequest(PEER, 0);
        channels.bound(PEER, 0);

        assertThat(channels.bindRequest(PEER, 539 * SECOND)).isEqualTo(-1);
        assertThat(channels.bindRequest(PEER, 540 * SECOND)).isEqualTo(0x4000);
        assertThat(channels.bindRequest(PEER, 541 * SECOND)).isEqualTo(-1);
        assertThat(channels.boundChannel(PEER, 599 * SECOND)).isEqualTo(0x4000);
        // Never confirmed: from 600 s the relay has dropped it, so Send indications again.
        assertThat(channels.boundChannel(PEER, 600 * SECOND)).isEqualTo(-1);
    }

    @Test
    void aFailedRefreshKeepsTheChannelWhileItLastsAndIsRetriedAfterFiveSeconds() {
        channels.bindRequest(PEER, 0);
        channels.bound(PEER, 0);
        channels.bindRequest(PEER, 540 * SECOND);
        channels.failed(PEER, 541 * SECOND);

        assertThat(channels.boundChannel(PEER, 542 * SECOND)).isEqualTo(0x4000);
        assertThat(channels.bindRequest(PEER, 545 * SECOND)).isEqualTo(-1);
        assertThat(channels.bindRequest(PEER, 546 * SECOND)).isEqualTo(0x4000);
    }

    @Test
    void aRefusedBindingFallsBackToSendIndicationsAndIsRetriedAfterFiveSeconds() {
        channels.bindRequest(PEER, 0);
        channels.failed(PEER, SECOND);

        assertThat(channels.boundChannel(PEER, 2 * SECOND)).isEqualTo(-1);
        assertThat(channels.bindRequest(PEER, 5 * SECOND)).isEqualTo(-1);
        assertThat(channels.bindRequest(PEER, 6 * SECOND)).isEqualTo(0x4000);
        channels.bound(PEER, 7 * SECOND);
        assertThat(channels.boundChannel(PEER, 8 * SECOND)).isEqualTo(0x4000);
    }

    @Test
    void whenTheNumbersRunOutNoMoreChannelsAreAskedFor() {
        int range = TurnChannels.LAST_CHANNEL - TurnChannels.FIRST_CHANNEL + 1;
        for (int i = 0; i < range; i++) {
            assertThat(channels.bindRequest(new InetSocketAddress("198.51.100.12", 1 + i), 0)).isEqualTo(0x4000 + i);
        }
        assertThat(channels.bindRequest(new InetSocketAddress("198.51.100.13", 1), 0)).isEqualTo(-1);
    }
}
