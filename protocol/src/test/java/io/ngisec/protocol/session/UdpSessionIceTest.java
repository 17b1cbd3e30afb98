package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.session.stats.SessionStats;
import io.ngisec.protocol.session.stats.StatsReport;
import io.ngisec.protocol.session.stats.StatsSubscription;
import io.ngisec.protocol.transport.CandidateType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The first end-to-end session over real UDP: two ICE agents in this JVM connect over loopback
 * host candidates, run the NGISec handshake with test certificates and a ticket, and move a
 * seeded bulk stream bit-exact (SHA-256 on both sides) while a voice flow sends one 160-byte
 * datagram every 20 ms ({@link SeededTransfer}): the acceptance run, 1 GiB (about 12 s
 * here). Goodput, the voice frames' one-way delay and both sessions' statistics are printed, not
 * asserted (no wall-clock assertions).
 */
class UdpSessionIceTest {

    @Test
    void oneGibibyteArrivesExactWhileVoiceFlows() throws Exception {
        transfer(1L << 30);
    }

    private void transfer(long total) throws Exception {
        SessionConfig config = SessionConfig.defaults().withBuffers(4 << 20, 8 << 20);
        try (IceLoopbackSessions s = IceLoopbackSessions.open(config, UnaryOperator.identity())) {
            assertThat(s.established.alice().result().peer().deviceId())
                    .isEqualTo(s.bobCredentials.certificate().deviceId());
            assertThat(s.established.bob().result().peer().deviceId())
                    .isEqualTo(s.aliceCredentials.certificate().deviceId());
            List<SessionStats> updates = new CopyOnWriteArrayList<>();
            try (StatsSubscription subscription = s.bob.subscribe(updates::add, Duration.ofMillis(100))) {
                SeededTransfer.Outcome o = SeededTransfer.run(total, s.alice, s.bob);

                assertThat(o.received()).isEqualTo(total);
                assertThat(o.receivedDigest()).isEqualTo(o.sentDigest());
                assertThat(s.alice.awaitSendDone(0, Duration.ofSeconds(10))).isTrue();
                assertThat(o.voiceSent()).isPositive();
                assertThat(o.voiceReceived()).as("voice frames delivered of %d", o.voiceSent())
                        .isGreaterThanOrEqualTo((long) (o.voiceSent() * 0.9));
                assertThat(o.voiceOutOfRange()).isZero();

                SessionStats sender = s.alice.stats();
                SessionStats receiver = s.bob.stats();
                System.out.printf("over ICE loopback: %s%nsender:%n%s%nreceiver:%n%s%n", o.summary(),
                        StatsReport.format(sender), StatsReport.format(receiver));
                checkStats(total, sender, receiver);
                // The driver publishes on its own timer: wait (liveness, not timing) for the first update.
                for (int i = 0; i < 500 && updates.isEmpty(); i++) {
                    Thread.sleep(10);
                }
                assertThat(updates).isNotEmpty();
                assertThat(updates.getLast().forClass(QosClass.BULK).bytesReceived())
                        .isLessThanOrEqualTo(receiver.forClass(QosClass.BULK).bytesReceived());
            }
        }
    }

    private static void checkStats(long total, SessionStats sender, SessionStats receiver) {
        assertThat(sender.path().localType()).isEqualTo(CandidateType.HOST);
        assertThat(sender.path().remoteType()).isEqualTo(CandidateType.HOST);
        assertThat(sender.path().remote()).isEqualTo(receiver.path().local());
        assertThat(sender.forClass(QosClass.BULK).bytesSent()).isGreaterThan(total);
        assertThat(receiver.forClass(QosClass.BULK).bytesReceived()).isGreaterThan(total);
        assertThat(receiver.forClass(QosClass.VOICE).packetsReceived()).isPositive()
                .isLessThanOrEqualTo(sender.forClass(QosClass.VOICE).packetsSent());
        assertThat(receiver.forClass(QosClass.VOICE).jitter()).isPresent();
        assertThat(receiver.forClass(QosClass.VOICE).dscp()).isEqualTo(46);
        assertThat(sender.rtt().sampled()).isTrue();
        assertThat(sender.security().handshakeTime()).isPositive();
        assertThat(sender.security().cipherSuite()).isEqualTo("Noise_XX_25519_AESGCM_SHA256 + AES-256-GCM");
        assertThat(receiver.drops().auth()).isZero();
        assertThat(receiver.drops().policy()).isZero();
    }
}
