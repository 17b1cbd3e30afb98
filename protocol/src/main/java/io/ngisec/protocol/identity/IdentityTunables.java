package io.ngisec.protocol.identity;

import java.time.Duration;

/** Local choices of verifiers that peers need not agree on (spec constants are in {@link IdentitySpec}). */
public final class IdentityTunables {

    /** How far our clock may be off from the issuer's before a certificate or ticket time check fails. */
    public static final Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * Oldest ticket (now - issuedAt) a verifier accepts by default even while unexpired: bounds how
     * long a grant outlives a policy change when the server hands out long tickets.
     */
    public static final Duration DEFAULT_MAX_TICKET_AGE = Duration.ofHours(12);

    private IdentityTunables() {
    }
}
