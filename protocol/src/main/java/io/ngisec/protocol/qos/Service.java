package io.ngisec.protocol.qos;

import java.util.Optional;

/** The services a ticket can allow between two devices, with their one-byte id on the wire. */
public enum Service {
    /** Session control itself (handshake follow-ups, keepalives, close); always allowed within a session. */
    CONTROL(0),
    /** Voice calls. */
    CALL(1),
    /** File transfers. */
    FILE(2),
    /** Chat messages. */
    CHAT(3);

    private final int id;

    Service(int id) {
        this.id = id;
    }

    /** The service id carried in the record header and in tickets. */
    public int id() {
        return id;
    }

    /** The service with this wire id, or empty for an id no service has. */
    public static Optional<Service> fromId(int id) {
        for (Service s : values()) {
            if (s.id == id) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
