package io.ngisec.protocol.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Who a device certificate speaks for: the user, the device's id and display name, the user's
 * groups as the policy server saw them at enrollment, and the device's Noise static public key
 * (X25519), which the handshake must present. Immutable; the constructor throws
 * IllegalArgumentException for values no certificate may carry (limits in {@link IdentitySpec}).
 */
public record DeviceIdentity(String user, DeviceId deviceId, String deviceName, List<String> groups,
                             byte[] noiseStaticKey) {

    public DeviceIdentity {
        checkName("user", user);
        Objects.requireNonNull(deviceId, "deviceId");
        checkName("device name", deviceName);
        Objects.requireNonNull(groups, "groups");
        if (groups.size() > IdentitySpec.MAX_GROUPS) {
            throw new IllegalArgumentException("more than " + IdentitySpec.MAX_GROUPS + " groups");
        }
        groups = List.copyOf(groups);
        for (String group : groups) {
            checkName("group", group);
        }
        Objects.requireNonNull(noiseStaticKey, "noiseStaticKey");
        if (noiseStaticKey.length != IdentitySpec.NOISE_STATIC_KEY_LENGTH) {
            throw new IllegalArgumentException("Noise static key must be "
                    + IdentitySpec.NOISE_STATIC_KEY_LENGTH + " bytes, got " + noiseStaticKey.length);
        }
        noiseStaticKey = noiseStaticKey.clone();
    }

    private static void checkName(String what, String name) {
        Objects.requireNonNull(name, what);
        if (name.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > IdentitySpec.MAX_NAME_BYTES) {
            throw new IllegalArgumentException(what + " longer than " + IdentitySpec.MAX_NAME_BYTES + " UTF-8 bytes");
        }
    }

    /** The 32-byte X25519 public key (a copy). */
    @Override
    public byte[] noiseStaticKey() {
        return noiseStaticKey.clone();
    }

    /** Whether {@code key} is this device's Noise static key; compares in constant time. */
    public boolean hasNoiseStaticKey(byte[] key) {
        return MessageDigest.isEqual(noiseStaticKey, key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceIdentity other
                && user.equals(other.user)
                && deviceId.equals(other.deviceId)
                && deviceName.equals(other.deviceName)
                && groups.equals(other.groups)
                && Arrays.equals(noiseStaticKey, other.noiseStaticKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, deviceId, deviceName, groups, Arrays.hashCode(noiseStaticKey));
    }

    @Override
    public String toString() {
        return "DeviceIdentity[user=" + user + ", deviceId=" + deviceId + ", deviceName=" + deviceName
                + ", groups=" + groups + ", noiseStaticKey=" + HexFormat.of().formatHex(noiseStaticKey) + "]";
    }
}
