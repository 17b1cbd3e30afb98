package io.ngisec.client.netcheck;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * What one STUN Binding request to one server endpoint found. Immutable.
 *
 * @param destination the endpoint asked (unresolved when its name did not resolve)
 * @param reachable   whether it answered
 * @param rtt         from the first request to the answer (lost requests show as delay); null if unreachable
 * @param mapped      the address this host's socket had as the server saw it (server-reflexive); null if none
 * @param error       why there is no mapped address, one line; null when there is one
 */
public record BindingResult(InetSocketAddress destination, boolean reachable, Duration rtt, InetSocketAddress mapped,
        String error) {

    static BindingResult failed(InetSocketAddress destination, String error) {
        return new BindingResult(destination, false, null, null, error);
    }
}
