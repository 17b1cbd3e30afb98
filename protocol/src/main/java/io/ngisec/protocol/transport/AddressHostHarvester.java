package io.ngisec.protocol.transport;

import io.ngisec.protocol.transport.udp.UdpSockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * Host candidates on a list of addresses, each on an ephemeral UDP port whose socket we own: a
 * {@link SharedUdpPort} reads it and hands ice4j its STUN traffic through a socket facade, so
 * the session's data never passes through ice4j's socket stack. Each socket is wired the way
 * ice4j's own host harvester wires its sockets (STUN stack for checks; component socket too,
 * where ice4j expects every host socket when a pair is nominated, though no data reaches it).
 * Thread safe: ice4j calls it while gathering; the transport looks ports up once a pair is
 * selected and closes them when it closes.
 */
final class AddressHostHarvester extends AbstractCandidateHarvester {

    private static final int SOCKET_BUFFER_BYTES = 4 << 20;

    private final List<InetAddress> addresses;
    private final Map<InetSocketAddress, SharedUdpPort> ports = new ConcurrentHashMap<>();

    AddressHostHarvester(List<InetAddress> addresses) {
        this.addresses = List.copyOf(addresses);
    }

    /** The port bound to {@code local}, if this harvester made it. */
    SharedUdpPort port(InetSocketAddress local) {
        return ports.get(local);
    }

    /** Closes every port this harvester made: after the agent is freed, when the transport closes. */
    void closePorts() {
        ports.values().forEach(SharedUdpPort::close);
        ports.clear();
    }

    @Override
    public Collection<LocalCandidate> harvest(Component component) {
        List<LocalCandidate> harvested = new ArrayList<>(addresses.size());
        for (InetAddress address : addresses) {
            SharedUdpPort port;
            IceSocketWrapper socket;
            try {
                port = SharedUdpPort.start(UdpSockets.bind(new InetSocketAddress(address, 0),
                        SOCKET_BUFFER_BYTES, SOCKET_BUFFER_BYTES));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind a host candidate on " + address, e);
            }
            try {
                socket = new IceUdpSocketWrapper(new MultiplexingDatagramSocket(port.stunSocket()));
            } catch (IOException e) {
                port.close();
                throw new UncheckedIOException("cannot wrap the socket of " + port, e);
            }
            HostCandidate candidate = new HostCandidate(socket, component, Transport.UDP);
            if (!component.addLocalCandidate(candidate)) {
                socket.close();
                port.close();
                continue;
            }
            ports.put(port.localAddress(), port);
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
