/**
 * Statistics of one session: immutable snapshots ({@link io.ngisec.protocol.session.stats.SessionStats}
 * and its parts) for the CLI and the diagnostics panel, the allocation-free
 * {@link io.ngisec.protocol.session.stats.TrafficCollector} the session's data path feeds per
 * packet, and the periodic delivery of snapshots to subscribers. Like the congestion package,
 * nothing here reads a clock: times are caller-supplied nanoseconds. Spec: docs/protocol.md,
 * section 13.7.
 */
package io.ngisec.protocol.session.stats;
