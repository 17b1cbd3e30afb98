package io.ngisec.app.service;

import io.ngisec.protocol.enroll.Invite;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;

/**
 * Reads the organization's name from the CA certificate the invite's server sends in its TLS
 * chain. Only a certificate whose SHA-256 is the invite's pin is read, so the name is the one
 * the administrator's CA carries; whether the server really holds that CA's certificate is left
 * to enrollment itself, which checks it fully. Blocking: call it off the UI thread.
 */
final class OrganizationProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private OrganizationProbe() {
    }

    static OrganizationPreview probe(Invite invite) throws EnrollmentException {
        URI server = invite.server();
        int port = server.getPort() == -1 ? 443 : server.getPort();
        AtomicReference<X509Certificate[]> seen = new AtomicReference<>();
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new X509TrustManager[] {new Recording(seen)}, null);
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(server.getHost(), port), (int) TIMEOUT.toMillis());
                socket.setSoTimeout((int) TIMEOUT.toMillis());
                socket.startHandshake();
            }
        } catch (ConnectException e) {
            throw new EnrollmentException(unreachable(server, "connection refused"), e);
        } catch (SocketTimeoutException e) {
            throw new EnrollmentException("the policy server at " + server + " did not answer in time", e);
        } catch (SSLException e) {
            if (seen.get() == null) {
                throw new EnrollmentException("TLS with the policy server at " + server + " failed: " + oneLine(e), e);
            }
        } catch (IOException e) {
            throw new EnrollmentException(unreachable(server, oneLine(e)), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has TLS", e);
        }
        X509Certificate[] chain = seen.get();
        for (X509Certificate c : chain == null ? new X509Certificate[0] : chain) {
            try {
                if (invite.caFingerprint().matches(c.getEncoded())) {
                    return new OrganizationPreview(organization(c));
                }
            } catch (CertificateEncodingException e) {
                // Not the CA then.
            }
        }
        throw new EnrollmentException("the server at " + server + " is not the organization's (its certificate does not"
                + " chain to the CA fingerprint in the invite)");
    }

    private static String organization(X509Certificate ca) {
        try {
            for (Rdn rdn : new LdapName(ca.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("O")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            // Fall through: the subject as it is.
        }
        return ca.getSubjectX500Principal().getName();
    }

    private static String unreachable(URI server, String reason) {
        return "cannot reach the policy server at " + server + ": " + reason;
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replaceAll("[\\r\\n]+", " ").strip();
    }

    /** Accepts any chain and keeps it: trust comes from the pin, checked on the chain afterwards. */
    private record Recording(AtomicReference<X509Certificate[]> seen) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("a device trusts no clients");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            seen.set(chain.clone());
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
