/**
 * The policy server's persistent state: {@link io.ngisec.server.store.ServerStore} and its JDBC
 * implementation {@link io.ngisec.server.store.JdbcServerStore} on an embedded H2 file (default)
 * or PostgreSQL, with versioned schema migrations under {@code migrations/} applied on open.
 *
 * <p>Every failure is a {@link io.ngisec.server.store.StoreException} with a
 * {@link io.ngisec.server.store.StoreException.Reason}; its message is for logs and carries no SQL.
 * The audit log and the policy versions are append-only: no code updates or deletes them.
 */
package io.ngisec.server.store;
