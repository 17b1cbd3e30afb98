package io.ngisec.protocol.transport;

import java.io.UncheckedIOException;
import java.net.SocketException;
import org.ice4j.TransportAddress;
import org.ice4j.ice.RelayedCandidate;
import org.ice4j.socket.IceSocketWrapper;
import org.ice4j.socket.IceUdpSocketWrapper;
import org.ice4j.socket.MultiplexingDatagramSocket;

/**
 * A relayed candidate whose socket is our {@link TurnRelaySocket} instead of ice4j's. Wrapped the
 * way ice4j wraps its own (a multiplexing socket, so the STUN stack's checks and the component's
 * data share it). The socket is made on first use. Thread safe.
 */
final class TurnRelayedCandidate extends RelayedCandidate {

    private final TurnAllocationHarvest harvest;
    private IceSocketWrapper socket;

    TurnRelayedCandidate(TransportAddress address, TurnAllocationHarvest harvest, TransportAddress mappedAddress) {
        super(address, harvest, mappedAddress);
        this.harvest = harvest;
    }

    @Override
    public synchronized IceSocketWrapper getCandidateIceSocketWrapper() {
        if (socket == null) {
            try {
                socket = new IceUdpSocketWrapper(new MultiplexingDatagramSocket(new TurnRelaySocket(harvest, getTransportAddress())));
            } catch (SocketException e) {
                throw new UncheckedIOException("cannot open the relayed candidate's socket", e);
            }
        }
        return socket;
    }
}
