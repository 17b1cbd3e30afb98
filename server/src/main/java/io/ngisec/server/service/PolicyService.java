package io.ngisec.server.service;

import io.ngisec.protocol.api.Messages.AuthorizeRequest;
import io.ngisec.protocol.api.Messages.AuthorizeResponse;
import io.ngisec.protocol.api.Messages.DirectoryEntry;
import io.ngisec.protocol.api.Messages.DirectoryResponse;
import io.ngisec.protocol.api.Messages.EnrollRequest;
import io.ngisec.protocol.api.Messages.EnrollResponse;
import io.ngisec.protocol.api.Messages.PolicyView;
import io.ngisec.protocol.api.Messages.RenewRequest;
import io.ngisec.protocol.api.Messages.RenewResponse;
import io.ngisec.protocol.api.Messages.RevocationList;
import io.ngisec.protocol.api.Messages.TurnCredentials;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.OrgCa;
import io.ngisec.protocol.identity.SessionTicket;
import io.ngisec.protocol.identity.SignedTicket;
import io.ngisec.protocol.identity.TicketSigner;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import io.ngisec.server.api.ApiException;
import io.ngisec.server.api.PolicyServerApi;
import io.ngisec.server.policy.Decision;
import io.ngisec.server.policy.Subject;
import io.ngisec.server.signal.SignalPolicy;
import io.ngisec.server.store.AuditRecord;
import io.ngisec.server.store.ServerStore;
import io.ngisec.server.store.StoreException;
import io.ngisec.server.store.StoredDevice;
import io.ngisec.server.store.StoredUser;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy server's business logic: {@link PolicyServerApi} and the hub's {@link SignalPolicy}
 * on a {@link ServerStore}, the org CA and the ticket signer.
 *
 * <p>The parsed policy is held in memory, with the users' groups as looked up under it; devices
 * are read from the store on every request, so a revocation takes effect at once. Call
 * {@link #refresh} when the store has a new policy version or a revocation (on this instance or
 * another): it re-reads the policy and forgets every cached lookup. A store failure is the
 * ApiException 503 {@code unavailable}; {@link #mayConnect} and {@link #maySignal} answer false
 * instead. Thread safe.
 */
public final class PolicyService implements PolicyServerApi, SignalPolicy {

    private static final Logger log = LoggerFactory.getLogger(PolicyService.class);

    private final ServerStore store;
    private final TicketSigner signer;
    private final ServiceSettings settings;
    private final Clock clock;
    private final SecureRandom random;
    private final Enrollment enrollment;
    private final TurnCredentialIssuer turn;
    private volatile PolicySnapshot snapshot;

    /** A service reading the store's current policy now; fails if the store cannot be read. */
    public PolicyService(ServerStore store, OrgCa ca, TicketSigner signer, ServiceSettings settings, Clock clock,
            SecureRandom random) throws StoreException {
        this.store = Objects.requireNonNull(store, "store");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.enrollment = new Enrollment(store, Objects.requireNonNull(ca, "ca"), signer, settings, clock);
        this.turn = new TurnCredentialIssuer(settings.turn());
        this.snapshot = PolicySnapshot.load(store);
    }

    /** Re-reads the current policy and forgets every cached lookup; on failure keeps the old state. */
    public void refresh() throws StoreException {
        PolicySnapshot fresh = PolicySnapshot.load(store);
        snapshot = fresh;
        log.debug("policy version {} in effect", fresh.version());
    }

    /** The version of the policy in effect here (0 while the store holds none). */
    public long policyVersion() {
        return snapshot.version();
    }

    @Override
    public EnrollResponse enroll(EnrollRequest request, String remoteAddress) throws ApiException {
        try {
            Enrollment.Enrolled enrolled = enrollment.enroll(request, remoteAddress);
            PolicySnapshot current = snapshot;
            StoredDevice device = enrolled.device();
            Subject self = current.subject(device.user(), enrolled.groups());
            return enrollment.response(enrolled, view(current, self));
        } catch (StoreException e) {
            throw ServiceErrors.unavailable("enroll", e);
        }
    }

    @Override
    public RenewResponse renew(DeviceId caller, RenewRequest request) throws ApiException {
        try {
            return enrollment.renew(caller, request);
        } catch (StoreException e) {
            throw ServiceErrors.unavailable("renew", e);
        }
    }

    @Override
    public DirectoryResponse directory(DeviceId caller) throws ApiException {
        try {
            PolicySnapshot current = snapshot;
            StoredDevice self = Devices.live(store, caller, "this device");
            Subject from = current.subject(self.user(), store);
            Map<String, Subject> subjects = new LinkedHashMap<>();
            for (StoredUser user : store.users()) {
                subjects.put(user.name(), current.subject(user.name(), user.groups()));
            }
            Set<DeviceId> online = store.online();
            List<DirectoryEntry> entries = new ArrayList<>();
            for (StoredDevice device : store.devices()) {
                if (device.revoked() || device.id().equals(caller)) {
                    continue;
                }
                Subject to = subjects.computeIfAbsent(device.user(), u -> current.policy().subject(u, List.of()));
                Map<String, String> services = names(current.policy().grants(from, to));
                if (!services.isEmpty()) {
                    entries.add(new DirectoryEntry(device.user(), device.id().toString(), device.name(),
                            online.contains(device.id()), services));
                }
            }
            entries.sort(Comparator.comparing(DirectoryEntry::user).thenComparing(DirectoryEntry::deviceName)
                    .thenComparing(DirectoryEntry::deviceId));
            return new DirectoryResponse(entries);
        } catch (StoreException e) {
            throw ServiceErrors.unavailable("directory", e);
        }
    }

    @Override
    public AuthorizeResponse authorize(DeviceId caller, AuthorizeRequest request) throws ApiException {
        if (request == null) {
            throw ServiceErrors.invalidRequest("the authorization request is empty");
        }
        DeviceId peer = peerId(request.peerDeviceId());
        List<Service> requested = RequestedServices.parse(request.services());
        if (peer.equals(caller)) {
            throw ServiceErrors.invalidRequest("a device cannot open a session to itself");
        }
        try {
            PolicySnapshot current = snapshot;
            // Live devices come from the snapshot's cache: a revocation refreshes it within the change
            // watcher's period, far inside the lifetime of the tickets a revoked device already holds.
            Subject fromSubject = current.subject(current.liveUser(caller, store, "this device"), store);
            Subject toSubject = current.subject(current.liveUser(peer, store, "the peer device"), store);
            Map<Service, Decision> decisions = new EnumMap<>(Service.class);
            for (Service service : requested) {
                decisions.put(service, current.policy().decide(fromSubject, toSubject, service));
            }
            AuthorizationOutcome outcome = AuthorizationOutcome.of(requested, decisions);
            Instant now = clock.instant();
            SignedTicket ticket = outcome.allowed() ? signer.sign(SessionTicket.issue(random, caller, peer, now,
                    settings.ticketLifetime(), outcome.grants(), outcome.maxFileBytes(), signer.keyId())) : null;
            store.audit(new AuditRecord(0, now, caller.toString(), "authorize", caller + "->" + peer,
                    outcome.auditDetail()));
            return new AuthorizeResponse(outcome.allowed(),
                    ticket == null ? null : Base64.getEncoder().encodeToString(ticket.encoded()),
                    ticket == null ? null : ticket.ticket().expiresAt().toString(),
                    outcome.grantNames(), outcome.rule(), outcome.reason());
        } catch (StoreException e) {
            throw ServiceErrors.unavailable("authorize", e);
        }
    }

    @Override
    public TurnCredentials turnCredentials(DeviceId caller) throws ApiException {
        try {
            Devices.live(store, caller, "this device");
        } catch (StoreException e) {
            throw ServiceErrors.unavailable("turn credentials", e);
        }
        if (!turn.configured()) {
            throw ServiceErrors.turnNotConfigured();
        }
        return turn.issue(caller, clock.instant());
    }

    @Override
    public RevocationList revocations() throws ApiException {
        try {
            List<StoredDevice> revoked = store.revokedDevices();
            List<String> serials = revoked.stream().map(d -> d.serial().toString(16)).toList();
            List<String> ids = revoked.stream().map(d -> d.id().toString()).toList();
            return new RevocationList(revoked.size(), serials, ids);
        } catch (StoreException e) {
            throw ServiceErrors.unavailable("revocations", e);
        }
    }

    @Override
    public boolean mayConnect(DeviceId device) {
        try {
            return live(device).isPresent();
        } catch (StoreException e) {
            log.warn("cannot tell whether {} may connect: {}", device, e.getMessage());
            return false;
        }
    }

    /**
     * Whether both are live and the policy lets either contact the other: a callee must answer an
     * offer. Devices known live are cached until the next {@link #refresh}, which the server runs
     * on every revocation.
     */
    @Override
    public boolean maySignal(DeviceId from, DeviceId to) {
        try {
            PolicySnapshot current = snapshot;
            Optional<String> a = from == null ? Optional.empty() : current.liveUser(from, store);
            Optional<String> b = to == null ? Optional.empty() : current.liveUser(to, store);
            if (a.isEmpty() || b.isEmpty()) {
                return false;
            }
            Subject sa = current.subject(a.get(), store);
            Subject sb = current.subject(b.get(), store);
            return current.policy().mayContact(sa, sb) || current.policy().mayContact(sb, sa);
        } catch (StoreException | RuntimeException e) {
            log.warn("cannot tell whether {} may signal {}: {}", from, to, e.toString());
            return false;
        }
    }

    private Optional<StoredDevice> live(DeviceId id) throws StoreException {
        return id == null ? Optional.empty() : store.device(id).filter(d -> !d.revoked());
    }

    /** What {@code self} may do with each user in the store, as the enrollment response shows it. */
    private PolicyView view(PolicySnapshot current, Subject self) throws StoreException {
        Map<String, Map<String, String>> peers = new LinkedHashMap<>();
        for (StoredUser user : store.users()) {
            Map<String, String> services = names(current.policy().grants(self, current.subject(user.name(), user.groups())));
            if (!services.isEmpty()) {
                peers.put(user.name(), services);
            }
        }
        return new PolicyView(current.version(), peers);
    }

    private static Map<String, String> names(Map<Service, QosClass> grants) {
        Map<String, String> out = new LinkedHashMap<>();
        grants.forEach((service, qos) -> out.put(service.name(), qos.name()));
        return out;
    }

    private static DeviceId peerId(String text) throws ApiException {
        if (text == null) {
            throw ServiceErrors.invalidRequest("peerDeviceId is missing");
        }
        try {
            return DeviceId.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw ServiceErrors.invalidRequest("peerDeviceId is not a device id");
        }
    }
}
