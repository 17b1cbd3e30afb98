package io.ngisec.server.store;

import java.time.Instant;

/**
 * One audit-log entry: who did what to what, and its outcome in a short detail text (for
 * authorizations: allowed or denied, with the rule). {@code sequence} is assigned by the store.
 */
public record AuditRecord(long sequence, Instant at, String actor, String action, String subject, String detail) {
}
