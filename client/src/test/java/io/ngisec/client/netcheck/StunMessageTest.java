package io.ngisec.client.netcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The STUN codec against the sample messages of RFC 5769, and its refusals of malformed framing. */
class StunMessageTest {

    private static final byte[] SHORT_TERM_KEY = Rfc5769Vectors.PASSWORD.getBytes(StandardCharsets.UTF_8);

    @Test
    void theSampleRequestParsesAndItsIntegrityAndFingerprintCheckOut() throws Exception {
        byte[] wire = Rfc5769Vectors.REQUEST;
        StunMessage m = StunMessage.parse(wire, wire.length);

        assertThat(m.type()).isEqualTo(Stun.BINDING_REQUEST);
        assertThat(m.transactionKey()).isEqualTo("b7e7a701bc34d686fa87dfae");
        assertThat(text(m, Stun.SOFTWARE)).isEqualTo("STUN test client");
        assertThat(text(m, Stun.USERNAME)).isEqualTo("evtj:h6vY");
        assertThat(StunIntegrity.verify(m, wire, SHORT_TERM_KEY)).isTrue();
        assertThat(StunIntegrity.verify(m, wire, "VOkJxbRl1RmTxUk/WvJxBT".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(StunIntegrity.verifyFingerprint(m, wire)).isTrue();
    }

    @Test
    void theIpv4SampleResponseMapsTo192_0_2_1Port32853() throws Exception {
        byte[] wire = Rfc5769Vectors.IPV4_RESPONSE;
        StunMessage m = StunMessage.parse(wire, wire.length);

        assertThat(m.type()).isEqualTo(Stun.BINDING_SUCCESS);
        assertThat(text(m, Stun.SOFTWARE)).isEqualTo("test vector");
        assertThat(StunAddress.mapped(m)).contains(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
        assertThat(StunIntegrity.verify(m, wire, SHORT_TERM_KEY)).isTrue();
        assertThat(StunIntegrity.verifyFingerprint(m, wire)).isTrue();
    }

    @Test
    void theIpv6SampleResponseMapsToItsAddress() throws Exception {
        byte[] wire = Rfc5769Vectors.IPV6_RESPONSE;
        StunMessage m = StunMessage.parse(wire, wire.length);

        assertThat(StunAddress.mapped(m)).contains(
                new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853));
        assertThat(StunIntegrity.verify(m, wire, SHORT_TERM_KEY)).isTrue();
        assertThat(StunIntegrity.verifyFingerprint(m, wire)).isTrue();
    }

    @Test
    void xorAddressesEncodeToTheSampleBytes() throws Exception {
        StunMessage v4 = StunMessage.parse(Rfc5769Vectors.IPV4_RESPONSE, Rfc5769Vectors.IPV4_RESPONSE.length);
        StunMessage v6 = StunMessage.parse(Rfc5769Vectors.IPV6_RESPONSE, Rfc5769Vectors.IPV6_RESPONSE.length);

        assertThat(StunAddress.encodeXor(StunAddress.mapped(v4).orElseThrow(), v4.transactionId()))
                .isEqualTo(Rfc5769Vectors.IPV4_XOR_MAPPED_ADDRESS);
        assertThat(StunAddress.encodeXor(StunAddress.mapped(v6).orElseThrow(), v6.transactionId()))
                .isEqualTo(Rfc5769Vectors.IPV6_XOR_MAPPED_ADDRESS);
    }

    @Test
    void theLongTermSampleChecksOutUnderMd5OfUsernameRealmPassword() throws Exception {
        byte[] wire = Rfc5769Vectors.LONG_TERM_REQUEST;
        StunMessage m = StunMessage.parse(wire, wire.length);

        String username = text(m, Stun.USERNAME);
        assertThat(username).isEqualTo("\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9");
        assertThat(text(m, Stun.REALM)).isEqualTo("example.org");
        assertThat(text(m, Stun.NONCE)).isEqualTo("f//499k954d6OL34oL9FSTvy64sA");
        assertThat(StunIntegrity.verify(m, wire, StunIntegrity.longTermKey(username, "example.org", "TheMatrIX"))).isTrue();
        assertThat(StunIntegrity.verify(m, wire, StunIntegrity.longTermKey(username, "example.org", "TheMatrix"))).isFalse();
    }

    @Test
    void aMappedAddressWithoutXorIsTheFallback() throws Exception {
        byte[] plain = {0, Stun.FAMILY_IPV4, 0x0D, (byte) 0x96, (byte) 203, 0, 113, 7};
        StunMessage m = new StunMessage(Stun.BINDING_SUCCESS, new byte[12], List.of(new StunAttribute(Stun.MAPPED_ADDRESS, plain)));

        assertThat(StunAddress.mapped(m)).contains(new InetSocketAddress(InetAddress.getByName("203.0.113.7"), 3478));
    }

    @Test
    void anAuthenticatedMessageRoundTripsAndVerifies() throws Exception {
        StunMessage request = StunMessage.request(Stun.ALLOCATE_REQUEST, List.of(
                new StunAttribute(Stun.REQUESTED_TRANSPORT, new byte[] {Stun.PROTOCOL_UDP, 0, 0, 0}),
                new StunAttribute(Stun.USERNAME, "1700000000:alice".getBytes(StandardCharsets.UTF_8))));
        byte[] key = StunIntegrity.longTermKey("1700000000:alice", "realm", "secret");

        byte[] wire = request.encodeAuthenticated(key);
        StunMessage parsed = StunMessage.parse(wire, wire.length);

        assertThat(parsed.attributes().subList(0, 2)).isEqualTo(request.attributes());
        assertThat(parsed.transactionKey()).isEqualTo(request.transactionKey());
        assertThat(parsed.encode()).isEqualTo(wire);
        assertThat(StunIntegrity.verify(parsed, wire, key)).isTrue();
        assertThat(StunIntegrity.verifyFingerprint(parsed, wire)).isTrue();
        wire[25] ^= 1; // a bit of REQUESTED-TRANSPORT
        StunMessage tampered = StunMessage.parse(wire, wire.length);
        assertThat(StunIntegrity.verify(tampered, wire, key)).isFalse();
        assertThat(StunIntegrity.verifyFingerprint(tampered, wire)).isFalse();
    }

    @Test
    void attributesAfterMessageIntegrityOtherThanFingerprintAreIgnored() throws Exception {
        StunMessage signed = StunIntegrity.withIntegrity(
                StunMessage.request(Stun.BINDING_SUCCESS, List.of()), new byte[] {1});
        List<StunAttribute> all = new java.util.ArrayList<>(signed.attributes());
        all.add(new StunAttribute(Stun.XOR_MAPPED_ADDRESS, new byte[8]));
        StunMessage m = new StunMessage(signed.type(), signed.transactionId(), all);

        assertThat(m.attribute(Stun.XOR_MAPPED_ADDRESS)).isEmpty();
        assertThat(m.attribute(Stun.MESSAGE_INTEGRITY)).isPresent();
    }

    @Test
    void malformedFramingIsRefusedWithItsReason() {
        byte[] good = Rfc5769Vectors.IPV4_RESPONSE;
        assertRefused(Arrays.copyOf(good, 19), StunFormatException.Reason.TRUNCATED);
        assertRefused(with(good, 4, 0x22), StunFormatException.Reason.NOT_STUN); // magic cookie
        assertRefused(with(good, 0, 0x41), StunFormatException.Reason.NOT_STUN); // top bits of the type
        assertRefused(Arrays.copyOf(good, good.length - 4), StunFormatException.Reason.BAD_LENGTH);
        assertRefused(with(good, 3, 0x3d), StunFormatException.Reason.BAD_LENGTH); // not a multiple of 4
        assertRefused(with(good, 23, 0x40), StunFormatException.Reason.TRUNCATED); // SOFTWARE runs past the end
    }

    @Test
    void malformedAddressesAndErrorCodesAreRefused() {
        byte[] id = new byte[12];
        assertThatThrownBy(() -> StunAddress.decode(new byte[] {0, 3, 0, 1, 1, 2, 3, 4}, true, id))
                .isInstanceOf(StunFormatException.class).hasMessageContaining("family 3");
        assertThatThrownBy(() -> StunAddress.decode(new byte[] {0, 1, 0, 1, 1, 2, 3}, true, id))
                .isInstanceOf(StunFormatException.class);
        StunMessage badCode = new StunMessage(Stun.ALLOCATE_ERROR, id,
                List.of(new StunAttribute(Stun.ERROR_CODE, new byte[] {0, 0, 4, (byte) 150})));
        assertThatThrownBy(() -> StunErrorCode.of(badCode)).isInstanceOf(StunFormatException.class);
    }

    @Test
    void anErrorCodeReadsAsCodeAndOneLineReason() throws Exception {
        byte[] value = "\0\0\4\1Unauthorized\nnow".getBytes(StandardCharsets.UTF_8);
        StunMessage m = new StunMessage(Stun.ALLOCATE_ERROR, new byte[12], List.of(new StunAttribute(Stun.ERROR_CODE, value)));

        assertThat(StunErrorCode.of(m)).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo(401);
            assertThat(e.toString()).isEqualTo("401 Unauthorized now");
        });
    }

    private static void assertRefused(byte[] wire, StunFormatException.Reason reason) {
        assertThatThrownBy(() -> StunMessage.parse(wire, wire.length))
                .isInstanceOfSatisfying(StunFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static byte[] with(byte[] wire, int at, int value) {
        byte[] copy = wire.clone();
        copy[at] = (byte) value;
        return copy;
    }

    private static String text(StunMessage m, int type) {
        return new String(m.attribute(type).orElseThrow(), StandardCharsets.UTF_8);
    }
}
