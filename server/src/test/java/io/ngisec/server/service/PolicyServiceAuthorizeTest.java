package io.ngisec.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ngisec.protocol.api.Messages.AuthorizeRequest;
import io.ngisec.protocol.api.Messages.AuthorizeResponse;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.SessionTicket;
import io.ngisec.protocol.identity.SignedTicket;
import io.ngisec.protocol.identity.TicketVerifier;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import io.ngisec.server.api.ApiException;
import io.ngisec.server.service.ServiceFixture.Persisted;
import io.ngisec.server.store.AuditRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyServiceAuthorizeTest {

    @TempDir
    Path dir;

    private ServiceFixture fx;
    private DeviceId alice;
    private DeviceId bob;
    private DeviceId gary;
    private DeviceId mallory;

    @BeforeEach
    void setUp() throws Exception {
        fx = new ServiceFixture(dir);
        alice = fx.enroll("alice", "alice laptop");
        bob = fx.enroll("bob", "bob phone");
        gary = fx.enroll("gary", "gary laptop");
        mallory = fx.enroll("mallory", "mallory pc");
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private AuthorizeResponse authorize(DeviceId from, DeviceId to, String... services) throws ApiException {
        return fx.service.authorize(from, new AuthorizeRequest(to.toString(), List.of(services)));
    }

    private SessionTicket verified(AuthorizeResponse response, DeviceId from, DeviceId to) throws Exception {
        SignedTicket signed = SignedTicket.parse(Base64.getDecoder().decode(response.ticket()));
        return new TicketVerifier(List.of(fx.signer.certificate()), fx.clock).verifyFor(signed, from, to);
    }

    @Test
    void anAllowedRequestGetsASignedTicketWithThePolicysCeilingsAndFileLimit() throws Exception {
        AuthorizeResponse response = authorize(alice, bob, "call", "CHAT", "File");

        assertTrue(response.allowed());
        assertEquals(Map.of("CALL", "VOICE", "CHAT", "INTERACTIVE", "FILE", "BULK"), response.grants());
        assertEquals("eng-all", response.rule());
        SessionTicket ticket = verified(response, alice, bob);
        assertEquals(Map.of(Service.CALL, QosClass.VOICE, Service.CHAT, QosClass.INTERACTIVE, Service.FILE, QosClass.BULK),
                ticket.grants());
        assertEquals(10L * 1024 * 1024, ticket.maxFileSize());
        assertEquals(ServiceFixture.START, ticket.issuedAt());
        assertEquals(Duration.ofMinutes(10), ticket.lifetime());
        assertEquals(ticket.expiresAt().toString(), response.expiresAt());
        assertEquals(fx.signer.keyId(), ticket.signerKeyId());
    }

    @Test
    void theTicketCoversOnlyTheServicesAsked() throws Exception {
        AuthorizeResponse response = authorize(alice, bob, "CHAT");

        SessionTicket ticket = verified(response, alice, bob);
        assertEquals(Map.of(Service.CHAT, QosClass.INTERACTIVE), ticket.grants());
        assertEquals(0, ticket.maxFileSize());
    }

    @Test
    void aDeniedRequestGetsNoTicketAndNamesTheRule() throws Exception {
        AuthorizeResponse byRule = authorize(gary, alice, "FILE");
        assertFalse(byRule.allowed());
        assertNull(byRule.ticket());
        assertNull(byRule.expiresAt());
        assertEquals(Map.of(), byRule.grants());
        assertEquals("guests-no-files", byRule.rule());
        assertEquals("rule \"guests-no-files\" denies file", byRule.reason());

        AuthorizeResponse byDefault = authorize(alice, gary, "CALL", "CHAT");
        assertFalse(byDefault.allowed());
        assertEquals("default-deny", byDefault.rule());
        assertEquals("no rule allows call (default-deny)", byDefault.reason());
    }

    @Test
    void aPartialGrantIsAllowedButTellsTheDenial() throws Exception {
        AuthorizeResponse response = authorize(gary, alice, "CALL", "FILE", "CHAT");

        assertTrue(response.allowed());
        assertEquals(Map.of("CALL", "INTERACTIVE", "CHAT", "INTERACTIVE"), response.grants());
        assertEquals("guests-no-files", response.rule());
        assertEquals("rule \"guests-no-files\" denies file", response.reason());
        SessionTicket ticket = verified(response, gary, alice);
        assertEquals(Map.of(Service.CALL, QosClass.INTERACTIVE, Service.CHAT, QosClass.INTERACTIVE), ticket.grants());
        assertFalse(ticket.grants().containsKey(Service.FILE));
    }

    @Test
    void everyAuthorizationIsAudited() throws Exception {
        Instant since = fx.clock.instant();
        List<AuditRecord> before = fx.store.audit(since);

        authorize(alice, bob, "CALL", "CHAT");
        authorize(gary, alice, "CALL", "FILE");

        List<AuditRecord> audit = fx.store.audit(since).subList(before.size(), before.size() + 2);
        assertEquals("authorize", audit.get(0).action());
        assertEquals(alice.toString(), audit.get(0).actor());
        assertEquals(alice + "->" + bob, audit.get(0).subject());
        assertEquals("allowed CALL,CHAT by rule eng-all", audit.get(0).detail());
        assertEquals(gary + "->" + alice, audit.get(1).subject());
        assertEquals("allowed CALL by rule guest-to-eng; denied FILE by rule guests-no-files", audit.get(1).detail());
    }

    @Test
    void malformedRequestsAreRefusedAndPersistNothing() throws Exception {
        Persisted before = fx.persisted();
        List<AuthorizeRequest> bad = List.of(
                new AuthorizeRequest("not-a-uuid", List.of("CALL")),
                new AuthorizeRequest(null, List.of("CALL")),
                new AuthorizeRequest(bob.toString(), List.of()),
                new AuthorizeRequest(bob.toString(), null),
                new AuthorizeRequest(bob.toString(), List.of("VIDEO")),
                new AuthorizeRequest(bob.toString(), List.of("CONTROL")),
                new AuthorizeRequest(bob.toString(), java.util.Arrays.asList("CALL", null)),
                new AuthorizeRequest(alice.toString(), List.of("CALL")));

        for (AuthorizeRequest request : bad) {
            ApiException e = assertThrows(ApiException.class, () -> fx.service.authorize(alice, request), request::toString);
            assertEquals(400, e.status(), request::toString);
            assertEquals("invalid_request", e.code(), request::toString);
        }
        assertEquals("invalid_request", assertThrows(ApiException.class, () -> fx.service.authorize(alice, null)).code());
        assertEquals(before, fx.persisted());
    }

    @Test
    void unknownAndRevokedDevicesAreRefused() throws Exception {
        ApiException unknownPeer = assertThrows(ApiException.class, () -> authorize(alice, DeviceId.random(), "CALL"));
        assertEquals(404, unknownPeer.status());
        assertEquals("unknown_device", unknownPeer.code());
        ApiException unknownCaller = assertThrows(ApiException.class, () -> authorize(DeviceId.random(), bob, "CALL"));
        assertEquals("unknown_device", unknownCaller.code());

        fx.store.revokeDevice(bob, fx.clock.instant());
        Persisted before = fx.persisted();
        ApiException revokedPeer = assertThrows(ApiException.class, () -> authorize(alice, bob, "CALL"));
        assertEquals(403, revokedPeer.status());
        assertEquals("revoked", revokedPeer.code());
        ApiException revokedCaller = assertThrows(ApiException.class, () -> authorize(bob, alice, "CALL"));
        assertEquals("revoked", revokedCaller.code());
        assertEquals(before, fx.persisted());
    }

    @Test
    void aNewPolicyTakesEffectOnRefresh() throws Exception {
        String closed = """
                { "rules": [ { "name": "chat-only", "action": "allow", "from": ["*"], "to": ["*"], "services": ["chat"] } ] }
                """;
        fx.store.savePolicy(closed, "admin", fx.clock.instant());
        assertTrue(authorize(alice, bob, "CALL").allowed(), "the cached policy is in effect until refresh");
        assertEquals(1, fx.service.policyVersion());

        fx.service.refresh();

        assertEquals(2, fx.service.policyVersion());
        AuthorizeResponse call = authorize(alice, bob, "CALL");
        assertFalse(call.allowed());
        assertEquals("default-deny", call.rule());
        AuthorizeResponse chat = authorize(alice, mallory, "CHAT");
        assertTrue(chat.allowed());
        assertEquals("chat-only", chat.rule());
        assertTrue(fx.service.maySignal(mallory, gary));
    }
}
