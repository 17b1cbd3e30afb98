package io.ngisec.protocol.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.handshake.HandshakeFailure.Reason;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import io.ngisec.protocol.record.OpenResult;
import io.ngisec.protocol.record.RecordException;
import io.ngisec.protocol.record.RecordLayer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HandshakeTest {

    private final TestOrganization org = new TestOrganization("Acme");
    private final LocalCredentials alice = org.enroll("alice");
    private final LocalCredentials bob = org.enroll("bob");

    @Test
    void bothSidesAgreeOnPeersTicketAndHash() throws Exception {
        HandshakeResult[] results = new HandshakeRun(alice, org.verifier(), org.ticket(alice, bob), bob, org.verifier()).complete();
        HandshakeResult a = results[0];
        HandshakeResult b = results[1];

        assertThat(a.initiator()).isTrue();
        assertThat(b.initiator()).isFalse();
        assertThat(a.peer().deviceId()).isEqualTo(bob.certificate().deviceId());
        assertThat(b.peer().deviceId()).isEqualTo(alice.certificate().deviceId());
        assertThat(a.handshakeHash()).isEqualTo(b.handshakeHash());
        assertThat(a.remoteConnectionId()).isEqualTo(b.localConnectionId());
        assertThat(b.remoteConnectionId()).isEqualTo(a.localConnectionId());
        assertThat(b.ticket().ticketId()).isEqualTo(a.ticket().ticketId());
        assertThat(b.ticket().allows(Service.CALL, QosClass.VOICE)).isTrue();
    }

    @Test
    void recordsFlowBothWaysOnTheDerivedKeys() throws Exception {
        HandshakeResult[] results = new HandshakeRun(alice, org.verifier(), org.ticket(alice, bob), bob, org.verifier()).complete();
        try (RecordLayer a = results[0].openRecordLayer(); RecordLayer b = results[1].openRecordLayer()) {
            assertThat(roundTrip(a, b, "hello bob")).isEqualTo("hello bob");
            assertThat(roundTrip(b, a, "hello alice")).isEqualTo("hello alice");
        }
    }

    @Test
    void recordLayerOfTheSessionEnforcesTheTicketsCeilings() throws Exception {
        // The ticket grants FILE up to BULK: EF for a file is refused when sealing (the receiving
        // side's check is in RecordQosPolicyTest).
        HandshakeResult[] results = new HandshakeRun(alice, org.verifier(), org.ticket(alice, bob), bob, org.verifier()).complete();
        try (RecordLayer a = results[0].openRecordLayer(); RecordLayer b = results[1].openRecordLayer()) {
            ByteBuffer packet = ByteBuffer.allocate(256);
            assertThatThrownBy(() -> a.seal(QosClass.VOICE, Service.FILE, ByteBuffer.wrap(new byte[10]), packet))
                    .isInstanceOfSatisfying(RecordException.class,
                            e -> assertThat(e.reason()).isEqualTo(RecordException.Reason.POLICY));
            assertThat(packet.position()).isZero();
        }
    }

    @Test
    void resultHandsItsSecretsToOneRecordLayerOnly() throws Exception {
        HandshakeResult[] results = new HandshakeRun(alice, org.verifier(), org.ticket(alice, bob), bob, org.verifier()).complete();
        results[0].openRecordLayer().close();
        assertThatThrownBy(results[0]::openRecordLayer).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tamperedResponseIsDroppedAndTheGenuineOneStillCompletes() throws Exception {
        HandshakeRun run = new HandshakeRun(alice, org.verifier(), org.ticket(alice, bob), bob, org.verifier());
        byte[] response = run.responder.onInit(ByteBuffer.wrap(run.initiator.start()));
        byte[] tampered = response.clone();
        tampered[tampered.length - 1] ^= 1;

        assertThatThrownBy(() -> run.initiator.onResponse(ByteBuffer.wrap(tampered)))
                .isInstanceOfSatisfying(HandshakeFailure.class, f -> assertThat(f.reason()).isEqualTo(Reason.DECRYPT_FAILED));
        HandshakeInitiator.Established established = run.initiator.onResponse(ByteBuffer.wrap(response));
        assertThat(run.responder.onFinish(ByteBuffer.wrap(established.finishDatagram())).peer().deviceId())
                .isEqualTo(alice.certificate().deviceId());
    }

    @Test
    void tamperedFinishIsDroppedAndTheGenuineOneStillCompletes() throws Exception {
        HandshakeRun run = new HandshakeRun(alice, org.verifier(), org.ticket(alice, bob), bob, org.verifier());
        byte[] response = run.responder.onInit(ByteBuffer.wrap(run.initiator.start()));
        byte[] finish = run.initiator.onResponse(ByteBuffer.wrap(response)).finishDatagram();
        byte[] tampered = finish.clone();
        tampered[40] ^= 0x20;

        assertThat(failure(() -> run.responder.onFinish(ByteBuffer.wrap(tampered)))).isEqualTo(Reason.DECRYPT_FAILED);
        assertThat(run.responder.onFinish(ByteBuffer.wrap(finish)).initiator()).isFalse();
    }

    @Test
    void messagesOutOfOrderAreUnexpected() throws Exception {
        HandshakeRun run = new HandshakeRun(alice, org.verifier(), org.ticket(alice, bob), bob, org.verifier());
        byte[] init = run.initiator.start();
        assertThat(failure(() -> run.responder.onFinish(ByteBuffer.wrap(init)))).isEqualTo(Reason.UNEXPECTED_MESSAGE);
        byte[] response = run.responder.onInit(ByteBuffer.wrap(init));
        assertThat(failure(() -> run.responder.onInit(ByteBuffer.wrap(init)))).isEqualTo(Reason.UNEXPECTED_MESSAGE);
        assertThat(failure(() -> run.initiator.onResponse(ByteBuffer.wrap(init)))).isEqualTo(Reason.UNEXPECTED_MESSAGE);
        assertThat(run.initiator.onResponse(ByteBuffer.wrap(response)).result()).isNotNull();
    }

    @Test
    void garbageInitIsMalformed() {
        HandshakeRun run = new HandshakeRun(alice, org.verifier(), org.ticket(alice, bob), bob, org.verifier());
        assertThat(failure(() -> run.responder.onInit(ByteBuffer.wrap(new byte[] {1, 2, 3})))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void messagesFitOneMinimumMtuDatagram() throws Exception {
        HandshakeRun run = new HandshakeRun(alice, org.verifier(), org.ticket(alice, bob), bob, org.verifier());
        byte[] init = run.initiator.start();
        byte[] response = run.responder.onInit(ByteBuffer.wrap(init));
        byte[] finish = run.initiator.onResponse(ByteBuffer.wrap(response)).finishDatagram();
        assertThat(init.length).isLessThanOrEqualTo(1200);
        assertThat(response.length).isLessThanOrEqualTo(1200);
        assertThat(finish.length).isLessThanOrEqualTo(1200);
    }

    private static String roundTrip(RecordLayer from, RecordLayer to, String text) throws Exception {
        ByteBuffer packet = ByteBuffer.allocate(256);
        from.seal(QosClass.INTERACTIVE, Service.CHAT, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), packet);
        packet.flip();
        ByteBuffer plain = ByteBuffer.allocate(256);
        OpenResult result = to.open(packet, plain);
        assertThat(result.accepted()).as("opened: %s", result).isTrue();
        assertThat(result.service()).isEqualTo(Service.CHAT);
        return new String(plain.array(), 0, plain.position(), StandardCharsets.UTF_8);
    }

    static Reason failure(ThrowingStep step) {
        try {
            step.run();
        } catch (HandshakeFailure f) {
            return f.reason();
        } catch (Exception e) {
            throw new AssertionError("expected a HandshakeFailure, got " + e, e);
        }
        throw new AssertionError("expected a HandshakeFailure, got none");
    }

    interface ThrowingStep {
        void run() throws Exception;
    }
}
