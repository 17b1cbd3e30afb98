package io.ngisec.protocol.record;

import java.time.Duration;

/**
 * A snapshot of one session's sending direction.
 *
 * @param phase current key phase (0 for the handshake's keys, +1 per rekey)
 * @param rekeys times the sender moved to a new key phase
 * @param records records sealed, data and close
 * @param payloadBytes payload bytes sealed (without header and tag)
 * @param keyAge how long the current key phase has been in use
 */
public record SendStats(long phase, long rekeys, long records, long payloadBytes, Duration keyAge) {
}
