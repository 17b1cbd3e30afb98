/**
 * NAT traversal with ICE (RFC 8445): gathers candidates, exchanges them with the peer through a
 * {@link io.ngisec.protocol.transport.Signaling} channel (the policy server's WebSocket later),
 * runs connectivity checks and hands the session layer a
 * {@link io.ngisec.protocol.transport.DatagramPath} over the selected candidate pair. The only
 * package that imports ice4j; nothing outside it sees an ice4j type. Candidates trickle (RFC 8838)
 * as fragments of an {@link io.ngisec.protocol.transport.IceDescription}; an ICE restart by either
 * side is a new generation with new credentials and a new path; selected pairs run consent
 * freshness (RFC 7675). What happens to paths is reported as
 * {@link io.ngisec.protocol.transport.PathEvent}s.
 *
 * <p>TURN: ice4j allocates; relayed candidates send through our {@code TurnRelaySocket}
 * (permissions with backoff, channels, Send/Data indications), not ice4j's, whose permission
 * logic storms a relay that refuses a peer.
 */
package io.ngisec.protocol.transport;
