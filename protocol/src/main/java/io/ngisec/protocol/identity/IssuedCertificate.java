package io.ngisec.protocol.identity;

import java.math.BigInteger;
import java.security.PublicKey;
import java.time.Instant;

/** A certificate the organization CA issues (device or ticket signer): what revocation and validity checks look at. */
public sealed interface IssuedCertificate permits DeviceCertificate, TicketSignerCertificate {

    /** The serial number (positive, 128 random bits when we issued it). */
    BigInteger serial();

    /** First instant of validity (second precision). */
    Instant notBefore();

    /** Last instant of validity, inclusive (second precision). */
    Instant notAfter();

    /** The certified Ed25519 public key. */
    PublicKey publicKey();

    /** The DER encoding (a copy). */
    byte[] encoded();

    /** SHA-256 of {@link #encoded()}. */
    Fingerprint fingerprint();
}
