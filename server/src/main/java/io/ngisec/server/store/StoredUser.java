package io.ngisec.server.store;

import java.time.Instant;
import java.util.List;

/** A user of the organization and the groups their invite gave them. */
public record StoredUser(String name, List<String> groups, Instant created) {
    public StoredUser {
        groups = List.copyOf(groups);
    }
}
