package io.ngisec.app.service;

import io.ngisec.client.server.DirectoryEntry;
import io.ngisec.protocol.qos.Service;
import java.util.EnumSet;
import java.util.Set;

/**
 * The services to open a session with a colleague's device for: every one the directory says the
 * policy allows with it, plus the one needed now. The client reuses a live session only when its
 * ticket covers what is asked, so asking for the needed service alone gave a call, a transfer and
 * a chat with the same colleague three sessions; asking for all lets them share one, as the
 * scheduler's voice-first ordering assumes.
 */
public final class SessionServices {

    private SessionServices() {
    }

    /** {@code device}'s allowed services (CONTROL aside: every session has it) and {@code needed}. */
    public static Set<Service> of(DirectoryEntry device, Service needed) {
        Set<Service> services = EnumSet.of(needed);
        services.addAll(device.services().keySet());
        services.remove(Service.CONTROL);
        return services;
    }
}
