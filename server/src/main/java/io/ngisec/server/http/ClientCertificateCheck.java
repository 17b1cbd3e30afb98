package io.ngisec.server.http;

import io.ngisec.protocol.identity.CertificateVerifier;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.IdentityException;
import io.ngisec.protocol.identity.OrgCaCertificate;
import io.ngisec.protocol.identity.RevocationChecker;
import io.ngisec.server.api.ApiException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;

/**
 * Decides whether the certificate a TLS client showed is a current device certificate issued by
 * the org CA (revocation is the API's {@code mayConnect}). Refusals are ApiException 401
 * client_certificate_required. Thread safe.
 */
final class ClientCertificateCheck {

    static final String CODE = "client_certificate_required";

    private final CertificateVerifier verifier;

    ClientCertificateCheck(OrgCaCertificate ca, Clock clock) {
        this.verifier = new CertificateVerifier(ca, RevocationChecker.NONE, clock);
    }

    /** The device certificate at the head of {@code chain} (null or empty: none shown). */
    DeviceCertificate verify(Certificate[] chain) throws ApiException {
        if (chain == null || chain.length == 0) {
            throw missing();
        }
        byte[] der;
        try {
            der = chain[0].getEncoded();
        } catch (CertificateEncodingException e) {
            throw refused("unreadable");
        }
        try {
            return verifier.verify(der);
        } catch (IdentityException e) {
            throw refused(e.reason().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    static ApiException missing() {
        return new ApiException(401, CODE, "this request needs the device's certificate as TLS client certificate");
    }

    private static ApiException refused(String why) {
        return new ApiException(401, CODE, "the TLS client certificate is not a valid device certificate (" + why + ")");
    }
}
