package io.ngisec.protocol.identity;

import io.ngisec.protocol.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.junit.jupiter.api.Test;

class DeviceCertificateTest {

    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final OrgCa ca = Fixtures.ca(clock);
    private final KeyPair deviceKey = Ed25519Keys.generate(Fixtures.RANDOM);
    private final DeviceCertificate cert = ca.issueDevice(Fixtures.alice(), deviceKey.getPublic(), Duration.ofDays(30));

    @Test
    void parseReturnsWhatWasIssued() throws Exception {
        DeviceCertificate parsed = DeviceCertificate.parse(cert.encoded());

        assertThat(parsed).isEqualTo(cert);
        assertThat(parsed.identity()).isEqualTo(Fixtures.alice());
        assertThat(parsed.deviceId()).isEqualTo(Fixtures.ALICE_LAPTOP);
        assertThat(parsed.publicKey().getEncoded()).isEqualTo(deviceKey.getPublic().getEncoded());
        assertThat(parsed.notBefore()).isEqualTo(Fixtures.NOW);
        assertThat(parsed.notAfter()).isEqualTo(Fixtures.NOW.plus(Duration.ofDays(30)));
        assertThat(parsed.fingerprint()).isEqualTo(Fingerprint.of(cert.encoded()));
        assertThat(parsed.identity().hasNoiseStaticKey(Fixtures.alice().noiseStaticKey())).isTrue();
    }

    @Test
    void standardX509ViewHasTheSpecifiedShape() throws Exception {
        X509Certificate x509 = OrgCaTest.jdk(cert.encoded());

        assertThat(x509.getSubjectX500Principal().getName()).isEqualTo("CN=alice,O=Acme");
        assertThat(x509.getIssuerX500Principal()).isEqualTo(OrgCaTest.jdk(ca.certificate().encoded()).getSubjectX500Principal());
        assertThat(x509.getBasicConstraints()).isEqualTo(-1);
        assertThat(x509.getKeyUsage()[0]).isTrue();
        assertThat(x509.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(x509.getNonCriticalExtensionOIDs()).contains(IdentitySpec.DEVICE_IDENTITY_EXTENSION.getId());
        assertThat(x509.getCriticalExtensionOIDs()).doesNotContain(IdentitySpec.DEVICE_IDENTITY_EXTENSION.getId());
        assertThat(x509.getSerialNumber().bitLength()).isBetween(64, IdentitySpec.SERIAL_BITS);
        x509.verify(ca.certificate().publicKey());
    }

    @Test
    void extensionIsTheDocumentedDer() throws Exception {
        byte[] wrapped = OrgCaTest.jdk(cert.encoded()).getExtensionValue(IdentitySpec.DEVICE_IDENTITY_EXTENSION.getId());
        byte[] value = ASN1OctetString.getInstance(wrapped).getOctets();

        assertThat(ASN1Primitive.fromByteArray(value).toString())
                .isEqualTo("[1, alice, #11111111222233334444555555555555, Alice's laptop, [staff, engineering], "
                        + "#0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20]");
    }

    @Test
    void serialsAreRandomPerCertificate() {
        DeviceCertificate again = ca.issueDevice(Fixtures.alice(), deviceKey.getPublic(), Duration.ofDays(30));

        assertThat(again.serial()).isNotEqualTo(cert.serial());
    }

    @Test
    void encodedIsACopy() {
        byte[] der = cert.encoded();
        der[10] ^= 1;

        assertThat(cert.encoded()).isNotEqualTo(der);
    }

    @Test
    void garbageTrailingBytesAndTruncationAreMalformed() {
        byte[] der = cert.encoded();
        byte[] trailing = Arrays.copyOf(der, der.length + 1);

        assertMalformed(new byte[0]);
        assertMalformed(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01});
        assertMalformed(trailing);
        assertMalformed(Arrays.copyOf(der, der.length - 1));
        assertMalformed(null);
    }

    @Test
    void ticketSignerCertificateIsTheWrongRole() {
        TicketSignerCertificate signer = ca.issueTicketSigner(Ed25519Keys.generate(Fixtures.RANDOM).getPublic(),
                Duration.ofDays(30));

        assertThatThrownBy(() -> DeviceCertificate.parse(signer.encoded()))
                .isInstanceOfSatisfying(IdentityException.class,
                        e -> assertThat(e.reason()).isEqualTo(IdentityException.Reason.WRONG_ROLE));
    }

    @Test
    void identityRefusesValuesNoCertificateMayCarry() {
        byte[] noise = new byte[32];
        assertThatThrownBy(() -> new DeviceIdentity(" ", Fixtures.ALICE_LAPTOP, "x", List.of(), noise))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviceIdentity("a", Fixtures.ALICE_LAPTOP, "x", List.of(), new byte[31]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviceIdentity("a".repeat(257), Fixtures.ALICE_LAPTOP, "x", List.of(), noise))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviceIdentity("a", Fixtures.ALICE_LAPTOP, "x", List.of(""), noise))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertMalformed(byte[] der) {
        assertThatThrownBy(() -> DeviceCertificate.parse(der))
                .isInstanceOfSatisfying(IdentityException.class,
                        e -> assertThat(e.reason()).isEqualTo(IdentityException.Reason.MALFORMED));
    }
}
