package io.ngisec.client.server;

import io.ngisec.protocol.identity.Fingerprint;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts a policy server's certificate chain only if it chains to the org CA the device pinned:
 * the CA is either known (after enrollment) or the chain certificate whose SHA-256 fingerprint is
 * the pinned one (at enrollment, when the server sends the CA in its chain). The leaf must be
 * signed by that CA; the JDK's PKIX trust manager, anchored at that CA alone, then checks the
 * path, validity and the host name. Thread safe. Never trusts a client.
 */
final class PinnedTrustManager extends X509ExtendedTrustManager {

    /** The chain does not lead to the pinned CA: the server is not the organization's. */
    static final class PinMismatchException extends CertificateException {
        PinMismatchException(String message) {
            super(message);
        }
    }

    private final Fingerprint pin;
    private final X509Certificate knownCa;

    /** {@code knownCa} may be null: then the CA must be in the chain the server sends. */
    PinnedTrustManager(Fingerprint pin, X509Certificate knownCa) {
        this.pin = Objects.requireNonNull(pin, "pin");
        this.knownCa = knownCa;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate(anchorFor(chain)).checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate(anchorFor(chain)).checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate(anchorFor(chain)).checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a device trusts no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a device trusts no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a device trusts no clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return knownCa == null ? new X509Certificate[0] : new X509Certificate[] {knownCa};
    }

    private X509Certificate anchorFor(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new PinMismatchException("the server sent no certificate");
        }
        X509Certificate anchor = knownCa != null ? knownCa : pinnedInChain(chain);
        try {
            chain[0].verify(anchor.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new PinMismatchException("the server certificate is not signed by the pinned CA");
        }
        return anchor;
    }

    private X509Certificate pinnedInChain(X509Certificate[] chain) throws CertificateException {
        for (X509Certificate certificate : chain) {
            if (pin.matches(certificate.getEncoded())) {
                return certificate;
            }
        }
        throw new PinMismatchException("no certificate in the server's chain has the pinned fingerprint");
    }

    private static X509ExtendedTrustManager delegate(X509Certificate anchor) throws CertificateException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("org-ca", anchor);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) {
                    return extended;
                }
            }
            throw new CertificateException("the JDK has no X509ExtendedTrustManager");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new CertificateException("cannot build a trust manager for the org CA", e);
        }
    }
}
