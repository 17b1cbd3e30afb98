package io.ngisec.server.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.identity.CertificateVerifier;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.DeviceIdentity;
import io.ngisec.protocol.identity.Ed25519Keys;
import io.ngisec.protocol.identity.RevocationChecker;
import io.ngisec.protocol.identity.SessionTicket;
import io.ngisec.protocol.identity.SignedTicket;
import io.ngisec.protocol.identity.TicketVerifier;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import io.ngisec.server.home.HomeException.Reason;
import io.ngisec.server.policy.Policy;
import io.ngisec.server.store.AuditRecord;
import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.PolicyRecord;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating a server home and loading it back: usable keys, nothing secret in the clear, clean refusals. */
class ServerHomeTest {

    /** How every Ed25519 PKCS#8 private key starts (RFC 8410): SEQUENCE, version 0, the Ed25519 OID. */
    private static final byte[] PKCS8_ED25519_HEADER = HexFormat.of().parseHex("302e020100300506032b6570");

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
    private final SecureRandom random = new SecureRandom();
    private final Secrets passphrase = Secrets.passphrase("correct horse battery".toCharArray());

    @TempDir
    Path tmp;

    @Test
    void initThenOpenGivesTheSameWorkingKeys() throws Exception {
        Path dir = tmp.resolve("home");
        ServerHome created = ServerHome.init(dir, "Acme", List.of("policy.acme.example", "10.0.0.5"), 9443,
                passphrase, clock, random);

        ServerHome home = ServerHome.open(dir, passphrase, clock, random);

        assertThat(home.caFingerprint()).isEqualTo(created.caFingerprint());
        assertThat(home.ca().certificate().organization()).isEqualTo("Acme");
        assertThat(home.publicUrl()).hasToString("https://policy.acme.example:9443");
        assertThat(home.config()).isEqualTo(ServerConfig.initial("Acme", "policy.acme.example", 9443));
        assertThat(home.config().listen()).isEqualTo("0.0.0.0:9443");
        assertThat(home.storeUrl()).isEqualTo(JdbcServerStore.h2FileUrl(dir.resolve("db/ngisec")) + ";AUTO_SERVER=TRUE");
        assertThat(home.ticketSigner().certificate()).isEqualTo(created.ticketSigner().certificate());

        // The CA issues device certificates that verify against it.
        DeviceIdentity identity = new DeviceIdentity("alice", DeviceId.random(), "laptop", List.of("eng"), new byte[32]);
        DeviceCertificate device = home.ca().issueDevice(identity, Ed25519Keys.generate(random).getPublic(),
                Duration.ofDays(90));
        assertThat(new CertificateVerifier(created.ca().certificate(), RevocationChecker.NONE, clock)
                .verify(device.encoded()).identity().user()).isEqualTo("alice");

        // The ticket signer's tickets verify with its certificate.
        SessionTicket ticket = SessionTicket.issue(random, DeviceId.random(), DeviceId.random(), clock.instant(),
                Duration.ofMinutes(5), Map.of(Service.CALL, QosClass.VOICE), 0, home.ticketSigner().keyId());
        SignedTicket signed = home.ticketSigner().sign(ticket);
        assertThat(new TicketVerifier(List.of(created.ticketSigner().certificate()), clock).verify(signed.encoded()))
                .isEqualTo(ticket);

        // The TLS certificate chains to the CA and names every host, plus localhost and 127.0.0.1.
        X509Certificate server = home.tls().certificateChain()[0];
        X509Certificate ca = home.tls().clientCa();
        server.verify(ca.getPublicKey());
        assertThat(home.tls().certificateChain()[1]).isEqualTo(ca);
        assertThat(ca.getEncoded()).isEqualTo(home.ca().certificate().encoded());
        assertThat(server.getSubjectAlternativeNames().stream().map(n -> (Object) n.get(1)).toList())
                .containsExactly((Object) "policy.acme.example", "10.0.0.5", "localhost", "127.0.0.1");
        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(home.tls().privateKey().getEncoded()).isEqualTo(created.tls().privateKey().getEncoded());
    }

    @Test
    void theDatabaseHoldsTheDefaultPolicyAndTheInitEntry() throws Exception {
        Path dir = tmp.resolve("home");
        ServerHome home = ServerHome.init(dir, "Acme", List.of("h.example"), 8443, passphrase, clock, random);

        try (JdbcServerStore store = home.openStore()) {
            PolicyRecord policy = store.currentPolicy().orElseThrow();
            assertThat(policy.version()).isEqualTo(1);
            assertThat(policy.text()).isEqualTo(Policy.defaultPolicy("Acme"));
            assertThat(store.audit(Instant.EPOCH)).extracting(AuditRecord::action).containsExactly("init");
            assertThat(store.audit(Instant.EPOCH).get(0).actor()).startsWith("admin:");
        }
    }

    @Test
    void noFileHoldsAPrivateKeyInTheClear() throws Exception {
        Path dir = tmp.resolve("home");
        ServerHome home = ServerHome.init(dir, "Acme", List.of(), 8443, Secrets.masterKey(), clock, random);
        byte[] caKey = home.ca().exportPrivateKeyPkcs8();
        byte[] rawCaKey = java.util.Arrays.copyOfRange(caKey, caKey.length - 32, caKey.length);

        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).extracting(p -> dir.relativize(p).toString())
                    .contains("secrets/ca.key", "secrets/master.key", "db/ngisec.mv.db", "server.conf");
            for (Path file : all) {
                byte[] bytes = Files.readAllBytes(file);
                assertThat(KeyFileTest.indexOf(bytes, PKCS8_ED25519_HEADER)).as("%s", file).isEqualTo(-1);
                assertThat(KeyFileTest.indexOf(bytes, rawCaKey)).as("%s", file).isEqualTo(-1);
            }
        }
    }

    @Test
    void theMasterKeyIsOwnerOnlyAndOpensTheHome() throws Exception {
        Path dir = tmp.resolve("home");
        ServerHome created = ServerHome.init(dir, "Acme", List.of(), 8443, Secrets.masterKey(), clock, random);

        assertThat(Files.size(dir.resolve("secrets/master.key"))).isEqualTo(32);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets/master.key"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets/ca.key"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets"))))
                    .isEqualTo("rwx------");
        }
        assertThat(ServerHome.open(dir, Secrets.masterKey(), clock, random).caFingerprint())
                .isEqualTo(created.caFingerprint());
        // The host name defaults to this machine's; localhost and 127.0.0.1 are always there.
        assertThat(created.tls().certificateChain()[0].getSubjectAlternativeNames().stream().map(n -> (Object) n.get(1)).toList())
                .contains((Object) "localhost", "127.0.0.1");
    }

    @Test
    void wrongOrMissingPassphraseIsOneCleanLine() throws Exception {
        Path dir = tmp.resolve("home");
        ServerHome.init(dir, "Acme", List.of("h.example"), 8443, passphrase, clock, random);

        assertThatThrownBy(() -> ServerHome.open(dir, Secrets.passphrase("guess".toCharArray()), clock, random))
                .isInstanceOfSatisfying(HomeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_SECRET))
                .hasMessage("secrets/ca.key: wrong passphrase or master key, or the key file was altered");
        assertThatThrownBy(() -> ServerHome.open(dir, Secrets.masterKey(), clock, random))
                .isInstanceOfSatisfying(HomeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_SECRET))
                .hasMessageContaining(Secrets.PASSPHRASE_VARIABLE);
    }

    @Test
    void aTamperedKeyFileIsOneCleanLine() throws Exception {
        Path dir = tmp.resolve("home");
        ServerHome.init(dir, "Acme", List.of("h.example"), 8443, passphrase, clock, random);
        Path key = dir.resolve("secrets/ticket-signer.key");
        byte[] bytes = Files.readAllBytes(key);
        bytes[bytes.length - 20] ^= 0x40;
        Files.write(key, bytes);

        assertThatThrownBy(() -> ServerHome.open(dir, passphrase, clock, random))
                .isInstanceOfSatisfying(HomeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_SECRET))
                .hasMessageStartingWith("secrets/ticket-signer.key: ")
                .hasMessageNotContaining("\n");

        Files.write(key, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> ServerHome.open(dir, passphrase, clock, random))
                .isInstanceOfSatisfying(HomeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_KEY_FILE));
    }

    @Test
    void initRefusesANonEmptyDirectoryAndLeavesItAlone() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("busy"));
        Files.writeString(dir.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> ServerHome.init(dir, "Acme", List.of(), 8443, passphrase, clock, random))
                .isInstanceOfSatisfying(HomeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_EMPTY))
                .hasMessage(dir.toAbsolutePath() + " is not empty; init needs a new or empty directory");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(dir.resolve("notes.txt"));
        }
        assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void initWithBadArgumentsWritesNothing() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("empty"));

        assertThatThrownBy(() -> ServerHome.init(dir, "Acme", List.of("not a host"), 8443, passphrase, clock, random))
                .isInstanceOfSatisfying(HomeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CONFIG));
        assertThatThrownBy(() -> ServerHome.init(dir, "Acme\nEvil", List.of(), 8443, passphrase, clock, random))
                .isInstanceOf(HomeException.class);
        assertThatThrownBy(() -> ServerHome.init(dir, "x".repeat(300), List.of(), 8443, passphrase, clock, random))
                .isInstanceOf(HomeException.class).hasMessageContaining("organization name");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
        assertThatThrownBy(() -> ServerHome.init(tmp.resolve("new"), "x".repeat(300), List.of(), 8443, passphrase,
                clock, random)).isInstanceOf(HomeException.class);
        assertThat(tmp.resolve("new")).doesNotExist();
    }

    @Test
    void openRefusesWhatIsNotAHome() throws Exception {
        assertThatThrownBy(() -> ServerHome.open(tmp.resolve("nothing"), passphrase, clock, random))
                .isInstanceOfSatisfying(HomeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_HOME));
        assertThatThrownBy(() -> PublicHome.read(tmp))
                .isInstanceOfSatisfying(HomeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_HOME))
                .hasMessageContaining("no server.conf");
    }
}
