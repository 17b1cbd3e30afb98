package io.ngisec.server.service;

import io.ngisec.protocol.api.Messages.EnrollRequest;
import io.ngisec.protocol.api.Messages.EnrollResponse;
import io.ngisec.protocol.api.Messages.PolicyView;
import io.ngisec.protocol.api.Messages.RenewRequest;
import io.ngisec.protocol.api.Messages.RenewResponse;
import io.ngisec.protocol.enroll.InviteCode;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.DeviceIdentity;
import io.ngisec.protocol.identity.Ed25519Keys;
import io.ngisec.protocol.identity.OrgCa;
import io.ngisec.protocol.identity.TicketSigner;
import io.ngisec.server.api.ApiException;
import io.ngisec.server.store.AuditRecord;
import io.ngisec.server.store.ServerStore;
import io.ngisec.server.store.StoreException;
import io.ngisec.server.store.StoredDevice;
import io.ngisec.server.store.StoredInvite;
import io.ngisec.server.store.StoredUser;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Enrollment (an invite's secret and a device's keys in, a certificate out) and renewal. Every
 * check runs before the first write; the writes of one enrollment share one transaction. The one
 * write a refused enrollment makes is the failure record of a wrong invite: it is the rate limiter.
 * Thread safe.
 */
final class Enrollment {

    /** Source key for failures when the HTTP layer could not say where a request came from. */
    private static final String UNKNOWN_SOURCE = "unknown";

    private final ServerStore store;
    private final OrgCa ca;
    private final TicketSigner signer;
    private final ServiceSettings settings;
    private final Clock clock;

    Enrollment(ServerStore store, OrgCa ca, TicketSigner signer, ServiceSettings settings, Clock clock) {
        this.store = store;
        this.ca = ca;
        this.signer = signer;
        this.settings = settings;
        this.clock = clock;
    }

    /** A newly enrolled device and its certificate; the caller adds the policy view. */
    record Enrolled(StoredDevice device, List<String> groups, DeviceCertificate certificate) {
    }

    Enrolled enroll(EnrollRequest request, String remoteAddress) throws ApiException, StoreException {
        if (request == null) {
            throw ServiceErrors.invalidRequest("the enrollment request is empty");
        }
        InviteCode code = inviteCode(request.invite());
        String name = DeviceNames.check(request.deviceName());
        PublicKey signingKey = DeviceKeys.signingKey(request.signingKey());
        byte[] noiseKey = DeviceKeys.noiseKey(request.noiseKey());
        String source = remoteAddress == null || remoteAddress.isBlank() ? UNKNOWN_SOURCE : remoteAddress;
        Instant now = clock.instant();

        StoredInvite invite = usableInvite(code, source, now);
        DeviceId id = DeviceId.random();
        DeviceCertificate certificate = issue(identity(invite.user(), id, name, invite.groups(), noiseKey), signingKey);
        StoredDevice device = new StoredDevice(id, invite.user(), name, signingKey.getEncoded(), noiseKey,
                certificate.serial(), certificate.notAfter(), now, null);
        boolean consumed = store.inTransaction(tx -> {
            // Re-checked here, atomically: of two enrollments racing with one code, one gets false.
            if (!tx.consumeInvite(invite.id(), now)) {
                return false;
            }
            tx.upsertUser(invite.user(), invite.groups(), now);
            tx.addDevice(device);
            tx.audit(new AuditRecord(0, now, "invite " + invite.id(), "enroll", id.toString(),
                    "user " + invite.user() + ", device \"" + name + "\", serial " + certificate.serial().toString(16)));
            return true;
        });
        if (!consumed) {
            throw ServiceErrors.inviteUsed();
        }
        return new Enrolled(device, invite.groups(), certificate);
    }

    RenewResponse renew(DeviceId caller, RenewRequest request) throws ApiException, StoreException {
        String newNoise = request == null ? null : request.noiseKey();
        byte[] noiseKey = newNoise == null ? null : DeviceKeys.noiseKey(newNoise);
        StoredDevice device = Devices.live(store, caller, "this device");
        List<String> groups = store.user(device.user()).map(StoredUser::groups).orElse(List.of());
        PublicKey signingKey = Ed25519Keys.publicKeyFromSpki(device.signingKey());
        DeviceCertificate certificate = issue(identity(device.user(), caller, device.name(), groups,
                noiseKey == null ? device.noiseKey() : noiseKey), signingKey);
        Instant now = clock.instant();
        try {
            store.inTransaction(tx -> {
                tx.updateCertificate(caller, certificate.serial(), certificate.notAfter(), noiseKey);
                tx.audit(new AuditRecord(0, now, caller.toString(), "renew", caller.toString(),
                        "serial " + certificate.serial().toString(16) + (noiseKey == null ? "" : ", new noise key")));
                return null;
            });
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.NOT_FOUND) {
                throw ServiceErrors.revoked("this device"); // revoked while we issued
            }
            throw e;
        }
        return new RenewResponse(base64(certificate.encoded()), certificate.notAfter().toString());
    }

    /** The enrollment response for {@code enrolled}, with {@code view} as its policy view. */
    EnrollResponse response(Enrolled enrolled, PolicyView view) {
        StoredDevice device = enrolled.device();
        return new EnrollResponse(device.id().toString(), device.user(), enrolled.groups(),
                base64(enrolled.certificate().encoded()), base64(ca.certificate().encoded()),
                List.of(base64(signer.certificate().encoded())), view);
    }

    private static InviteCode inviteCode(String text) throws ApiException {
        if (text == null) {
            throw ServiceErrors.invalidRequest("invite code is missing");
        }
        try {
            return InviteCode.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw ServiceErrors.invalidRequest(e.getMessage());
        }
    }

    /** The invite {@code code} opens, if unused and unexpired; refusals in the documented order. */
    private StoredInvite usableInvite(InviteCode code, String source, Instant now) throws ApiException, StoreException {
        EnrollmentRateLimit limit = settings.enrollmentLimit();
        if (store.recentFailures(source, now.minus(limit.window())) >= limit.maxFailures()) {
            throw ServiceErrors.rateLimited();
        }
        StoredInvite invite = store.invite(code.id()).orElse(null);
        if (invite == null || !code.matches(invite.secretHash())) {
            store.recordFailure(source, now);
            throw ServiceErrors.inviteUnknown();
        }
        if (invite.usedAt() != null) {
            throw ServiceErrors.inviteUsed();
        }
        if (!now.isBefore(invite.expires())) {
            throw ServiceErrors.inviteExpired();
        }
        return invite;
    }

    private static DeviceIdentity identity(String user, DeviceId id, String name, List<String> groups, byte[] noiseKey)
            throws ApiException {
        try {
            return new DeviceIdentity(user, id, name, groups, noiseKey);
        } catch (IllegalArgumentException e) {
            // Name and keys are checked already: what is left is the invite's user or groups.
            throw ServiceErrors.invalidRequest("the invite's user or groups cannot go into a certificate: "
                    + e.getMessage());
        }
    }

    private DeviceCertificate issue(DeviceIdentity identity, PublicKey signingKey) {
        return ca.issueDevice(identity, signingKey, settings.certificateValidity());
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
