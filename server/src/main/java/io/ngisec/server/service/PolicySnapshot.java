package io.ngisec.server.service;

import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.server.api.ApiException;
import io.ngisec.server.policy.Policy;
import io.ngisec.server.policy.PolicyException;
import io.ngisec.server.policy.Subject;
import io.ngisec.server.store.PolicyRecord;
import io.ngisec.server.store.ServerStore;
import io.ngisec.server.store.StoreException;
import io.ngisec.server.store.StoredDevice;
import io.ngisec.server.store.StoredUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One version of the policy, parsed, with the subjects (users and their groups) looked up under it.
 * {@link PolicyService#refresh} replaces the whole snapshot, so a lookup that raced a refresh only
 * ever lands in the old snapshot's cache. Thread safe.
 *
 * <p>Cached subjects are as fresh as the last refresh or local enrollment: groups a re-invite on
 * another instance gives an existing user show here after the next refresh.
 */
final class PolicySnapshot {

    /** Used while the store holds no policy at all: no rules, so everything is denied. */
    private static final String DENY_ALL = "{\"rules\": []}";

    private final long version;
    private final Policy policy;
    private final Map<String, Subject> subjects = new ConcurrentHashMap<>();
    private final Map<DeviceId, String> liveDevices = new ConcurrentHashMap<>();

    private PolicySnapshot(long version, Policy policy) {
        this.version = version;
        this.policy = policy;
    }

    /** The store's current policy (version 0, deny-all, if it has none). */
    static PolicySnapshot load(ServerStore store) throws StoreException {
        PolicyRecord record = store.currentPolicy().orElse(null);
        try {
            return record == null ? new PolicySnapshot(0, Policy.parse(DENY_ALL))
                    : new PolicySnapshot(record.version(), Policy.parse(record.text()));
        } catch (PolicyException e) {
            // Policies are checked when applied; a stored one that does not parse is a bug or tampering.
            throw new IllegalStateException("stored policy version " + (record == null ? 0 : record.version())
                    + " does not parse: " + e.getMessage(), e);
        }
    }

    long version() {
        return version;
    }

    Policy policy() {
        return policy;
    }

    /** {@code user} with their enrollment groups and this policy's groups; a user the store lacks has none. */
    Subject subject(String user, ServerStore store) throws StoreException {
        Subject cached = subjects.get(user);
        if (cached != null) {
            return cached;
        }
        Optional<StoredUser> stored = store.user(user);
        // Only what the store holds is cached: a user enrolled later must not stay group-less here.
        return stored.isPresent() ? subject(user, stored.get().groups()) : policy.subject(user, List.of());
    }

    /**
     * The user of {@code device} if it is enrolled and not revoked. Live devices are cached: the
     * signaling hub asks for every pair on each presence change, and a revocation replaces the
     * snapshot (and so this cache) within the change watcher's period.
     */
    Optional<String> liveUser(DeviceId device, ServerStore store) throws StoreException {
        String cached = liveDevices.get(device);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<StoredDevice> stored = store.device(device).filter(d -> !d.revoked());
        stored.ifPresent(d -> liveDevices.put(device, d.user()));
        return stored.map(StoredDevice::user);
    }

    /**
     * The user of live device {@code device}, refused as unknown_device or revoked the way
     * {@link Devices#live} refuses (a refusal is not cached); cached like {@link #liveUser}.
     */
    String liveUser(DeviceId device, ServerStore store, String who) throws StoreException, ApiException {
        String cached = liveDevices.get(device);
        if (cached != null) {
            return cached;
        }
        StoredDevice live = Devices.live(store, device, who);
        liveDevices.put(device, live.user());
        return live.user();
    }

    /** The subject of a user whose groups the caller just read or wrote, cached for later lookups. */
    Subject subject(String user, List<String> groups) {
        Subject subject = policy.subject(user, groups);
        subjects.put(user, subject);
        return subject;
    }
}
