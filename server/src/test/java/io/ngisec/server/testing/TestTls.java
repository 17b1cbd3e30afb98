package io.ngisec.server.testing;

import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Client TLS contexts for tests that talk to the policy server: trust one org CA, present a device certificate or none. */
public final class TestTls {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] PASSWORD = "test".toCharArray();

    private TestTls() {
    }

    /** Trusts {@code ca} only; presents {@code certificate} with {@code key} when asked, or nothing if {@code key} is null. */
    public static SSLContext client(X509Certificate ca, PrivateKey key, X509Certificate certificate) {
        if (key == null) {
            return client(ca, (KeyManager[]) null);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("device", key, PASSWORD, new X509Certificate[] {certificate});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD);
            return client(ca, keys.getKeyManagers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trusts {@code ca} only and chooses client certificates with {@code keyManagers} (null: none). */
    public static SSLContext client(X509Certificate ca, KeyManager[] keyManagers) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers.getTrustManagers(), RANDOM);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
