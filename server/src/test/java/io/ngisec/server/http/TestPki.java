package io.ngisec.server.http;

import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.DeviceIdentity;
import io.ngisec.protocol.identity.Ed25519Keys;
import io.ngisec.protocol.identity.OrgCa;
import io.ngisec.server.testing.TestTls;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.security.KeyPair;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/** An org CA, the server's TLS material and device identities with client SSL contexts, for tests. */
final class TestPki {

    static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] PASSWORD = "test".toCharArray();

    final OrgCa ca;
    final X509Certificate caX509;
    final ServerTls serverTls;

    TestPki(String org) {
        ca = OrgCa.create(org, Duration.ofDays(30), Clock.systemUTC(), RANDOM);
        caX509 = x509(ca.certificate().encoded());
        KeyPair serverKeys = Ed25519Keys.generate(RANDOM);
        X509Certificate server = ca.issueServer(List.of("localhost", "127.0.0.1"), serverKeys.getPublic(), Duration.ofDays(1));
        serverTls = new ServerTls(serverKeys.getPrivate(), new X509Certificate[] {server}, caX509);
    }

    /** An enrolled device: its key, certificate and a client SSL context presenting it. */
    record Device(DeviceId id, PrivateKey key, DeviceCertificate certificate, X509Certificate x509) {
    }

    Device device(String user) {
        KeyPair keys = Ed25519Keys.generate(RANDOM);
        DeviceId id = DeviceId.random();
        byte[] noise = new byte[32];
        RANDOM.nextBytes(noise);
        DeviceCertificate certificate = ca.issueDevice(
                new DeviceIdentity(user, id, user + "'s laptop", List.of("staff"), noise), keys.getPublic(), Duration.ofDays(1));
        return new Device(id, keys.getPrivate(), certificate, x509(certificate.encoded()));
    }

    /** Trusts this CA only, presents no client certificate. */
    SSLContext anonymousContext() {
        return context(null);
    }

    /** Trusts this CA only and presents {@code device}'s certificate when asked. */
    SSLContext clientContext(Device device) {
        return TestTls.client(caX509, device.key(), device.x509());
    }

    /** Trusts this CA and presents {@code device}'s certificate even if the server names another issuer. */
    SSLContext forcedClientContext(Device device) {
        X509Certificate[] chain = {device.x509()};
        KeyManager forced = new X509ExtendedKeyManager() {
            @Override
            public String[] getClientAliases(String keyType, Principal[] issuers) {
                return new String[] {"device"};
            }

            @Override
            public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                return "device";
            }

            @Override
            public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
                return "device";
            }

            @Override
            public String[] getServerAliases(String keyType, Principal[] issuers) {
                return null;
            }

            @Override
            public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                return null;
            }

            @Override
            public X509Certificate[] getCertificateChain(String alias) {
                return chain.clone();
            }

            @Override
            public PrivateKey getPrivateKey(String alias) {
                return device.key();
            }
        };
        return context(new KeyManager[] {forced});
    }

    private SSLContext context(KeyManager[] keyManagers) {
        return TestTls.client(caX509, keyManagers);
    }

    static X509Certificate x509(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
