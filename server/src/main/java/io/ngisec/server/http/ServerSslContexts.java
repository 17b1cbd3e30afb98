package io.ngisec.server.http;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;

/** Builds the server's Netty SSL context from {@link ServerTls}: JDK provider, TLS 1.3 and 1.2, optional client certificates. */
final class ServerSslContexts {

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    // The key store lives only in memory for the key manager; its password protects nothing.
    private static final char[] IN_MEMORY_PASSWORD = "ngisec".toCharArray();

    private ServerSslContexts() {
    }

    /** Throws IllegalArgumentException if the key and chain cannot serve TLS. */
    static SslContext build(ServerTls tls) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", tls.privateKey(), IN_MEMORY_PASSWORD, tls.certificateChain());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, IN_MEMORY_PASSWORD);
            return SslContextBuilder.forServer(keys)
                    .sslProvider(SslProvider.JDK)
                    .protocols(PROTOCOLS)
                    .clientAuth(ClientAuth.OPTIONAL)
                    .trustManager(new DeferredClientTrustManager(tls.clientCa()))
                    .build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use this key and certificate chain for TLS", e);
        }
    }
}
