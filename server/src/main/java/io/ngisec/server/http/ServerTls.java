package io.ngisec.server.http;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Objects;

/**
 * The server's TLS material: its private key, its certificate chain (server certificate first,
 * issued by the org CA) and the org CA certificate, the only anchor for device client
 * certificates. Immutable (the arrays are copied in and out).
 */
public record ServerTls(PrivateKey privateKey, X509Certificate[] certificateChain, X509Certificate clientCa) {

    public ServerTls {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(clientCa, "clientCa");
        if (certificateChain.length == 0) {
            throw new IllegalArgumentException("the certificate chain is empty");
        }
        certificateChain = certificateChain.clone();
        for (X509Certificate c : certificateChain) {
            Objects.requireNonNull(c, "certificate in chain");
        }
    }

    /** The chain, server certificate first (a copy). */
    @Override
    public X509Certificate[] certificateChain() {
        return certificateChain.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerTls other
                && privateKey.equals(other.privateKey)
                && Arrays.equals(certificateChain, other.certificateChain)
                && clientCa.equals(other.clientCa);
    }

    @Override
    public int hashCode() {
        return Objects.hash(privateKey, Arrays.hashCode(certificateChain), clientCa);
    }

    @Override
    public String toString() {
        // Never the key.
        return "ServerTls[server=" + certificateChain[0].getSubjectX500Principal()
                + ", clientCa=" + clientCa.getSubjectX500Principal() + "]";
    }
}
