package io.ngisec.server.store;

import java.time.Instant;
import java.util.List;

/** An invite: for whom, which groups, until when; the secret only as its SHA-256; {@code usedAt} null until used. */
public record StoredInvite(String id, byte[] secretHash, String user, List<String> groups, Instant created,
        Instant expires, Instant usedAt) {
    public StoredInvite {
        groups = List.copyOf(groups);
        secretHash = secretHash.clone();
    }
}
