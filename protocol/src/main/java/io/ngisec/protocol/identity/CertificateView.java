package io.ngisec.protocol.identity;

import java.math.BigInteger;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;

/**
 * What every kind of NGISec certificate shows of its parsed form. Two certificates are equal when
 * they are of the same kind and have the same DER encoding. Immutable and thread safe.
 */
abstract class CertificateView {

    private final ParsedCertificate parsed;

    CertificateView(ParsedCertificate parsed) {
        this.parsed = parsed;
    }

    final ParsedCertificate parsed() {
        return parsed;
    }

    /** The serial number (positive, 128 random bits when we issued it). */
    public BigInteger serial() {
        return parsed.serial();
    }

    /** First instant of validity (second precision). */
    public Instant notBefore() {
        return parsed.notBefore();
    }

    /** Last instant of validity, inclusive (second precision). */
    public Instant notAfter() {
        return parsed.notAfter();
    }

    /** The certified Ed25519 public key. */
    public PublicKey publicKey() {
        return parsed.publicKey();
    }

    /** The DER encoding (a copy). */
    public byte[] encoded() {
        return parsed.encoded();
    }

    /** SHA-256 of {@link #encoded()}. */
    public Fingerprint fingerprint() {
        return parsed.fingerprint();
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass()
                && Arrays.equals(encoded(), ((CertificateView) o).encoded());
    }

    @Override
    public final int hashCode() {
        return parsed.fingerprint().hashCode();
    }
}
