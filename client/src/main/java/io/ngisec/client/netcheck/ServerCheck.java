package io.ngisec.client.netcheck;

import io.ngisec.protocol.transport.IceServerUri;

/**
 * What netcheck found about one STUN or TURN server. Immutable.
 *
 * @param server        the server as configured
 * @param binding       the Binding request to its port
 * @param alternatePort the Binding request to its port + 1, where coturn answers only when it
 *                      listens on two addresses (RFC 5780 mode); null when the port is 65535
 * @param turn          the allocation test; null for a STUN server
 */
public record ServerCheck(IceServerUri server, BindingResult binding, BindingResult alternatePort, TurnResult turn) {
}
