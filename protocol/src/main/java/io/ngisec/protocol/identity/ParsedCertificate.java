package io.ngisec.protocol.identity;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A certificate that is structurally an NGISec certificate of a known role: exact DER, X.509 v3,
 * Ed25519 key and signature, no unknown critical extension, extensions consistent with one role.
 * Says nothing about who signed it or when it is valid; that is {@link CertificateVerifier}'s job.
 */
final class ParsedCertificate {

    private static final Set<ASN1ObjectIdentifier> UNDERSTOOD_CRITICAL = Set.of(
            Extension.basicConstraints, Extension.keyUsage, Extension.extendedKeyUsage,
            Extension.subjectKeyIdentifier, Extension.authorityKeyIdentifier);

    private final byte[] encoded;
    private final X509CertificateHolder holder;
    private final CertificateRole role;
    private final DeviceIdentity deviceIdentity;
    private final byte[] rawPublicKey;
    private final PublicKey publicKey;
    private final Fingerprint fingerprint;

    private ParsedCertificate(byte[] encoded, X509CertificateHolder holder, CertificateRole role,
                              DeviceIdentity deviceIdentity, byte[] rawPublicKey, PublicKey publicKey) {
        this.encoded = encoded;
        this.holder = holder;
        this.role = role;
        this.deviceIdentity = deviceIdentity;
        this.rawPublicKey = rawPublicKey;
        this.publicKey = publicKey;
        this.fingerprint = Fingerprint.of(encoded);
    }

    /** Parses {@code der}; throws IdentityException(MALFORMED) for anything else, never another exception. */
    static ParsedCertificate parse(byte[] der) throws IdentityException {
        if (der == null || der.length == 0) {
            throw malformed("empty");
        }
        byte[] encoded = der.clone();
        try {
            X509CertificateHolder holder = new X509CertificateHolder(encoded);
            // Exact DER only, so the fingerprint and the signed bytes are those of the one encoding.
            // Compare with an explicit DER encoding: BC's default re-encoding keeps some BER forms
            // (a BOOLEAN TRUE other than 0xFF), which would let edited bytes share a signature.
            if (!Arrays.equals(holder.toASN1Structure().getEncoded(ASN1Encoding.DER), encoded)) {
                throw malformed("not DER");
            }
            Certificate cert = holder.toASN1Structure();
            TBSCertificate tbs = cert.getTBSCertificate();
            if (holder.getVersionNumber() != 3) {
                throw malformed("not X.509 v3");
            }
            if (!Ed25519Keys.ALGORITHM.equals(cert.getSignatureAlgorithm())
                    || !Ed25519Keys.ALGORITHM.equals(tbs.getSignature())) {
                throw malformed("not signed with Ed25519");
            }
            if (cert.getSignature().getPadBits() != 0
                    || cert.getSignature().getBytes().length != IdentitySpec.SIGNATURE_LENGTH) {
                throw malformed("bad signature length");
            }
            SubjectPublicKeyInfo spki = holder.getSubjectPublicKeyInfo();
            if (!Ed25519Keys.isEd25519(spki)) {
                throw malformed("subject key not Ed25519");
            }
            if (holder.getSerialNumber().signum() <= 0) {
                throw malformed("serial not positive");
            }
            Extensions extensions = holder.getExtensions();
            if (extensions == null) {
                throw malformed("no extensions");
            }
            for (ASN1ObjectIdentifier oid : extensions.getCriticalExtensionOIDs()) {
                if (!UNDERSTOOD_CRITICAL.contains(oid)) {
                    throw malformed("unknown critical extension " + oid);
                }
            }
            Extension identityExtension = extensions.getExtension(IdentitySpec.DEVICE_IDENTITY_EXTENSION);
            DeviceIdentity identity = identityExtension == null
                    ? null
                    : DeviceIdentityExtension.decode(identityExtension.getExtnValue().getOctets());
            CertificateRole role = role(extensions, identity != null);
            PublicKey key = Ed25519Keys.publicKeyFromSpki(spki.getEncoded(ASN1Encoding.DER));
            return new ParsedCertificate(encoded, holder, role, identity, spki.getPublicKeyData().getOctets(), key);
        } catch (IdentityException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Garbage DER makes BC throw IOException, IllegalArgumentException, ClassCastException,
            // IllegalStateException and more; at this boundary they all mean one thing.
            throw new IdentityException(IdentityException.Reason.MALFORMED, "not an NGISec certificate", e);
        }
    }

    private static CertificateRole role(Extensions extensions, boolean hasIdentity) throws IdentityException {
        BasicConstraints constraints = BasicConstraints.fromExtensions(extensions);
        KeyUsage usage = KeyUsage.fromExtensions(extensions);
        ExtendedKeyUsage extendedUsage = ExtendedKeyUsage.fromExtensions(extensions);
        boolean ticketSigning = extendedUsage != null
                && extendedUsage.hasKeyPurposeId(KeyPurposeId.getInstance(IdentitySpec.TICKET_SIGNING_PURPOSE));
        if (usage == null) {
            throw malformed("no key usage");
        }
        if (constraints != null && constraints.isCA()) {
            if (hasIdentity || ticketSigning || !usage.hasUsages(KeyUsage.keyCertSign)) {
                throw malformed("CA certificate with end-entity extensions or without keyCertSign");
            }
            return CertificateRole.CA;
        }
        if (!usage.hasUsages(KeyUsage.digitalSignature)) {
            throw malformed("end-entity certificate without digitalSignature");
        }
        if (hasIdentity && ticketSigning) {
            throw malformed("both device identity and ticket signing");
        }
        if (hasIdentity) {
            return CertificateRole.DEVICE;
        }
        if (ticketSigning) {
            return CertificateRole.TICKET_SIGNER;
        }
        throw malformed("no NGISec device identity extension and not a ticket signer");
    }

    /** Whether the issuer's {@code key} signed this certificate. */
    boolean isSignedBy(PublicKey key) {
        byte[] tbs;
        try {
            tbs = holder.toASN1Structure().getTBSCertificate().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            return false;
        }
        return Ed25519Keys.verify(key, new byte[0], tbs, holder.getSignature());
    }

    CertificateRole role() {
        return role;
    }

    /** The device identity; non-null exactly when {@link #role()} is DEVICE. */
    DeviceIdentity deviceIdentity() {
        return deviceIdentity;
    }

    X500Name subject() {
        return holder.getSubject();
    }

    X500Name issuer() {
        return holder.getIssuer();
    }

    BigInteger serial() {
        return holder.getSerialNumber();
    }

    Instant notBefore() {
        return holder.getNotBefore().toInstant();
    }

    Instant notAfter() {
        return holder.getNotAfter().toInstant();
    }

    PublicKey publicKey() {
        return publicKey;
    }

    byte[] rawPublicKey() {
        return rawPublicKey.clone();
    }

    /** The DER encoding (a copy). */
    byte[] encoded() {
        return encoded.clone();
    }

    Fingerprint fingerprint() {
        return fingerprint;
    }

    private static IdentityException malformed(String why) {
        return new IdentityException(IdentityException.Reason.MALFORMED, "certificate: " + why);
    }
}
