package io.ngisec.app.service;

import io.ngisec.client.store.StoredIdentity;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.Fingerprint;
import java.net.URI;
import java.util.Objects;

/** Who this device is, as the status bar shows it: no keys, nothing secret. */
public record SelfIdentity(String user, String deviceName, DeviceId deviceId, URI server, Fingerprint caFingerprint) {

    public SelfIdentity {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(deviceName, "deviceName");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(caFingerprint, "caFingerprint");
    }

    /** The identity a home stores. */
    public static SelfIdentity of(StoredIdentity stored) {
        return new SelfIdentity(stored.user(), stored.deviceName(), stored.deviceId(), stored.server(),
                stored.caFingerprint());
    }

    /** The CA fingerprint's first 8 bytes in colon hex, enough to compare by eye with an administrator. */
    public String shortFingerprint() {
        return caFingerprint.toString().substring(0, 23);
    }
}
