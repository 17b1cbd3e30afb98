package io.ngisec.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.QosPolicy;
import io.ngisec.protocol.qos.Service;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ticket's QoS ceilings on the data path: refused when sealing, dropped and counted when opening. */
class RecordQosPolicyTest {

    private static final long ALICE_CID = 11;
    private static final long BOB_CID = 22;
    private static final QosPolicy TICKET = QosPolicy.of(Map.of(Service.CALL, QosClass.VOICE, Service.FILE, QosClass.BULK));

    private final byte[] aliceToBob = secret(1);
    private final byte[] bobToAlice = secret(2);
    private final RecordLayer bob = new RecordLayer(BOB_CID, ALICE_CID, bobToAlice, aliceToBob,
            RekeyPolicy.DEFAULT, TICKET, System::nanoTime);

    @Test
    void senderRefusesAClassAboveTheGrantAndMovesNoBuffer() {
        ByteBuffer payload = ByteBuffer.wrap(new byte[10]);
        ByteBuffer out = ByteBuffer.allocate(100);
        assertThatThrownBy(() -> bob.seal(QosClass.VOICE, Service.FILE, payload, out))
                .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.reason()).isEqualTo(RecordException.Reason.POLICY));
        assertThatThrownBy(() -> bob.seal(QosClass.BEST_EFFORT, Service.CHAT, payload, out))
                .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.reason()).isEqualTo(RecordException.Reason.POLICY));
        assertThat(payload.position()).isZero();
        assertThat(out.position()).isZero();
    }

    @Test
    void receiverDropsAnAuthenticRecordAboveTheGrantAndCountsIt() throws Exception {
        // A peer that ignores its ticket: same keys, no policy.
        RecordLayer rogue = new RecordLayer(ALICE_CID, BOB_CID, aliceToBob, bobToAlice);
        ByteBuffer plain = ByteBuffer.allocate(100);

        assertThat(bob.open(seal(rogue, QosClass.VOICE, Service.FILE), plain).dropReason()).isEqualTo(DropReason.POLICY);
        assertThat(bob.open(seal(rogue, QosClass.BULK, Service.FILE), plain).accepted()).isTrue();
        assertThat(bob.open(seal(rogue, QosClass.VOICE, Service.CALL), plain).accepted()).isTrue();

        assertThat(bob.stats().receive().drops()).containsEntry(DropReason.POLICY, 1L);
        assertThat(plain.position()).as("only accepted payloads were delivered").isEqualTo(2 * 7);
    }

    @Test
    void aForgedRecordCountsAsAuthenticationFailureNotPolicy() throws Exception {
        RecordLayer stranger = new RecordLayer(ALICE_CID, BOB_CID, secret(9), bobToAlice);
        OpenResult result = bob.open(seal(stranger, QosClass.VOICE, Service.FILE), ByteBuffer.allocate(100));
        assertThat(result.dropReason()).isEqualTo(DropReason.AUTH_FAILED);
    }

    private static ByteBuffer seal(RecordLayer from, QosClass qos, Service service) throws RecordException {
        ByteBuffer out = ByteBuffer.allocate(100);
        from.seal(qos, service, ByteBuffer.wrap("payload".getBytes()), out);
        return out.flip();
    }

    private static byte[] secret(int fill) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) fill);
        return s;
    }
}
