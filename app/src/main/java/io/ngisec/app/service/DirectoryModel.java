package io.ngisec.app.service;

import io.ngisec.client.server.DirectoryEntry;
import io.ngisec.protocol.identity.DeviceId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The directory as the app shows it: the server's entries without this device, presence changes
 * applied as signaling reports them, grouped into colleagues sorted by user. Not thread safe:
 * its owner confines it to one thread.
 */
public final class DirectoryModel {

    private final DeviceId self;
    private final Map<DeviceId, DirectoryEntry> entries = new LinkedHashMap<>();

    public DirectoryModel(DeviceId self) {
        this.self = Objects.requireNonNull(self, "self");
    }

    /** Replaces everything with what the server listed. */
    public void replace(List<DirectoryEntry> listed) {
        entries.clear();
        for (DirectoryEntry e : listed) {
            if (!e.deviceId().equals(self)) {
                entries.put(e.deviceId(), e);
            }
        }
    }

    /** Applies a presence change; false when the device is not listed (the directory is then stale: fetch it again). */
    public boolean presence(DeviceId device, boolean online) {
        DirectoryEntry e = entries.get(device);
        if (e == null) {
            return false;
        }
        entries.put(device, new DirectoryEntry(e.user(), e.deviceId(), e.deviceName(), online, e.services()));
        return true;
    }

    /** Marks every device offline: presence is unknown while the server is out of reach. */
    public void allOffline() {
        entries.replaceAll((id, e) -> new DirectoryEntry(e.user(), id, e.deviceName(), false, e.services()));
    }

    /** The colleagues, by user name, each with their devices by device name. */
    public List<Colleague> colleagues() {
        Map<String, List<DirectoryEntry>> byUser = new LinkedHashMap<>();
        for (DirectoryEntry e : entries.values()) {
            byUser.computeIfAbsent(e.user(), u -> new ArrayList<>()).add(e);
        }
        return byUser.entrySet().stream()
                .map(u -> new Colleague(u.getKey(), u.getValue().stream()
                        .sorted(Comparator.comparing(DirectoryEntry::deviceName)).toList()))
                .sorted(Comparator.comparing(Colleague::user, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
