package io.ngisec.protocol.identity;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A revocation checker backed by in-memory sets of revoked serial numbers and device ids (the
 * latter revoke every certificate a device ever had). Thread safe; updates are seen by later checks.
 */
public final class RevocationList implements RevocationChecker {

    private final Set<BigInteger> serials = ConcurrentHashMap.newKeySet();
    private final Set<DeviceId> devices = ConcurrentHashMap.newKeySet();

    /** Revokes the certificate with this serial number. */
    public void revokeSerial(BigInteger serial) {
        serials.add(Objects.requireNonNull(serial, "serial"));
    }

    /** Revokes every certificate of this device. */
    public void revokeDevice(DeviceId device) {
        devices.add(Objects.requireNonNull(device, "device"));
    }

    @Override
    public boolean isRevoked(IssuedCertificate certificate) {
        return serials.contains(certificate.serial())
                || certificate instanceof DeviceCertificate device && devices.contains(device.deviceId());
    }
}
