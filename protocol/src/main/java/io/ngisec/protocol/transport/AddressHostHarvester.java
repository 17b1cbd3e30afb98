package io.ngisec.protocol.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.ice4j.Transport;
import org.ice4j.ice.Component;
import org.ice4j.ice.ComponentSocket;
import org.ice4j.ice.HostCandidate;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.harvest.AbstractCandidateHarvester;
import org.ice4j.socket.IceSocketWrapper;
import org.ice4j.socket.IceUdpSocketWrapper;
import org.ice4j.socket.MultiplexingDatagramSocket;

/**
 * Host candidates on a fixed list of addresses, each on an ephemeral UDP port. It exists because
 * ice4j's own host harvester skips loopback, which tests in one JVM need; it wires each socket the
 * way that harvester does (STUN stack for checks, component socket for data). Not thread safe:
 * ice4j calls it once per component while gathering.
 */
final class AddressHostHarvester extends AbstractCandidateHarvester {

    private final List<InetAddress> addresses;

    AddressHostHarvester(List<InetAddress> addresses) {
        this.addresses = List.copyOf(addresses);
    }

    @Override
    public Collection<LocalCandidate> harvest(Component component) {
        List<LocalCandidate> harvested = new ArrayList<>(addresses.size());
        for (InetAddress address : addresses) {
            IceSocketWrapper socket;
            try {
                socket = new IceUdpSocketWrapper(new MultiplexingDatagramSocket(0, address));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind a host candidate on " + address, e);
            }
            HostCandidate candidate = new HostCandidate(socket, component, Transport.UDP);
            if (!component.addLocalCandidate(candidate)) {
                socket.close();
                continue;
            }
            candidate.getStunStack().addSocket(candidate.getStunSocket(null));
            ComponentSocket componentSocket = component.getComponentSocket();
            if (componentSocket != null) {
                componentSocket.add(socket);
            }
            harvested.add(candidate);
        }
        return harvested;
    }

    @Override
    public boolean isHostHarvester() {
        return true;
    }
}
