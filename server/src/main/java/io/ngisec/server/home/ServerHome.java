package io.ngisec.server.home;

import io.ngisec.protocol.identity.CertificateVerifier;
import io.ngisec.protocol.identity.Ed25519Keys;
import io.ngisec.protocol.identity.Fingerprint;
import io.ngisec.protocol.identity.IdentityException;
import io.ngisec.protocol.identity.OrgCa;
import io.ngisec.protocol.identity.RevocationChecker;
import io.ngisec.protocol.identity.TicketSigner;
import io.ngisec.protocol.identity.TicketSignerCertificate;
import io.ngisec.server.home.HomeException.Reason;
import io.ngisec.server.http.ServerTls;
import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.StoreException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * A policy server's home directory with its private keys unlocked: the org CA, the ticket signer
 * and the TLS key and certificate, plus what {@link PublicHome} reads. {@link #init} creates a
 * home, {@link #open} loads one. Immutable and thread safe; it holds private keys, so only the
 * running server should have one.
 */
public final class ServerHome {

    private final PublicHome home;
    private final OrgCa ca;
    private final TicketSigner ticketSigner;
    private final ServerTls tls;

    ServerHome(PublicHome home, OrgCa ca, TicketSigner ticketSigner, ServerTls tls) {
        this.home = home;
        this.ca = ca;
        this.ticketSigner = ticketSigner;
        this.tls = tls;
    }

    /**
     * Creates a home in {@code dir}, which must not exist or be empty: the org CA (10 years), a
     * ticket signer and a TLS certificate (1 year each) for {@code hostnames} (the machine's name
     * when empty) plus localhost and 127.0.0.1, {@code server.conf} with the public URL
     * {@code https://<first hostname>:<port>}, and the database with the default policy as
     * version 1. Private keys are encrypted under {@code secrets}. A failure removes what it wrote.
     */
    public static ServerHome init(Path dir, String org, List<String> hostnames, int port, Secrets secrets,
                                  Clock clock, SecureRandom random) throws HomeException, StoreException {
        return new HomeInit(new HomeLayout(dir), clock, random).run(org, hostnames, port, secrets);
    }

    /** Loads the home in {@code dir}, decrypting its keys with {@code secrets}. */
    public static ServerHome open(Path dir, Secrets secrets, Clock clock, SecureRandom random) throws HomeException {
        PublicHome home = PublicHome.read(dir);
        HomeLayout layout = home.layout();
        byte[] material = secrets.material(layout, false, random);
        byte[] caKey = null;
        byte[] signerKey = null;
        byte[] tlsKey = null;
        try {
            caKey = decrypt(layout, layout.caKey(), material);
            signerKey = decrypt(layout, layout.ticketSignerKey(), material);
            tlsKey = decrypt(layout, layout.serverKey(), material);
            OrgCa ca = OrgCa.load(home.caCertificate().encoded(), caKey, clock, random);
            TicketSignerCertificate signerCertificate = new CertificateVerifier(ca.certificate(), RevocationChecker.NONE,
                    clock).verifyTicketSigner(certificate(layout, layout.ticketSignerCertificate()));
            TicketSigner signer = new TicketSigner(Ed25519Keys.privateKeyFromPkcs8(signerKey), signerCertificate);
            X509Certificate caX509 = x509(home.caCertificate().encoded());
            ServerTls tls = serverTls(layout, Ed25519Keys.privateKeyFromPkcs8(tlsKey), caX509);
            return new ServerHome(home, ca, signer, tls);
        } catch (IdentityException | IllegalArgumentException e) {
            throw new HomeException(Reason.BAD_CONFIG, "the keys and certificates in " + layout.dir()
                    + " do not fit together: " + e.getMessage(), e);
        } finally {
            wipe(material, caKey, signerKey, tlsKey);
        }
    }

    public OrgCa ca() {
        return ca;
    }

    public TicketSigner ticketSigner() {
        return ticketSigner;
    }

    /** The TLS key, the chain (server certificate, CA certificate) and the CA as client-certificate anchor. */
    public ServerTls tls() {
        return tls;
    }

    public ServerConfig config() {
        return home.config();
    }

    public HomeLayout layout() {
        return home.layout();
    }

    /** The parts that need no secret. */
    public PublicHome publicHome() {
        return home;
    }

    /** See {@link PublicHome#storeUrl()}. */
    public String storeUrl() {
        return home.storeUrl();
    }

    /** See {@link PublicHome#openStore()}. */
    public JdbcServerStore openStore() throws HomeException, StoreException {
        return home.openStore();
    }

    public Fingerprint caFingerprint() {
        return home.caFingerprint();
    }

    public URI publicUrl() {
        return home.publicUrl();
    }

    static X509Certificate x509(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X.509 certificate", e);
        }
    }

    private static ServerTls serverTls(HomeLayout layout, PrivateKey key, X509Certificate ca) throws HomeException {
        X509Certificate server = x509(certificate(layout, layout.serverCertificate()));
        try {
            server.verify(ca.getPublicKey());
            Signature probe = Signature.getInstance("Ed25519");
            byte[] message = "NGISec TLS key check".getBytes(StandardCharsets.US_ASCII);
            probe.initSign(key);
            probe.update(message);
            byte[] signature = probe.sign();
            probe.initVerify(server.getPublicKey());
            probe.update(message);
            if (!probe.verify(signature)) {
                throw new HomeException(Reason.BAD_CONFIG, layout.show(layout.serverKey())
                        + " is not the key of " + layout.show(layout.serverCertificate()));
            }
        } catch (GeneralSecurityException e) {
            throw new HomeException(Reason.BAD_CONFIG, layout.show(layout.serverCertificate())
                    + " is not a server certificate of this CA", e);
        }
        return new ServerTls(key, new X509Certificate[] {server, ca}, ca);
    }

    private static byte[] certificate(HomeLayout layout, Path file) throws HomeException {
        try {
            return Pem.decodeCertificate(AtomicFiles.read(file, layout));
        } catch (IllegalArgumentException e) {
            throw new HomeException(Reason.BAD_CONFIG, layout.show(file) + " is not a PEM certificate", e);
        }
    }

    private static byte[] decrypt(HomeLayout layout, Path file, byte[] material) throws HomeException {
        try {
            return KeyFile.parse(AtomicFiles.read(file, layout)).decrypt(material);
        } catch (HomeException e) {
            throw new HomeException(e.reason(), layout.show(file) + ": " + e.getMessage(), e);
        }
    }

    static void wipe(byte[]... secrets) {
        for (byte[] secret : secrets) {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }

    @Override
    public String toString() {
        return "ServerHome[" + home.layout().dir() + ", CA " + caFingerprint() + "]";
    }
}
