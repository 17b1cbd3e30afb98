package io.ngisec.client.server;

import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.RevocationList;
import java.math.BigInteger;
import java.util.Set;

/**
 * The policy server's list of revoked devices and certificate serials, for a peer that was
 * offline when the revocations were pushed. Immutable.
 */
public record Revocations(long version, Set<BigInteger> serials, Set<DeviceId> deviceIds) {

    public Revocations {
        serials = Set.copyOf(serials);
        deviceIds = Set.copyOf(deviceIds);
    }

    /** A revocation checker for certificate verification holding these entries. */
    public RevocationList checker() {
        RevocationList list = new RevocationList();
        serials.forEach(list::revokeSerial);
        deviceIds.forEach(list::revokeDevice);
        return list;
    }
}
