package io.ngisec.app.service;

import io.ngisec.client.server.DirectoryEntry;
import java.util.List;
import java.util.Objects;

/** A user of the organization this device may contact, with their devices as the directory lists them. */
public record Colleague(String user, List<DirectoryEntry> devices) {

    public Colleague {
        Objects.requireNonNull(user, "user");
        devices = List.copyOf(devices);
    }

    /** Whether any of their devices holds a signaling connection now. */
    public boolean online() {
        return devices.stream().anyMatch(DirectoryEntry::online);
    }

    /** How many of their devices are online now. */
    public long onlineDevices() {
        return devices.stream().filter(DirectoryEntry::online).count();
    }
}
