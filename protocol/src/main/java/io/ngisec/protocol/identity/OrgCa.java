package io.ngisec.protocol.identity;

import org.bouncycastle.util.IPAddress;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralName;
import java.util.List;
import java.security.cert.X509Certificate;
import java.security.cert.CertificateException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An organization's certificate authority: its Ed25519 key and self-signed certificate, issuing
 * device and ticket-signer certificates. Thread safe if its SecureRandom is (the JDK's are). Holds
 * the CA private key: only the policy server should have one.
 */
public final class OrgCa {

    /** Length of a key identifier (RFC 7093 method 1: leftmost 160 bits of SHA-256 of the key), in bytes. */
    private static final int KEY_IDENTIFIER_LENGTH = 20;

    private final OrgCaCertificate certificate;
    private final PrivateKey privateKey;
    private final Clock clock;
    private final SecureRandom random;

    private OrgCa(OrgCaCertificate certificate, PrivateKey privateKey, Clock clock, SecureRandom random) {
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Makes a new CA for {@code orgName}: a fresh Ed25519 key and a self-signed certificate
     * {@code O=<org>,CN=<org> NGISec CA} valid from now for {@code validity}.
     */
    public static OrgCa create(String orgName, Duration validity, Clock clock, SecureRandom random) {
        Objects.requireNonNull(orgName, "orgName");
        if (orgName.isBlank() || orgName.getBytes(StandardCharsets.UTF_8).length > IdentitySpec.MAX_NAME_BYTES) {
            throw new IllegalArgumentException("organization name blank or longer than "
                    + IdentitySpec.MAX_NAME_BYTES + " UTF-8 bytes");
        }
        requirePositive(validity);
        KeyPair keys = Ed25519Keys.generate(random);
        X500Name name = name(orgName, orgName + " NGISec CA");
        Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        byte[] keyIdentifier = keyIdentifier(Ed25519Keys.raw(keys.getPublic()));
        try {
            X509v3CertificateBuilder builder = builder(name, serial(random), notBefore,
                    notBefore.plus(validity), name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyIdentifier));
            byte[] der = builder.build(signer(keys.getPrivate())).getEncoded();
            return new OrgCa(OrgCaCertificate.parse(der), keys.getPrivate(), clock, random);
        } catch (IOException | IdentityException e) {
            throw new IllegalStateException("could not build the CA certificate", e);
        }
    }

    /**
     * Rebuilds a CA from its exported certificate (DER) and private key (PKCS#8 DER). Throws
     * IdentityException(MALFORMED) if the certificate is not a valid CA certificate or the key is
     * not its private key.
     */
    public static OrgCa load(byte[] certificateDer, byte[] privateKeyPkcs8, Clock clock, SecureRandom random)
            throws IdentityException {
        OrgCaCertificate certificate = OrgCaCertificate.parse(certificateDer);
        PrivateKey key;
        try {
            key = Ed25519Keys.privateKeyFromPkcs8(privateKeyPkcs8);
        } catch (IllegalArgumentException e) {
            throw new IdentityException(IdentityException.Reason.MALFORMED, "CA private key is not Ed25519 PKCS#8", e);
        }
        if (!Ed25519Keys.matches(key, certificate.publicKey())) {
            throw new IdentityException(IdentityException.Reason.MALFORMED, "private key does not match the CA certificate");
        }
        return new OrgCa(certificate, key, clock, random);
    }

    /** The CA certificate, to hand to devices and to build a {@link CertificateVerifier}. */
    public OrgCaCertificate certificate() {
        return certificate;
    }

    /** SHA-256 of the CA certificate's DER: the value devices pin. */
    public Fingerprint fingerprint() {
        return certificate.fingerprint();
    }

    /** The CA private key in PKCS#8 DER, for the server's key store. A fresh copy the caller should wipe after use. */
    public byte[] exportPrivateKeyPkcs8() {
        return privateKey.getEncoded();
    }

    /**
     * Issues a certificate {@code O=<org>,CN=<user>} for {@code deviceSigningKey} (Ed25519) carrying
     * {@code identity}, valid from now for {@code validity} but never past the CA's own notAfter.
     * Throws IllegalArgumentException for a key that is not Ed25519, IllegalStateException if the CA
     * has expired.
     */
    public DeviceCertificate issueDevice(DeviceIdentity identity, PublicKey deviceSigningKey, Duration validity) {
        Objects.requireNonNull(identity, "identity");
        try {
            X509v3CertificateBuilder builder = endEntity(identity.user(), deviceSigningKey, validity)
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                    .addExtension(IdentitySpec.DEVICE_IDENTITY_EXTENSION, false,
                            DeviceIdentityExtension.encode(identity));
            return DeviceCertificate.of(ParsedCertificate.parse(builder.build(signer(privateKey)).getEncoded()));
        } catch (IOException | IdentityException e) {
            throw new IllegalStateException("could not build a device certificate", e);
        }
    }

    /**
     * Issues the certificate of a policy server's ticket-signing key (Ed25519), subject
     * {@code O=<org>,CN=<org> NGISec ticket signer}, valid from now for {@code validity} but never
     * past the CA's own notAfter. Same failures as {@link #issueDevice}.
     */
    public TicketSignerCertificate issueTicketSigner(PublicKey ticketSigningKey, Duration validity) {
        try {
            X509v3CertificateBuilder builder =
                    endEntity(certificate.organization() + " NGISec ticket signer", ticketSigningKey, validity)
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.getInstance(IdentitySpec.TICKET_SIGNING_PURPOSE)));
            return TicketSignerCertificate.of(ParsedCertificate.parse(builder.build(signer(privateKey)).getEncoded()));
        } catch (IOException | IdentityException e) {
            throw new IllegalStateException("could not build a ticket-signer certificate", e);
        }
    }

    /**
     * Issues the policy server's TLS certificate for {@code serverKey} (Ed25519), subject
     * {@code O=<org>,CN=<first name>}, with every name in {@code names} as a subject alternative
     * name (IP literals as IP addresses, the rest as DNS names) and the serverAuth purpose. Devices
     * accept it because it chains to the CA they pinned from their invite. Same failures as
     * {@link #issueDevice}, and IllegalArgumentException for an empty name list.
     */
    public X509Certificate issueServer(List<String> names, PublicKey serverKey, Duration validity) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one name");
        }
        try {
            GeneralName[] alternatives = names.stream()
                    .map(n -> new GeneralName(IPAddress.isValid(n) ? GeneralName.iPAddress : GeneralName.dNSName, n))
                    .toArray(GeneralName[]::new);
            X509v3CertificateBuilder builder = endEntity(names.get(0), serverKey, validity)
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives));
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(privateKey)));
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("could not build a server certificate", e);
        }
    }

    private X509v3CertificateBuilder endEntity(String commonName, PublicKey subjectKey, Duration validity)
            throws CertIOException {
        requirePositive(validity);
        byte[] rawKey = Ed25519Keys.raw(subjectKey);
        Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (!notBefore.isBefore(certificate.notAfter())) {
            throw new IllegalStateException("the CA certificate expired at " + certificate.notAfter());
        }
        Instant wanted = notBefore.plus(validity);
        Instant notAfter = wanted.isAfter(certificate.notAfter()) ? certificate.notAfter() : wanted;
        return builder(certificate.subjectName(), serial(random), notBefore, notAfter,
                name(certificate.organization(), commonName), subjectKey)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyIdentifier(rawKey)))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        new AuthorityKeyIdentifier(keyIdentifier(certificate.rawPublicKey())));
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, BigInteger serial, Instant notBefore,
                                                    Instant notAfter, X500Name subject, PublicKey key) {
        return new X509v3CertificateBuilder(issuer, serial, Date.from(notBefore), Date.from(notAfter), subject,
                SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    }

    private static X500Name name(String organization, String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, organization)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder("Ed25519").build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("the Java runtime lacks Ed25519", e);
        }
    }

    /** A random positive serial of {@link IdentitySpec#SERIAL_BITS} bits. */
    private static BigInteger serial(SecureRandom random) {
        BigInteger serial;
        do {
            serial = new BigInteger(IdentitySpec.SERIAL_BITS, random);
        } while (serial.signum() == 0);
        return serial;
    }

    private static byte[] keyIdentifier(byte[] rawPublicKey) {
        return Arrays.copyOf(Fingerprint.sha256(rawPublicKey), KEY_IDENTIFIER_LENGTH);
    }

    private static void requirePositive(Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive: " + validity);
        }
    }
}
