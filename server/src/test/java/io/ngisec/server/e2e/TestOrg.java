package io.ngisec.server.e2e;

import io.ngisec.protocol.enroll.InviteCode;
import io.ngisec.protocol.identity.Ed25519Keys;
import io.ngisec.protocol.identity.OrgCa;
import io.ngisec.protocol.identity.TicketSigner;
import io.ngisec.server.http.ServerTls;
import io.ngisec.server.instance.InstanceOptions;
import io.ngisec.server.instance.ServerInstance;
import io.ngisec.server.service.ServiceSettings;
import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.StoredInvite;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An organization for end-to-end tests: its CA, ticket signer and server TLS material, a policy,
 * and policy server instances started on loopback against a {@link TestDatabase}, as
 * {@code ngisec server start} runs them.
 */
final class TestOrg implements AutoCloseable {

    static final SecureRandom RANDOM = new SecureRandom();

    final TestDatabase db;
    final OrgCa ca;
    final X509Certificate caX509;
    final TicketSigner signer;
    final ServerTls tls;
    private final List<ServerInstance> instances = new ArrayList<>();
    private JdbcServerStore admin;

    TestOrg(TestDatabase db, String policy) throws Exception {
        this.db = db;
        ca = OrgCa.create("Acme", Duration.ofDays(365), Clock.systemUTC(), RANDOM);
        caX509 = x509(ca.certificate().encoded());
        KeyPair signerKeys = Ed25519Keys.generate(RANDOM);
        signer = new TicketSigner(signerKeys.getPrivate(), ca.issueTicketSigner(signerKeys.getPublic(), Duration.ofDays(30)));
        KeyPair serverKeys = Ed25519Keys.generate(RANDOM);
        X509Certificate server = ca.issueServer(List.of("localhost", "127.0.0.1"), serverKeys.getPublic(),
                Duration.ofDays(30));
        tls = new ServerTls(serverKeys.getPrivate(), new X509Certificate[] {server}, caX509);
        admin = JdbcServerStore.open(db.url(), db.user(), db.password(), 2);
        admin.savePolicy(policy, "test", Instant.now());
    }

    /** The administrator's view of the database, as the CLI commands have it. */
    JdbcServerStore admin() {
        return admin;
    }

    /** Starts one more instance on a free loopback port. */
    ServerInstance start() throws Exception {
        InstanceOptions options = new InstanceOptions(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                db.url(), db.user(), db.password(), "test-" + instances.size() + "-" + Long.toHexString(RANDOM.nextLong()),
                ServiceSettings.defaults(), Duration.ofMillis(200));
        ServerInstance instance = ServerInstance.start(ca, signer, tls, options, Clock.systemUTC(), RANDOM);
        instances.add(instance);
        return instance;
    }

    /** An unused invite for {@code user} in {@code groups}, valid for {@code ttl} (negative: already expired). */
    InviteCode invite(String user, List<String> groups, Duration ttl) throws Exception {
        InviteCode code = InviteCode.generate(RANDOM);
        Instant now = Instant.now();
        admin.addInvite(new StoredInvite(code.id(), code.secretHash(), user, groups, now, now.plus(ttl), null));
        return code;
    }

    InviteCode invite(String user, String... groups) throws Exception {
        return invite(user, List.of(groups), Duration.ofHours(1));
    }

    @Override
    public void close() throws Exception {
        for (ServerInstance instance : instances) {
            instance.close();
        }
        admin.close();
        db.close();
    }

    static X509Certificate x509(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
