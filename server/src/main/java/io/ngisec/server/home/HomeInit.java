package io.ngisec.server.home;

import io.ngisec.protocol.identity.CertificateVerifier;
import io.ngisec.protocol.identity.Ed25519Keys;
import io.ngisec.protocol.identity.IdentityException;
import io.ngisec.protocol.identity.OrgCa;
import io.ngisec.protocol.identity.RevocationChecker;
import io.ngisec.protocol.identity.TicketSigner;
import io.ngisec.protocol.identity.TicketSignerCertificate;
import io.ngisec.server.home.HomeException.Reason;
import io.ngisec.server.http.ServerTls;
import io.ngisec.server.policy.Policy;
import io.ngisec.server.store.AuditRecord;
import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.StoreException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bouncycastle.util.IPAddress;

/** Creates a server home ({@link ServerHome#init}); on any failure, removes everything it wrote. */
final class HomeInit {

    static final Duration CA_VALIDITY = Duration.ofDays(3650);
    static final Duration LEAF_VALIDITY = Duration.ofDays(365);
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");

    private final HomeLayout layout;
    private final Clock clock;
    private final SecureRandom random;

    HomeInit(HomeLayout layout, Clock clock, SecureRandom random) {
        this.layout = layout;
        this.clock = clock;
        this.random = random;
    }

    ServerHome run(String org, List<String> hostnames, int port, Secrets secrets) throws HomeException, StoreException {
        checkOrg(org);
        if (port < 1 || port > 65535) {
            throw new HomeException(Reason.BAD_CONFIG, "port must be 1 to 65535, not " + port);
        }
        List<String> names = certificateNames(hostnames);
        boolean created = claimDirectory();
        boolean done = false;
        try {
            ServerHome home = create(org, names, port, secrets);
            done = true;
            return home;
        } finally {
            if (!done) {
                removeContents(created);
            }
        }
    }

    private ServerHome create(String org, List<String> names, int port, Secrets secrets)
            throws HomeException, StoreException {
        AtomicFiles.createDirectory(layout.certs(), false);
        AtomicFiles.createDirectory(layout.secrets(), true);
        AtomicFiles.createDirectory(layout.databaseDir(), true);
        byte[] material = secrets.material(layout, true, random);
        try {
            OrgCa ca = OrgCa.create(org, CA_VALIDITY, clock, random);
            KeyPair signerKeys = Ed25519Keys.generate(random);
            TicketSignerCertificate signerCertificate = ca.issueTicketSigner(signerKeys.getPublic(), LEAF_VALIDITY);
            KeyPair tlsKeys = Ed25519Keys.generate(random);
            X509Certificate tlsCertificate = ca.issueServer(names, tlsKeys.getPublic(), LEAF_VALIDITY);

            AtomicFiles.write(layout.caCertificate(), Pem.encodeCertificate(ca.certificate().encoded()), false);
            AtomicFiles.write(layout.ticketSignerCertificate(), Pem.encodeCertificate(signerCertificate.encoded()), false);
            AtomicFiles.write(layout.serverCertificate(), Pem.encodeCertificate(tlsCertificate.getEncoded()), false);
            writeKey(layout.caKey(), ca.exportPrivateKeyPkcs8(), material);
            writeKey(layout.ticketSignerKey(), signerKeys.getPrivate().getEncoded(), material);
            writeKey(layout.serverKey(), tlsKeys.getPrivate().getEncoded(), material);

            ServerConfig config = ServerConfig.initial(org, names.get(0), port);
            PublicHome home = new PublicHome(layout, config, ca.certificate());
            createDatabase(home, org);
            // Last: a home without server.conf is not a home, so a killed init is never half-opened.
            AtomicFiles.write(layout.config(), ServerConfigWriter.write(config).getBytes(StandardCharsets.UTF_8), false);

            X509Certificate caX509 = ServerHome.x509(ca.certificate().encoded());
            TicketSigner signer = new TicketSigner(signerKeys.getPrivate(), new CertificateVerifier(ca.certificate(),
                    RevocationChecker.NONE, clock).verifyTicketSigner(signerCertificate.encoded()));
            return new ServerHome(home, ca, signer,
                    new ServerTls(tlsKeys.getPrivate(), new X509Certificate[] {tlsCertificate, caX509}, caX509));
        } catch (IllegalArgumentException | IllegalStateException | IdentityException | CertificateEncodingException e) {
            throw new HomeException(Reason.BAD_CONFIG, "could not create the keys: " + e.getMessage(), e);
        } finally {
            ServerHome.wipe(material);
        }
    }

    private void writeKey(Path file, byte[] pkcs8, byte[] material) throws HomeException {
        try {
            AtomicFiles.write(file, KeyFile.encrypt(pkcs8, material, KeyFile.Params.DEFAULT, random).encoded(), true);
        } finally {
            ServerHome.wipe(pkcs8);
        }
    }

    private void createDatabase(PublicHome home, String org) throws StoreException, HomeException {
        String actor = AdminActor.current();
        Instant now = clock.instant();
        try (JdbcServerStore store = home.openStore()) {
            store.inTransaction(s -> {
                s.savePolicy(Policy.defaultPolicy(org), actor, now);
                s.audit(new AuditRecord(0, now, actor, "init", org,
                        "home created, CA " + home.caFingerprint().hex() + ", policy version 1"));
                return null;
            });
        }
    }

    /** Makes sure the directory exists and is empty; true if this call created it. */
    private boolean claimDirectory() throws HomeException {
        Path dir = layout.dir();
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new HomeException(Reason.NOT_EMPTY, dir + " exists and is not a directory");
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new HomeException(Reason.NOT_EMPTY, dir + " is not empty; init needs a new or empty directory");
                }
            } catch (IOException e) {
                throw new HomeException(Reason.IO, "could not read " + dir + ": " + e.getMessage(), e);
            }
            return false;
        }
        AtomicFiles.createDirectory(dir, true);
        return true;
    }

    /** Deletes what init wrote: the directory was empty or absent before, so all of its contents. */
    private void removeContents(boolean removeDir) {
        try (Stream<Path> walk = Files.walk(layout.dir())) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (removeDir || !p.equals(layout.dir())) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // The original failure is what the administrator needs to see.
        }
    }

    private static void checkOrg(String org) throws HomeException {
        if (org == null || org.isBlank() || org.chars().anyMatch(Character::isISOControl)
                || org.contains("\u2028") || org.contains("\u2029")) {
            throw new HomeException(Reason.BAD_CONFIG, "the organization name must be non-blank text on one line");
        }
    }

    /** The given names (or this machine's), then localhost and 127.0.0.1, without repeats. */
    static List<String> certificateNames(List<String> hostnames) throws HomeException {
        List<String> given = new ArrayList<>(hostnames);
        if (given.isEmpty()) {
            given.add(localHostName());
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : given) {
            String host = name.strip();
            if (!IPAddress.isValid(host) && !DNS_NAME.matcher(host).matches()) {
                throw new HomeException(Reason.BAD_CONFIG, "\"" + name + "\" is not a host name or IP address");
            }
            names.add(host);
        }
        names.add("localhost");
        names.add("127.0.0.1");
        return List.copyOf(names);
    }

    private static String localHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return DNS_NAME.matcher(name).matches() ? name : "localhost";
        } catch (IOException e) {
            return "localhost";
        }
    }
}
