package io.ngisec.protocol.identity;

/**
 * The revocation hook of {@link CertificateVerifier}: says whether a CA-signed certificate has been
 * withdrawn. Implementations must be thread safe and fast (called on every verification) and must
 * not throw.
 */
@FunctionalInterface
public interface RevocationChecker {

    /** Revokes nothing. */
    RevocationChecker NONE = certificate -> false;

    /** Whether {@code certificate}, already known to be signed by the CA, is revoked. */
    boolean isRevoked(IssuedCertificate certificate);
}
