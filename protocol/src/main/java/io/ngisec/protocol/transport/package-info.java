/**
 * NAT traversal with ICE (RFC 8445): gathers candidates, exchanges them with the peer through a
 * {@link io.ngisec.protocol.transport.Signaling} channel (the policy server's WebSocket later),
 * runs connectivity checks and hands the session layer a
 * {@link io.ngisec.protocol.transport.DatagramPath} over the selected candidate pair. The only
 * package that imports ice4j; nothing outside it sees an ice4j type. First cut: no trickle (all
 * candidates are gathered, then sent in one description), no ICE restart, no consent freshness.
 */
package io.ngisec.protocol.transport;
