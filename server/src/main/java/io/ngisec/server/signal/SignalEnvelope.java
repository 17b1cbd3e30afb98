package io.ngisec.server.signal;

import io.ngisec.protocol.identity.DeviceId;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One message on a {@link SignalBus}: for which device ({@code targetDevice}, a device id in its
 * canonical lower-case UUID form, or {@link #BROADCAST} for every device), of which kind (such as
 * {@link #SIGNAL}, {@link #REVOKED}, {@link #POLICY}: lower-case letters and '_', at most 32), and
 * its body as JSON text (not parsed here). Construction refuses anything else with an
 * IllegalArgumentException.
 */
public record SignalEnvelope(String targetDevice, String kind, String json) {

    /** The target of a message for every connected device. */
    public static final String BROADCAST = "*";

    /** A signaling message relayed to one device (ICE offers, answers, candidates, invitations). */
    public static final String SIGNAL = "signal";
    /** A device was revoked: its peers end their sessions with it. */
    public static final String REVOKED = "revoked";
    /** The policy changed. */
    public static final String POLICY = "policy";

    private static final Pattern KIND = Pattern.compile("[a-z_]{1,32}");

    public SignalEnvelope {
        Objects.requireNonNull(targetDevice, "targetDevice");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(json, "json");
        if (!targetDevice.equals(BROADCAST) && !isCanonicalUuid(targetDevice)) {
            throw new IllegalArgumentException("signal target is neither a device id nor \"*\"");
        }
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("signal kind must be 1 to 32 of a-z and '_'");
        }
    }

    /** A message for one device. */
    public static SignalEnvelope to(DeviceId device, String kind, String json) {
        return new SignalEnvelope(device.toString(), kind, json);
    }

    /** A message for every device. */
    public static SignalEnvelope broadcast(String kind, String json) {
        return new SignalEnvelope(BROADCAST, kind, json);
    }

    public boolean isBroadcast() {
        return targetDevice.equals(BROADCAST);
    }

    /** The target device; IllegalStateException for a broadcast. */
    public DeviceId device() {
        if (isBroadcast()) {
            throw new IllegalStateException("a broadcast has no single target device");
        }
        return DeviceId.parse(targetDevice);
    }

    private static boolean isCanonicalUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
