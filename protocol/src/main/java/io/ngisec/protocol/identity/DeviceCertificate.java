package io.ngisec.protocol.identity;


/**
 * A device's certificate: its {@link DeviceIdentity} (with the Noise static key the handshake must
 * show) bound to its Ed25519 signing key. Immutable and thread safe. {@link #parse} only checks the
 * form; only a certificate returned by {@link CertificateVerifier#verify} is trusted.
 */
public final class DeviceCertificate extends CertificateView implements IssuedCertificate {

    private DeviceCertificate(ParsedCertificate parsed) {
        super(parsed);
    }

    /**
     * Parses a DER device certificate without checking who signed it or when. Throws
     * IdentityException with MALFORMED for anything but a well-formed NGISec device certificate, or
     * WRONG_ROLE for a well-formed NGISec certificate of another kind; never another exception.
     */
    public static DeviceCertificate parse(byte[] der) throws IdentityException {
        return of(ParsedCertificate.parse(der));
    }

    static DeviceCertificate of(ParsedCertificate parsed) throws IdentityException {
        if (parsed.role() != CertificateRole.DEVICE) {
            throw new IdentityException(IdentityException.Reason.WRONG_ROLE,
                    "a " + parsed.role() + " certificate is not a device certificate");
        }
        return new DeviceCertificate(parsed);
    }

    /** Who this certificate speaks for. */
    public DeviceIdentity identity() {
        return parsed().deviceIdentity();
    }

    /** Shortcut for {@code identity().deviceId()}. */
    public DeviceId deviceId() {
        return parsed().deviceIdentity().deviceId();
    }

    @Override
    public String toString() {
        return "DeviceCertificate[" + identity().user() + "/" + identity().deviceName() + " " + deviceId()
                + ", serial=" + serial().toString(16) + ", " + fingerprint() + "]";
    }
}
