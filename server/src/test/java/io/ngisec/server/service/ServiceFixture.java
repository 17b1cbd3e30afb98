package io.ngisec.server.service;

import io.ngisec.protocol.api.Messages.EnrollRequest;
import io.ngisec.protocol.api.Messages.EnrollResponse;
import io.ngisec.protocol.enroll.InviteCode;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.Ed25519Keys;
import io.ngisec.protocol.identity.OrgCa;
import io.ngisec.protocol.identity.TicketSigner;
import io.ngisec.protocol.identity.TicketSignerCertificate;
import io.ngisec.protocol.testing.MutableClock;
import io.ngisec.server.api.ApiException;
import io.ngisec.server.store.AuditRecord;
import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.StoreException;
import io.ngisec.server.store.StoredDevice;
import io.ngisec.server.store.StoredInvite;
import io.ngisec.server.store.StoredUser;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * A policy service on a real H2 file: an org CA, a ticket signer, the {@link #POLICY} saved as
 * version 1, a clock tests move, and helpers to make invites and enroll devices. Close it after use.
 */
final class ServiceFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    /**
     * eng (alice, bob) may do everything among themselves, files up to 10 MiB; guests (gary) may
     * call and chat to eng but send no files; nobody may contact a guest first; mallory is in no group.
     */
    static final String POLICY = """
            {
              "groups": { "eng": ["alice", "bob"], "guest": ["gary"] },
              "rules": [
                { "name": "guests-no-files", "action": "deny", "from": ["group:guest"], "to": ["*"],
                  "services": ["file"] },
                { "name": "eng-all", "action": "allow", "from": ["group:eng"], "to": ["group:eng"],
                  "services": { "call": "voice", "chat": "interactive", "file": "bulk" }, "maxFileSize": "10 MiB" },
                { "name": "guest-to-eng", "action": "allow", "from": ["group:guest"], "to": ["group:eng"],
                  "services": { "call": "interactive", "chat": "interactive" } },
              ],
            }
            """;

    static final SecureRandom RANDOM = new SecureRandom();

    final MutableClock clock = new MutableClock(START);
    final OrgCa ca = OrgCa.create("Acme", Duration.ofDays(365), clock, RANDOM);
    final TicketSigner signer;
    final JdbcServerStore store;
    final PolicyService service;

    ServiceFixture(Path dir) throws StoreException {
        this(dir, ServiceSettings.defaults());
    }

    ServiceFixture(Path dir, ServiceSettings settings) throws StoreException {
        KeyPair signerKeys = Ed25519Keys.generate(RANDOM);
        TicketSignerCertificate signerCertificate = ca.issueTicketSigner(signerKeys.getPublic(), Duration.ofDays(90));
        signer = new TicketSigner(signerKeys.getPrivate(), signerCertificate);
        store = JdbcServerStore.open(JdbcServerStore.h2FileUrl(dir.resolve("server")), "sa", "");
        store.savePolicy(POLICY, "admin", START);
        service = new PolicyService(store, ca, signer, settings, clock, RANDOM);
    }

    /** A fresh invite for {@code user}, valid for a day; returns the code text ID.SECRET. */
    String invite(String user, String... groups) throws StoreException {
        return invite(user, Duration.ofDays(1), groups);
    }

    String invite(String user, Duration ttl, String... groups) throws StoreException {
        InviteCode code = InviteCode.generate(RANDOM);
        Instant now = clock.instant();
        store.addInvite(new StoredInvite(code.id(), code.secretHash(), user, List.of(groups), now, now.plus(ttl), null));
        return code.encoded();
    }

    /** A device's key material and the enrollment request that carries it. */
    record NewDevice(KeyPair signing, byte[] noisePrivate, byte[] noisePublic, EnrollRequest request) {
    }

    static NewDevice newDevice(String code, String name) {
        KeyPair signing = Ed25519Keys.generate(RANDOM);
        byte[] noisePrivate = new byte[X25519.SCALAR_SIZE];
        X25519.generatePrivateKey(RANDOM, noisePrivate);
        byte[] noisePublic = new byte[X25519.POINT_SIZE];
        X25519.generatePublicKey(noisePrivate, 0, noisePublic, 0);
        EnrollRequest request = new EnrollRequest(code, name, base64(signing.getPublic().getEncoded()), base64(noisePublic));
        return new NewDevice(signing, noisePrivate, noisePublic, request);
    }

    /** Invites and enrolls a device of {@code user}; returns its id. */
    DeviceId enroll(String user, String deviceName, String... groups) throws StoreException, ApiException {
        EnrollResponse response = service.enroll(newDevice(invite(user, groups), deviceName).request(), "192.0.2.1");
        return DeviceId.parse(response.deviceId());
    }

    /** What a refused request must leave untouched. */
    record Persisted(List<String> devices, List<StoredUser> users, List<AuditRecord> audit) {
    }

    Persisted persisted() throws StoreException {
        return new Persisted(store.devices().stream().map(ServiceFixture::summary).toList(), store.users(),
                store.audit(Instant.EPOCH));
    }

    /** StoredDevice holds arrays, so records of it do not compare by value. */
    private static String summary(StoredDevice d) {
        return d.id() + " " + d.user() + " " + d.name() + " " + d.serial() + " " + HexFormat.of().formatHex(d.noiseKey())
                + " " + d.certificateNotAfter() + " " + d.revokedAt();
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public void close() {
        store.close();
    }
}
