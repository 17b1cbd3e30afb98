package io.ngisec.client.server;

import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.protocol.identity.Fingerprint;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The device's TLS contexts for the policy server, trusting only the org CA it pinned: before
 * enrollment by the CA fingerprint from the invite (the server sends the CA in its chain), after
 * enrollment the CA certificate itself, with the device certificate and its Ed25519 key for
 * mutual TLS.
 */
public final class PolicyTls {

    // The key store lives only in memory for the key manager; its password protects nothing.
    private static final char[] IN_MEMORY_PASSWORD = "ngisec".toCharArray();

    private PolicyTls() {
    }

    /** For enrollment: trusts a server whose chain holds a certificate with {@code caFingerprint} that signed its leaf. */
    public static SSLContext enrollment(Fingerprint caFingerprint) {
        return context(null, new PinnedTrustManager(caFingerprint, null));
    }

    /**
     * For an enrolled device: trusts exactly its org CA and presents its certificate. Throws
     * IllegalArgumentException if the stored CA certificate does not have the pinned fingerprint.
     */
    public static SSLContext mutual(EnrolledIdentity identity) {
        if (!identity.caFingerprint().matches(identity.caCertificate())) {
            throw new IllegalArgumentException("the stored CA certificate does not have the pinned fingerprint");
        }
        X509Certificate ca = x509(identity.caCertificate());
        X509Certificate device = x509(identity.deviceCertificate());
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("device", identity.keys().signing().getPrivate(), IN_MEMORY_PASSWORD,
                    new X509Certificate[] {device});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, IN_MEMORY_PASSWORD);
            return context(keys.getKeyManagers(), new PinnedTrustManager(identity.caFingerprint(), ca));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("cannot use this device key and certificate for TLS", e);
        }
    }

    /** Whether {@code failure} (or a cause) is a certificate chain that does not lead to the pinned CA. */
    static boolean isPinFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PinnedTrustManager.PinMismatchException) {
                return true;
            }
            if (Arrays.stream(t.getSuppressed()).anyMatch(PolicyTls::isPinFailure)) {
                return true;
            }
        }
        return false;
    }

    /** Parses a DER certificate; throws IllegalArgumentException if it is not one. */
    static X509Certificate x509(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not an X.509 certificate", e);
        }
    }

    private static SSLContext context(KeyManager[] keys, TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, new TrustManager[] {trust}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS", e);
        }
    }
}
