package io.ngisec.server.bench;

import io.ngisec.protocol.enroll.InviteCode;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.DeviceIdentity;
import io.ngisec.protocol.identity.Ed25519Keys;
import io.ngisec.protocol.identity.OrgCa;
import io.ngisec.server.api.ApiException;
import io.ngisec.server.api.Messages.AuthorizeRequest;
import io.ngisec.server.api.Messages.AuthorizeResponse;
import io.ngisec.server.api.Messages.DirectoryResponse;
import io.ngisec.server.api.Messages.EnrollRequest;
import io.ngisec.server.api.Messages.EnrollResponse;
import io.ngisec.server.api.Messages.PolicyView;
import io.ngisec.server.api.Messages.RenewRequest;
import io.ngisec.server.api.Messages.RenewResponse;
import io.ngisec.server.api.Messages.RevocationList;
import io.ngisec.server.api.Messages.TurnCredentials;
import io.ngisec.server.api.PolicyServerApi;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory stand-in for the policy service, for load tests of the HTTP front end: enrollment
 * checks one-time invite codes and issues real device certificates from the CA (the costly part
 * of a real enrollment); everything else answers canned values and allows everything. Thread safe.
 */
final class BenchApi implements PolicyServerApi {

    private static final Base64.Decoder BASE64 = Base64.getDecoder();
    private static final Base64.Encoder BASE64_OUT = Base64.getEncoder();

    private final OrgCa ca;
    private final String caCertificate;
    // Invite id -> SHA-256 of its secret.
    private final Map<String, byte[]> invites = new ConcurrentHashMap<>();
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    BenchApi(OrgCa ca) {
        this.ca = ca;
        this.caCertificate = BASE64_OUT.encodeToString(ca.certificate().encoded());
    }

    /** Makes {@code code} usable for one enrollment. */
    void addInvite(InviteCode code) {
        invites.put(code.id(), code.secretHash());
    }

    @Override
    public EnrollResponse enroll(EnrollRequest request, String remoteAddress) throws ApiException {
        if (request.invite() == null || request.signingKey() == null || request.noiseKey() == null) {
            throw ApiException.badRequest("invalid_request", "invite, signingKey and noiseKey are required");
        }
        InviteCode code;
        try {
            code = InviteCode.parse(request.invite());
        } catch (IllegalArgumentException e) {
            throw ApiException.forbidden("invite_unknown", "no such invite");
        }
        PublicKey signingKey;
        byte[] noiseKey;
        try {
            signingKey = Ed25519Keys.publicKeyFromSpki(BASE64.decode(request.signingKey()));
            noiseKey = BASE64.decode(request.noiseKey());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_request", "signingKey must be an Ed25519 SubjectPublicKeyInfo, noiseKey 32 bytes, both base64");
        }
        String name = request.deviceName() == null ? "bench device" : request.deviceName();
        DeviceIdentity identity;
        try {
            identity = new DeviceIdentity("bench", DeviceId.random(), name, List.of("staff"), noiseKey);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_request", e.getMessage());
        }
        byte[] hash = invites.get(code.id());
        if (hash == null || !code.matches(hash)) {
            throw ApiException.forbidden("invite_unknown", "no such invite");
        }
        if (!used.add(code.id())) {
            throw new ApiException(409, "invite_used", "this invite was already used");
        }
        DeviceCertificate certificate = ca.issueDevice(identity, signingKey, Duration.ofDays(30));
        return new EnrollResponse(identity.deviceId().toString(), "bench", List.of("staff"),
                BASE64_OUT.encodeToString(certificate.encoded()), caCertificate, List.of(),
                new PolicyView(1, Map.of("bench", Map.of("CALL", "VOICE"))));
    }

    @Override
    public RenewResponse renew(DeviceId caller, RenewRequest request) {
        return new RenewResponse("", "2030-01-01T00:00:00Z");
    }

    @Override
    public DirectoryResponse directory(DeviceId caller) {
        return new DirectoryResponse(List.of());
    }

    @Override
    public AuthorizeResponse authorize(DeviceId caller, AuthorizeRequest request) throws ApiException {
        if (request.peerDeviceId() == null || request.services() == null || request.services().isEmpty()) {
            throw ApiException.badRequest("invalid_request", "peerDeviceId and services are required");
        }
        return new AuthorizeResponse(true, "dGlja2V0", "2030-01-01T00:00:00Z", Map.of("CALL", "VOICE"), null, null);
    }

    @Override
    public TurnCredentials turnCredentials(DeviceId caller) throws ApiException {
        throw ApiException.notFound("turn_not_configured", "no TURN server");
    }

    @Override
    public RevocationList revocations() {
        return new RevocationList(1, List.of(), List.of());
    }

    @Override
    public boolean mayConnect(DeviceId device) {
        return true;
    }

    @Override
    public boolean maySignal(DeviceId from, DeviceId to) {
        return true;
    }
}
