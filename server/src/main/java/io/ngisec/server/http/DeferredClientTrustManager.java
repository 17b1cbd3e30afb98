package io.ngisec.server.http;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The server's TLS trust manager: names the org CA as the only acceptable issuer of client
 * certificates but lets the handshake finish whatever certificate the client shows. TLS has still
 * proven that the client holds that certificate's private key; whether the CA issued it is decided
 * per request by {@link ClientCertificateCheck}, so that a bad certificate gets a JSON 401 instead
 * of a bare TLS alert. Never used to check servers. Thread safe.
 */
final class DeferredClientTrustManager extends X509ExtendedTrustManager {

    private final X509Certificate ca;

    DeferredClientTrustManager(X509Certificate ca) {
        this.ca = ca;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // Checked per request against the org CA (ClientCertificateCheck).
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // Checked per request against the org CA (ClientCertificateCheck).
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // Checked per request against the org CA (ClientCertificateCheck).
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the policy server does not check server certificates");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[] {ca};
    }
}
