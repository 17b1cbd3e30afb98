package io.ngisec.server.service;

import io.ngisec.protocol.identity.IdentitySpec;
import java.time.Duration;
import java.util.Objects;

/**
 * The tunables of {@link PolicyService}: certificate validity, ticket lifetime, the enrollment rate
 * limit and TURN. Immutable.
 *
 * @param certificateValidity how long device certificates are valid (devices renew before expiry)
 * @param ticketLifetime      how long a session ticket is valid, at most {@link IdentitySpec#MAX_TICKET_LIFETIME}
 */
public record ServiceSettings(Duration certificateValidity, Duration ticketLifetime,
        EnrollmentRateLimit enrollmentLimit, TurnSettings turn) {

    public ServiceSettings {
        Objects.requireNonNull(certificateValidity, "certificateValidity");
        Objects.requireNonNull(ticketLifetime, "ticketLifetime");
        Objects.requireNonNull(enrollmentLimit, "enrollmentLimit");
        Objects.requireNonNull(turn, "turn");
        if (certificateValidity.isNegative() || certificateValidity.isZero()) {
            throw new IllegalArgumentException("certificate validity must be positive");
        }
        // Tickets carry whole seconds.
        if (ticketLifetime.toSeconds() < 1 || ticketLifetime.getNano() != 0 || ticketLifetime.compareTo(IdentitySpec.MAX_TICKET_LIFETIME) > 0) {
            throw new IllegalArgumentException("ticket lifetime must be whole seconds, 1 s to " + IdentitySpec.MAX_TICKET_LIFETIME);
        }
    }

    /** Certificates for 7 days, tickets for 10 minutes, 10 failed enrollments per 10 minutes, no TURN. */
    public static ServiceSettings defaults() {
        return new ServiceSettings(Duration.ofDays(7), Duration.ofMinutes(10), EnrollmentRateLimit.defaults(),
                TurnSettings.none());
    }

    public ServiceSettings withTurn(TurnSettings newTurn) {
        return new ServiceSettings(certificateValidity, ticketLifetime, enrollmentLimit, newTurn);
    }
}
