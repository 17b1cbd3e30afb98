package io.ngisec.protocol.identity;

import io.ngisec.protocol.testing.MutableClock;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Shared values and builders for this package's tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    static final SecureRandom RANDOM = new SecureRandom();
    static final DeviceId ALICE_LAPTOP = new DeviceId(UUID.fromString("11111111-2222-3333-4444-555555555555"));
    static final DeviceId BOB_PHONE = new DeviceId(UUID.fromString("66666666-7777-8888-9999-aaaaaaaaaaaa"));

    private Fixtures() {
    }

    static DeviceIdentity alice() {
        byte[] noise = new byte[IdentitySpec.NOISE_STATIC_KEY_LENGTH];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (i + 1);
        }
        return new DeviceIdentity("alice", ALICE_LAPTOP, "Alice's laptop", List.of("staff", "engineering"), noise);
    }

    static OrgCa ca(MutableClock clock) {
        return OrgCa.create("Acme", Duration.ofDays(3650), clock, RANDOM);
    }

    static Map<Service, QosClass> grants() {
        return Map.of(Service.CALL, QosClass.VOICE, Service.CHAT, QosClass.INTERACTIVE);
    }

    /** One extension to put in a hand-made certificate. */
    record Ext(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
    }

    /** A certificate signed by {@code issuerKey} with exactly the given fields, for shapes {@link OrgCa} never makes. */
    static byte[] forge(X500Name issuer, PrivateKey issuerKey, X500Name subject, PublicKey subjectKey,
                        Instant notBefore, Instant notAfter, Ext... extensions) throws Exception {
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, BigInteger.valueOf(4242),
                Date.from(notBefore), Date.from(notAfter), subject, SubjectPublicKeyInfo.getInstance(subjectKey.getEncoded()));
        for (Ext e : extensions) {
            builder.addExtension(e.oid(), e.critical(), e.value());
        }
        return builder.build(new JcaContentSignerBuilder("Ed25519").build(issuerKey)).getEncoded();
    }
}
