package io.ngisec.client.link;

import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.Fingerprint;
import java.util.Objects;

/**
 * The peer of a link as its verified device certificate names it: user, device id and name, and
 * the fingerprint of that certificate (what users compare to detect a substituted device).
 */
public record PeerInfo(String user, DeviceId deviceId, String deviceName, Fingerprint fingerprint) {

    public PeerInfo {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(deviceName, "deviceName");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
