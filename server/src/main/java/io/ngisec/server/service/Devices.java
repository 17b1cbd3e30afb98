package io.ngisec.server.service;

import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.server.api.ApiException;
import io.ngisec.server.store.ServerStore;
import io.ngisec.server.store.StoreException;
import io.ngisec.server.store.StoredDevice;

/** Looks up the devices a request names and refuses unknown and revoked ones the same way everywhere. */
final class Devices {

    private Devices() {
    }

    /** The enrolled, unrevoked device {@code id}; unknown_device (404) or revoked (403) otherwise. */
    static StoredDevice live(ServerStore store, DeviceId id, String who) throws StoreException, ApiException {
        StoredDevice device = store.device(id).orElseThrow(() -> ServiceErrors.unknownDevice(who));
        if (device.revoked()) {
            throw ServiceErrors.revoked(who);
        }
        return device;
    }
}
