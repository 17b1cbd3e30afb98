package io.ngisec.client.identity;

import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.Fingerprint;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Everything a device holds after enrollment: who it is (device id, user, groups, its name), the
 * policy server it belongs to and the org CA pinned from the invite, its certificate, the ticket
 * signers it trusts, and its private keys. Certificates are DER. Immutable (the byte arrays are
 * not copied: treat them as read-only).
 */
public record EnrolledIdentity(DeviceId deviceId, String user, List<String> groups, String deviceName,
        URI server, Fingerprint caFingerprint, byte[] caCertificate, byte[] deviceCertificate,
        List<byte[]> ticketSigners, DeviceKeys keys) {

    public EnrolledIdentity {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(user, "user");
        groups = List.copyOf(groups);
        Objects.requireNonNull(deviceName, "deviceName");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(caFingerprint, "caFingerprint");
        Objects.requireNonNull(caCertificate, "caCertificate");
        Objects.requireNonNull(deviceCertificate, "deviceCertificate");
        ticketSigners = List.copyOf(ticketSigners);
        Objects.requireNonNull(keys, "keys");
    }

    /** The same identity with a renewed device certificate (and possibly new keys). */
    public EnrolledIdentity withCertificate(byte[] certificate, DeviceKeys newKeys) {
        return new EnrolledIdentity(deviceId, user, groups, deviceName, server, caFingerprint, caCertificate,
                certificate, ticketSigners, newKeys);
    }

    /** No key material in logs. */
    @Override
    public String toString() {
        return "EnrolledIdentity[" + user + "/" + deviceName + " " + deviceId + " at " + server + "]";
    }
}
