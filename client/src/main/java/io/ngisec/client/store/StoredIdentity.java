package io.ngisec.client.store;

import io.ngisec.client.identity.DeviceKeys;
import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.Fingerprint;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The enrolled identity as the database holds it: everything of {@link EnrolledIdentity} but the
 * private keys (those live in the home's encrypted key store), plus when the device enrolled and
 * when its certificate was last renewed ({@code renewedAt} null: never). Certificates are DER;
 * the arrays are not copied, treat them as read-only.
 */
public record StoredIdentity(DeviceId deviceId, String user, List<String> groups, String deviceName, URI server,
        Fingerprint caFingerprint, byte[] caCertificate, byte[] deviceCertificate, List<byte[]> ticketSigners,
        Instant enrolledAt, Instant renewedAt) {

    public StoredIdentity {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(user, "user");
        groups = List.copyOf(groups);
        Objects.requireNonNull(deviceName, "deviceName");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(caFingerprint, "caFingerprint");
        Objects.requireNonNull(caCertificate, "caCertificate");
        Objects.requireNonNull(deviceCertificate, "deviceCertificate");
        ticketSigners = List.copyOf(ticketSigners);
        Objects.requireNonNull(enrolledAt, "enrolledAt");
    }

    /** The whole identity, with the private keys and the certificate that was stored with them. */
    public EnrolledIdentity withKeys(DeviceKeys keys, byte[] certificate) {
        return new EnrolledIdentity(deviceId, user, groups, deviceName, server, caFingerprint, caCertificate,
                certificate, ticketSigners, keys);
    }

    /** Whether {@code identity} is this same device of the same organization (a renewal, not a new enrollment). */
    public boolean isSameDevice(EnrolledIdentity identity) {
        return deviceId.equals(identity.deviceId()) && caFingerprint.equals(identity.caFingerprint());
    }

    @Override
    public String toString() {
        return "StoredIdentity[" + user + "/" + deviceName + " " + deviceId + " at " + server + "]";
    }
}
