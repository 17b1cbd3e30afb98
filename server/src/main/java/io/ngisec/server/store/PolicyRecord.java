package io.ngisec.server.store;

import java.time.Instant;

/** One applied version of the policy file, exactly as the administrator wrote it. */
public record PolicyRecord(long version, String text, String actor, Instant applied) {
}
