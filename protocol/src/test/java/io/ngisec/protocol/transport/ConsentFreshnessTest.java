package io.ngisec.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.qos.QosClass;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Consent freshness (RFC 7675) between two agents on loopback with short timing (checks every
 * 200 ms, consent lasting 3 s): while the peer answers, consent holds for twice its lifetime (so
 * the answers, made by ice4j and checked by us, do renew it); once the peer is gone, the path's
 * consent is lost, reported once, and the path refuses to send. Waits are bounded, not asserted.
 */
class ConsentFreshnessTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Duration CONSENT = Duration.ofSeconds(3);

    @Test
    void consentHoldsWhileThePeerAnswersAndIsLostWhenItIsGone() throws Exception {
        InMemorySignaling[] signaling = InMemorySignaling.pair();
        BlockingQueue<PathEvent> atA = new LinkedBlockingQueue<>();
        BlockingQueue<PathEvent> atB = new LinkedBlockingQueue<>();
        try (IceTransport a = new IceTransport(
                        IceSettings.loopback(IceRole.CONTROLLING, CONNECT_TIMEOUT).withConsent(INTERVAL, CONSENT), signaling[0]);
                IceTransport b = new IceTransport(
                        IceSettings.loopback(IceRole.CONTROLLED, CONNECT_TIMEOUT).withConsent(INTERVAL, CONSENT), signaling[1])) {
            a.setPathListener(atA::add);
            b.setPathListener(atB::add);
            CompletableFuture<DatagramPath> fa = a.connect();
            CompletableFuture<DatagramPath> fb = b.connect();
            DatagramPath pa = fa.get(40, TimeUnit.SECONDS);
            fb.get(40, TimeUnit.SECONDS);
            assertThat(atA.take().kind()).isEqualTo(PathEvent.Kind.SELECTED);
            assertThat(atB.take().kind()).isEqualTo(PathEvent.Kind.SELECTED);

            Thread.sleep(2 * CONSENT.toMillis());
            assertThat(atA).as("consent renewed by the peer's answers").isEmpty();
            assertThat(atB).isEmpty();
            pa.send(ByteBuffer.wrap(new byte[] {17}), QosClass.BEST_EFFORT);

            b.close();
            PathEvent lost = atA.poll(30, TimeUnit.SECONDS);

            assertThat(lost).isEqualTo(new PathEvent(PathEvent.Kind.CONSENT_LOST, pa, null));
            assertThatThrownBy(() -> pa.send(ByteBuffer.wrap(new byte[] {17}), QosClass.BEST_EFFORT))
                    .isInstanceOf(IOException.class).hasMessageContaining("consent lost");
            assertThat(atA.poll(2 * INTERVAL.toMillis(), TimeUnit.MILLISECONDS)).as("reported once").isNull();
        } finally {
            signaling[0].close();
        }
    }
}
