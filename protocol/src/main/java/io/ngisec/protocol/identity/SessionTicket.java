package io.ngisec.protocol.identity;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The policy server's permission for one device (initiator) to open a session to another
 * (responder): which services, each up to which QoS class, until when, and how large files may
 * be. Immutable; the constructor throws IllegalArgumentException for a ticket that could not be
 * encoded or that the spec forbids (so every instance is a valid ticket). It becomes a permission
 * only once {@link TicketVerifier} has checked its signature and times.
 *
 * @param version      encoding version, {@link IdentitySpec#TICKET_ENCODING_VERSION}
 * @param grants       for each granted service (never CONTROL, which every session has), the
 *                     highest QoS class its traffic may use
 * @param maxFileSize  largest file the initiator may send, in bytes; 0 means no limit
 * @param signerKeyId  the key id of the ticket signer that signs this ticket
 */
public record SessionTicket(int version, TicketId ticketId, DeviceId initiator, DeviceId responder,
                            Instant issuedAt, Instant expiresAt, Map<Service, QosClass> grants,
                            long maxFileSize, KeyId signerKeyId) {

    public SessionTicket {
        if (version != IdentitySpec.TICKET_ENCODING_VERSION) {
            throw new IllegalArgumentException("unknown ticket version " + version);
        }
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(initiator, "initiator");
        Objects.requireNonNull(responder, "responder");
        if (initiator.equals(responder)) {
            throw new IllegalArgumentException("a ticket names two different devices");
        }
        checkTime("issuedAt", issuedAt);
        checkTime("expiresAt", expiresAt);
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("ticket expires at or before it is issued");
        }
        if (Duration.between(issuedAt, expiresAt).compareTo(IdentitySpec.MAX_TICKET_LIFETIME) > 0) {
            throw new IllegalArgumentException("ticket lifetime above " + IdentitySpec.MAX_TICKET_LIFETIME);
        }
        EnumMap<Service, QosClass> copy = new EnumMap<>(Service.class);
        for (Map.Entry<Service, QosClass> grant : grants.entrySet()) {
            Service service = Objects.requireNonNull(grant.getKey(), "grant service");
            if (service == Service.CONTROL) {
                throw new IllegalArgumentException("CONTROL is never granted: every session has it");
            }
            copy.put(service, Objects.requireNonNull(grant.getValue(), "grant QoS class"));
        }
        grants = Collections.unmodifiableMap(copy);
        if (maxFileSize < 0) {
            throw new IllegalArgumentException("negative max file size");
        }
        Objects.requireNonNull(signerKeyId, "signerKeyId");
    }

    private static void checkTime(String what, Instant time) {
        Objects.requireNonNull(time, what);
        if (time.getNano() != 0) {
            throw new IllegalArgumentException(what + " must be whole seconds");
        }
        if (time.getEpochSecond() < 0 || time.getEpochSecond() > IdentitySpec.TICKET_MAX_EPOCH_SECOND) {
            throw new IllegalArgumentException(what + " out of range: " + time);
        }
    }

    /**
     * A new ticket with a random id, issued at {@code now} (truncated to the second) and valid for
     * {@code lifetime}; same failures as the constructor.
     */
    public static SessionTicket issue(SecureRandom random, DeviceId initiator, DeviceId responder, Instant now,
                                      Duration lifetime, Map<Service, QosClass> grants, long maxFileSize,
                                      KeyId signerKeyId) {
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        return new SessionTicket(IdentitySpec.TICKET_ENCODING_VERSION, TicketId.random(random), initiator, responder,
                issuedAt, issuedAt.plus(lifetime), grants, maxFileSize, signerKeyId);
    }

    /** The highest QoS class granted for {@code service}, or empty if the service is not granted. */
    public Optional<QosClass> ceiling(Service service) {
        return Optional.ofNullable(grants.get(service));
    }

    /**
     * Whether {@code service} traffic of class {@code qos} is granted. Always false for CONTROL,
     * which tickets do not grant: the session layer allows it by itself.
     */
    public boolean allows(Service service, QosClass qos) {
        QosClass ceiling = grants.get(service);
        return ceiling != null && qos.atMost(ceiling);
    }

    /** Whether a file of {@code bytes} bytes is within the ticket's limit. */
    public boolean allowsFileSize(long bytes) {
        return bytes >= 0 && (maxFileSize == 0 || bytes <= maxFileSize);
    }

    /** How long the ticket is valid in total. */
    public Duration lifetime() {
        return Duration.between(issuedAt, expiresAt);
    }
}
