package io.ngisec.client.server;

import io.ngisec.client.identity.DeviceKeys;
import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.protocol.api.Messages.AuthorizeRequest;
import io.ngisec.protocol.api.Messages.AuthorizeResponse;
import io.ngisec.protocol.api.Messages.DirectoryResponse;
import io.ngisec.protocol.api.Messages.EnrollRequest;
import io.ngisec.protocol.api.Messages.EnrollResponse;
import io.ngisec.protocol.api.Messages.RenewRequest;
import io.ngisec.protocol.api.Messages.RenewResponse;
import io.ngisec.protocol.api.Messages.RevocationList;
import io.ngisec.protocol.api.Messages.TurnCredentials;
import io.ngisec.protocol.enroll.Invite;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.IdentityException;
import io.ngisec.protocol.identity.OrgCaCertificate;
import io.ngisec.protocol.identity.SignedTicket;
import io.ngisec.protocol.identity.TicketVerifier;
import io.ngisec.protocol.noise.DhKeyPair;
import io.ngisec.protocol.qos.Service;
import io.ngisec.protocol.transport.IceServerUri;
import io.ngisec.protocol.transport.IceServers;
import java.math.BigInteger;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One device's client of its policy server's HTTPS API (docs/policy-server.md): enrollment from an
 * invite, then, over mutual TLS with the device certificate, renewal, the directory, session
 * authorization, TURN credentials and the revocation list. Everything the server issues is checked
 * against the pinned org CA and the device's own keys before it is returned. Every failure is a
 * {@link ServerException} with a one-line message. Thread safe; close it when done.
 */
public final class PolicyServerClient implements AutoCloseable {

    private final Clock clock;
    private final Object lock = new Object();
    private EnrolledIdentity identity;
    private ApiCalls calls;

    private PolicyServerClient(EnrolledIdentity identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
        this.calls = new ApiCalls(identity.server(), PolicyTls.mutual(identity));
    }

    /** A client for an enrolled device; no network traffic until the first call. */
    public static PolicyServerClient open(EnrolledIdentity identity) {
        return new PolicyServerClient(Objects.requireNonNull(identity, "identity"), Clock.systemUTC());
    }

    /**
     * Enrolls a device with {@code keys} (only the public keys are sent) at the invite's server,
     * which must prove it holds a certificate of the CA the invite pins. The caller persists the result.
     */
    public static EnrolledIdentity enroll(Invite invite, String deviceName, DeviceKeys keys) throws ServerException {
        Clock clock = Clock.systemUTC();
        EnrollRequest request = new EnrollRequest(invite.code().encoded(), deviceName,
                WireValues.base64(keys.signing().getPublic().getEncoded()), WireValues.base64(keys.noise().publicKey()));
        EnrollResponse response;
        try (ApiCalls anonymous = new ApiCalls(invite.server(), PolicyTls.enrollment(invite.caFingerprint()))) {
            response = anonymous.post("/v1/enroll", request, EnrollResponse.class);
        }
        try {
            byte[] caDer = WireValues.base64(response.caCertificate(), "CA certificate");
            OrgCaCertificate ca = IssuedCertificates.pinnedCa(caDer, invite.caFingerprint());
            byte[] der = WireValues.base64(response.certificate(), "device certificate");
            DeviceCertificate certificate = IssuedCertificates.deviceCertificate(ca, der, keys, clock);
            List<byte[]> signers = new ArrayList<>();
            for (String signer : Objects.requireNonNullElse(response.ticketSigners(), List.<String>of())) {
                signers.add(WireValues.base64(signer, "ticket signer"));
            }
            IssuedCertificates.ticketSigners(ca, signers, clock);
            var who = certificate.identity();
            return new EnrolledIdentity(who.deviceId(), who.user(), who.groups(), who.deviceName(), invite.server(),
                    invite.caFingerprint(), caDer, der, signers, keys);
        } catch (IllegalArgumentException e) {
            throw badResponse(invite.server(), e);
        }
    }

    /** The identity this client currently presents (it changes after {@link #renew}). */
    public EnrolledIdentity identity() {
        synchronized (lock) {
            return identity;
        }
    }

    /**
     * Asks for a fresh certificate (with {@code newNoiseKey} in it, if given, else the current
     * Noise key); from now on this client presents it. Returns the updated identity for the caller
     * to persist.
     */
    public EnrolledIdentity renew(Optional<DhKeyPair> newNoiseKey) throws ServerException {
        EnrolledIdentity current = identity();
        DeviceKeys keys = new DeviceKeys(current.keys().signing(), newNoiseKey.orElse(current.keys().noise()));
        RenewResponse response = calls().post("/v1/renew",
                new RenewRequest(newNoiseKey.map(k -> WireValues.base64(k.publicKey())).orElse(null)), RenewResponse.class);
        EnrolledIdentity renewed;
        try {
            OrgCaCertificate ca = IssuedCertificates.pinnedCa(current.caCertificate(), current.caFingerprint());
            byte[] der = WireValues.base64(response.certificate(), "device certificate");
            DeviceCertificate certificate = IssuedCertificates.deviceCertificate(ca, der, keys, clock);
            if (!certificate.deviceId().equals(current.deviceId())) {
                throw new IllegalArgumentException("a certificate for another device");
            }
            renewed = current.withCertificate(der, keys);
        } catch (IllegalArgumentException e) {
            throw badResponse(current.server(), e);
        }
        ApiCalls previous;
        synchronized (lock) {
            previous = calls;
            identity = renewed;
            calls = new ApiCalls(renewed.server(), PolicyTls.mutual(renewed));
        }
        previous.close();
        return renewed;
    }

    /** The devices this device may contact, with presence and the services allowed towards each. */
    public List<DirectoryEntry> directory() throws ServerException {
        DirectoryResponse response = calls().get("/v1/directory", DirectoryResponse.class);
        try {
            List<DirectoryEntry> entries = new ArrayList<>();
            for (var entry : Objects.requireNonNullElse(response.entries(), List.<io.ngisec.protocol.api.Messages.DirectoryEntry>of())) {
                entries.add(new DirectoryEntry(entry.user(), DeviceId.parse(entry.deviceId()), entry.deviceName(),
                        entry.online(), WireValues.grants(entry.services())));
            }
            return List.copyOf(entries);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw badResponse(identity().server(), e);
        }
    }

    /**
     * Asks the policy whether this device may open a session to {@code peer} for {@code services};
     * an allowed answer carries a ticket already checked against the org's ticket signers.
     */
    public Authorization authorize(DeviceId peer, Set<Service> services) throws ServerException {
        EnrolledIdentity self = identity();
        List<String> names = services.stream().sorted().map(Service::name).toList();
        AuthorizeResponse response = calls().post("/v1/authorize", new AuthorizeRequest(peer.toString(), names),
                AuthorizeResponse.class);
        try {
            Optional<SignedTicket> ticket = Optional.empty();
            if (response.allowed()) {
                SignedTicket signed = SignedTicket.parse(WireValues.base64(response.ticket(), "ticket"));
                OrgCaCertificate ca = IssuedCertificates.pinnedCa(self.caCertificate(), self.caFingerprint());
                new TicketVerifier(IssuedCertificates.ticketSigners(ca, self.ticketSigners(), clock), clock)
                        .verifyFor(signed, self.deviceId(), peer);
                ticket = Optional.of(signed);
            }
            Optional<Instant> expiresAt = response.expiresAt() == null ? Optional.empty()
                    : Optional.of(Instant.parse(response.expiresAt()));
            return new Authorization(response.allowed(), ticket, WireValues.grants(response.grants()), expiresAt,
                    Objects.requireNonNullElse(response.rule(), ""), Objects.requireNonNullElse(response.reason(), ""));
        } catch (IdentityException | IllegalArgumentException | DateTimeParseException e) {
            throw badResponse(self.server(), e);
        }
    }

    /**
     * The STUN/TURN servers with fresh TURN credentials, or empty when the server has none
     * configured. URIs this client cannot use (TLS transports) are left out.
     */
    public Optional<IceServers> turnCredentials() throws ServerException {
        TurnCredentials response;
        try {
            response = calls().get("/v1/turn", TurnCredentials.class);
        } catch (ServerException e) {
            if ("turn_not_configured".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
        List<IceServerUri> uris = new ArrayList<>();
        for (String uri : Objects.requireNonNullElse(response.uris(), List.<String>of())) {
            try {
                uris.add(IceServerUri.parse(uri));
            } catch (IllegalArgumentException e) {
                // stuns:/turns: and the like: the transport has no TLS yet.
            }
        }
        if (response.username() == null || response.password() == null) {
            throw badResponse(identity().server(), new IllegalArgumentException("TURN credentials without a password"));
        }
        return Optional.of(new IceServers(uris,
                new io.ngisec.protocol.transport.TurnCredentials(response.username(), response.password())));
    }

    /** The revoked devices and certificate serials, for checking peers that were offline when they were pushed. */
    public Revocations revocations() throws ServerException {
        RevocationList response = calls().get("/v1/revocations", RevocationList.class);
        try {
            Set<BigInteger> serials = new HashSet<>();
            Objects.requireNonNullElse(response.serials(), List.<String>of()).forEach(s -> serials.add(new BigInteger(s, 16)));
            Set<DeviceId> devices = new HashSet<>();
            Objects.requireNonNullElse(response.deviceIds(), List.<String>of()).forEach(d -> devices.add(DeviceId.parse(d)));
            return new Revocations(response.version(), serials, devices);
        } catch (IllegalArgumentException e) {
            throw badResponse(identity().server(), e);
        }
    }

    @Override
    public void close() {
        calls().close();
    }

    private ApiCalls calls() {
        synchronized (lock) {
            return calls;
        }
    }

    private static ServerException badResponse(URI server, Exception e) {
        return new ServerException(0, ServerException.BAD_RESPONSE, ErrorMessages.badResponse(server,
                ErrorMessages.oneLine(e.getMessage() == null ? "an incomplete answer" : e.getMessage())), e);
    }
}
