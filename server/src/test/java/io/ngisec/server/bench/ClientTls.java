package io.ngisec.server.bench;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;

/** Netty client TLS contexts of the generator: trust only the given CA; optionally present a device certificate. */
final class ClientTls {

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private ClientTls() {
    }

    /** A context presenting no client certificate (health, enroll). */
    static SslContext anonymous(X509Certificate ca) throws SSLException {
        return builder(ca).build();
    }

    /** A context presenting {@code device}'s certificate (mutual TLS routes). */
    static SslContext forDevice(X509Certificate ca, ClientCredentials.Device device) throws SSLException {
        return builder(ca).keyManager(device.key(), device.chain()).build();
    }

    private static SslContextBuilder builder(X509Certificate ca) {
        return SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .protocols(PROTOCOLS)
                .trustManager(ca)
                // Check the server's name like a device would.
                .endpointIdentificationAlgorithm("HTTPS");
    }
}
