package io.ngisec.protocol.identity;

import io.ngisec.protocol.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class OrgCaTest {

    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final OrgCa ca = Fixtures.ca(clock);

    @Test
    void caCertificateIsASelfSignedCaForTheOrganization() throws Exception {
        X509Certificate x509 = jdk(ca.certificate().encoded());

        assertThat(x509.getSubjectX500Principal().getName()).isEqualTo("CN=Acme NGISec CA,O=Acme");
        assertThat(x509.getIssuerX500Principal()).isEqualTo(x509.getSubjectX500Principal());
        assertThat(x509.getBasicConstraints()).isEqualTo(0);
        assertThat(x509.getKeyUsage()).startsWith(false, false, false, false, false, true, true);
        assertThat(x509.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        assertThat(x509.getSigAlgName()).isEqualTo("Ed25519");
        assertThat(x509.getNotBefore().toInstant()).isEqualTo(Fixtures.NOW);
        assertThat(x509.getNotAfter().toInstant()).isEqualTo(Fixtures.NOW.plus(Duration.ofDays(3650)));
        x509.verify(x509.getPublicKey());
        assertThat(ca.certificate().organization()).isEqualTo("Acme");
    }

    @Test
    void fingerprintIsSha256OfTheDerInBothTextForms() throws Exception {
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(ca.certificate().encoded());

        assertThat(ca.fingerprint().bytes()).isEqualTo(sha);
        assertThat(ca.fingerprint().hex()).isEqualTo(HexFormat.of().formatHex(sha));
        assertThat(ca.fingerprint().toString()).hasSize(95).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(Fingerprint.parse(ca.fingerprint().toString())).isEqualTo(ca.fingerprint());
        assertThat(Fingerprint.parse(ca.fingerprint().hex())).isEqualTo(ca.fingerprint());
        assertThat(ca.fingerprint().matches(ca.certificate().encoded())).isTrue();
    }

    @Test
    void loadRebuildsTheSameCaThatStillIssues() throws Exception {
        OrgCa loaded = OrgCa.load(ca.certificate().encoded(), ca.exportPrivateKeyPkcs8(), clock, Fixtures.RANDOM);
        KeyPair device = Ed25519Keys.generate(Fixtures.RANDOM);

        DeviceCertificate cert = loaded.issueDevice(Fixtures.alice(), device.getPublic(), Duration.ofDays(30));

        assertThat(loaded.certificate()).isEqualTo(ca.certificate());
        assertThat(new CertificateVerifier(ca.certificate(), RevocationChecker.NONE, clock).verify(cert.encoded()))
                .isEqualTo(cert);
    }

    @Test
    void loadRefusesAKeyOfAnotherCa() {
        OrgCa other = Fixtures.ca(clock);

        assertThatThrownBy(() -> OrgCa.load(ca.certificate().encoded(), other.exportPrivateKeyPkcs8(), clock,
                Fixtures.RANDOM))
                .isInstanceOfSatisfying(IdentityException.class,
                        e -> assertThat(e.reason()).isEqualTo(IdentityException.Reason.MALFORMED));
    }

    @Test
    void loadRefusesADeviceCertificateAsCa() {
        DeviceCertificate cert = ca.issueDevice(Fixtures.alice(), Ed25519Keys.generate(Fixtures.RANDOM).getPublic(),
                Duration.ofDays(1));

        assertThatThrownBy(() -> OrgCa.load(cert.encoded(), ca.exportPrivateKeyPkcs8(), clock, Fixtures.RANDOM))
                .isInstanceOfSatisfying(IdentityException.class,
                        e -> assertThat(e.reason()).isEqualTo(IdentityException.Reason.WRONG_ROLE));
    }

    @Test
    void issuedValidityNeverOutlivesTheCa() {
        DeviceCertificate cert = ca.issueDevice(Fixtures.alice(), Ed25519Keys.generate(Fixtures.RANDOM).getPublic(),
                Duration.ofDays(100_000));

        assertThat(cert.notAfter()).isEqualTo(ca.certificate().notAfter());
    }

    @Test
    void expiredCaIssuesNothing() {
        clock.advance(Duration.ofDays(3651));

        assertThatThrownBy(() -> ca.issueDevice(Fixtures.alice(), Ed25519Keys.generate(Fixtures.RANDOM).getPublic(),
                Duration.ofDays(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void issuingForANonEd25519KeyIsRefused() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);

        assertThatThrownBy(() -> ca.issueDevice(Fixtures.alice(), ec.generateKeyPair().getPublic(), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static X509Certificate jdk(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    @Test
    void serverCertificateValidatesWithTheJdkAgainstTheCaAndNamesTheServer() throws Exception {
        X509Certificate server = ca.issueServer(java.util.List.of("policy.example", "127.0.0.1"),
                Ed25519Keys.generate(Fixtures.RANDOM).getPublic(), java.time.Duration.ofDays(30));
        X509Certificate anchor = jdk(ca.certificate().encoded());

        java.security.cert.PKIXParameters parameters = new java.security.cert.PKIXParameters(
                java.util.Set.of(new java.security.cert.TrustAnchor(anchor, null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(java.util.Date.from(Fixtures.NOW));
        java.security.cert.CertPathValidator.getInstance("PKIX").validate(
                java.security.cert.CertificateFactory.getInstance("X.509").generateCertPath(java.util.List.of(server)),
                parameters);

        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(server.getSubjectAlternativeNames().stream().map(n -> (Object) n.get(1)).toList())
                .containsExactly("policy.example", "127.0.0.1");
        assertThat(server.getSubjectX500Principal().getName()).isEqualTo("CN=policy.example,O=Acme");
    }
}
