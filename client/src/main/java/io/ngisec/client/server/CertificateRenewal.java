package io.ngisec.client.server;

import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.IdentityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides when a device renews its certificate, and renews it: once less than half of its
 * lifetime remains (3.5 days of the server's 7), so that a device offline for a few days still
 * renews in time. The caller persists the renewed identity. Thread safe.
 */
public final class CertificateRenewal {

    private final Clock clock;

    public CertificateRenewal(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The moment from which {@code identity}'s certificate is due for renewal: halfway through its validity. */
    public Instant renewAt(EnrolledIdentity identity) {
        DeviceCertificate certificate = parse(identity);
        Duration lifetime = Duration.between(certificate.notBefore(), certificate.notAfter());
        return certificate.notBefore().plus(lifetime.dividedBy(2));
    }

    /** Whether the certificate is due for renewal now. */
    public boolean isDue(EnrolledIdentity identity) {
        return !clock.instant().isBefore(renewAt(identity));
    }

    /** Renews through {@code client} if due; returns the renewed identity, or empty when not due yet. */
    public Optional<EnrolledIdentity> renewIfDue(PolicyServerClient client) throws ServerException {
        if (!isDue(client.identity())) {
            return Optional.empty();
        }
        return Optional.of(client.renew(Optional.empty()));
    }

    private static DeviceCertificate parse(EnrolledIdentity identity) {
        try {
            return DeviceCertificate.parse(identity.deviceCertificate());
        } catch (IdentityException e) {
            throw new IllegalArgumentException("the stored device certificate is unreadable: " + e.getMessage(), e);
        }
    }
}
