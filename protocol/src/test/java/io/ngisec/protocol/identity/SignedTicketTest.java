package io.ngisec.protocol.identity;

import io.ngisec.protocol.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.identity.IdentityException.Reason;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignedTicketTest {

    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final OrgCa ca = Fixtures.ca(clock);
    private final KeyPair signerKey = Ed25519Keys.generate(Fixtures.RANDOM);
    private final TicketSigner signer = new TicketSigner(signerKey.getPrivate(),
            ca.issueTicketSigner(signerKey.getPublic(), Duration.ofDays(30)));

    private final SessionTicket ticket = new SessionTicket(1,
            new TicketId(0x1011121314151617L, 0x18191a1b1c1d1e1fL), Fixtures.ALICE_LAPTOP, Fixtures.BOB_PHONE,
            Fixtures.NOW, Fixtures.NOW.plus(Duration.ofHours(1)),
            Map.of(Service.CHAT, QosClass.INTERACTIVE, Service.CALL, QosClass.VOICE), 1_000_000, signer.keyId());

    @Test
    void parseReturnsTheSignedTicket() throws Exception {
        SignedTicket signed = signer.sign(ticket);

        SignedTicket parsed = SignedTicket.parse(signed.encoded());

        assertThat(parsed).isEqualTo(signed);
        assertThat(parsed.ticket()).isEqualTo(ticket);
        assertThat(parsed.encoded()).isEqualTo(signed.encoded());
    }

    @Test
    void wireLayoutMatchesTheDocumentedOffsets() {
        byte[] wire = signer.sign(ticket).encoded();
        ByteBuffer in = ByteBuffer.wrap(wire);

        assertThat(wire).hasSize(82 + 2 * 2 + 64);
        assertThat(wire[0]).isEqualTo((byte) 1);
        assertThat(HexFormat.of().formatHex(wire, 1, 17)).isEqualTo("101112131415161718191a1b1c1d1e1f");
        assertThat(new UUID(in.getLong(17), in.getLong(25))).isEqualTo(Fixtures.ALICE_LAPTOP.value());
        assertThat(new UUID(in.getLong(33), in.getLong(41))).isEqualTo(Fixtures.BOB_PHONE.value());
        assertThat(in.getLong(49)).isEqualTo(Fixtures.NOW.getEpochSecond());
        assertThat(in.getLong(57)).isEqualTo(Fixtures.NOW.getEpochSecond() + 3600);
        assertThat(in.getLong(65)).isEqualTo(1_000_000);
        assertThat(in.getLong(73)).isEqualTo(signer.keyId().value());
        assertThat(wire[81]).isEqualTo((byte) 2);
        // Grants sorted by service id whatever the map order: CALL(1)=VOICE(4), CHAT(3)=INTERACTIVE(2).
        assertThat(Arrays.copyOfRange(wire, 82, 86)).containsExactly(1, 4, 3, 2);
    }

    @Test
    void keyIdIsTheHeadOfSha256OverTheRawKey() throws Exception {
        byte[] raw = Ed25519Keys.raw(signerKey.getPublic());
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(raw);

        assertThat(signer.keyId().value()).isEqualTo(ByteBuffer.wrap(sha).getLong());
        assertThat(raw).hasSize(32);
    }

    @Test
    void refusesMalformedEncodings() {
        byte[] wire = signer.sign(ticket).encoded();

        assertMalformed(new byte[0]);
        assertMalformed(null);
        assertMalformed(Arrays.copyOf(wire, wire.length - 1));
        assertMalformed(Arrays.copyOf(wire, wire.length + 1));
        assertMalformed(Arrays.copyOf(wire, 81));
        assertMalformed(with(wire, 0, 2));                 // unknown encoding version
        assertMalformed(with(wire, 81, 4));                // more grants than services
        assertMalformed(with(wire, 81, 1));                // count disagrees with length
        assertMalformed(with(wire, 82, 9));                // unknown service
        assertMalformed(with(wire, 82, 0));                // CONTROL is never granted
        assertMalformed(with(wire, 83, 5));                // unknown QoS class
        assertMalformed(with(wire, 84, 1));                // duplicate grant CALL, CALL
        assertMalformed(with(with(wire, 82, 3), 84, 1));   // grants out of order
        assertMalformed(with(wire, 49, 0x7f));             // issued after it expires / out of range
        assertMalformed(with(wire, 65, 0x80));             // negative file size
        assertMalformed(copy(wire, 49, 57, 8));            // expires == issued
        assertMalformed(copy(wire, 17, 33, 16));           // initiator == responder
    }

    @Test
    void signerRefusesATicketNamingAnotherKey() {
        SessionTicket other = new SessionTicket(1, ticket.ticketId(), ticket.initiator(), ticket.responder(),
                ticket.issuedAt(), ticket.expiresAt(), ticket.grants(), 0, new KeyId(signer.keyId().value() + 1));

        assertThatThrownBy(() -> signer.sign(other))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signerRefusesAKeyThatIsNotTheCertificates() {
        KeyPair stranger = Ed25519Keys.generate(Fixtures.RANDOM);

        assertThatThrownBy(
                        () -> new TicketSigner(stranger.getPrivate(), signer.certificate()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] with(byte[] wire, int offset, int value) {
        byte[] copy = wire.clone();
        copy[offset] = (byte) value;
        return copy;
    }

    private static byte[] copy(byte[] wire, int from, int to, int length) {
        byte[] copy = wire.clone();
        System.arraycopy(wire, from, copy, to, length);
        return copy;
    }

    private static void assertMalformed(byte[] wire) {
        CertificateVerifierTest.assertReason(() -> SignedTicket.parse(wire), Reason.MALFORMED);
    }
}
