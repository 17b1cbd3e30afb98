package io.ngisec.client.server;

import io.ngisec.protocol.identity.SignedTicket;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The policy server's answer to "may this device open a session with that peer for these
 * services": when allowed, the signed ticket (its wire form is {@code ticket().encoded()}) with the
 * granted services and their QoS ceilings; otherwise none. {@code rule} and {@code reason} name the
 * decision the server chose to tell (the first denial if any service was denied, else the first
 * grant), e.g. rule {@code no-files} and reason {@code rule "no-files" denies file}. Immutable.
 */
public record Authorization(boolean allowed, Optional<SignedTicket> ticket, Map<Service, QosClass> grants,
        Optional<Instant> expiresAt, String rule, String reason) {

    public Authorization {
        Objects.requireNonNull(ticket, "ticket");
        grants = Map.copyOf(grants);
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        if (allowed != ticket.isPresent()) {
            throw new IllegalArgumentException(allowed ? "an allowed authorization needs a ticket" : "a denial has no ticket");
        }
    }
}
