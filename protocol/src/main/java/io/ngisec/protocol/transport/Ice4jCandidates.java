package io.ngisec.protocol.transport;

import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Candidate;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.CheckList;
import org.ice4j.ice.Component;
import org.ice4j.ice.HostCandidate;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.RemoteCandidate;

/** Translation between ice4j's candidates and our signaled {@link IceCandidate}s. Stateless. */
final class Ice4jCandidates {

    private Ice4jCandidates() {}

    /**
     * The UDP candidates of {@code component} that can be signaled. Link-local IPv6 candidates are
     * left out: their scope id means nothing on the peer's host.
     */
    static List<IceCandidate> local(Component component) {
        List<IceCandidate> out = new ArrayList<>();
        for (LocalCandidate c : component.getLocalCandidates()) {
            CandidateType type = type(c.getType());
            TransportAddress address = c.getTransportAddress();
            if (type == null || c.getTransport() != Transport.UDP || linkLocal(address)) {
                continue;
            }
            TransportAddress related = type == CandidateType.HOST ? null : c.getRelatedAddress();
            out.add(new IceCandidate(
                    c.getFoundation(),
                    component.getComponentID(),
                    c.getPriority(),
                    new InetSocketAddress(address.getAddress(), address.getPort()),
                    type,
                    related == null || linkLocal(related) ? null : new InetSocketAddress(related.getAddress(), related.getPort())));
        }
        return out;
    }

    /**
     * Adds the peer's candidates for {@code component} to it, before connectivity checks start;
     * candidates of other components are ignored.
     */
    static void addRemote(Component component, List<IceCandidate> candidates) {
        for (IceCandidate c : candidates) {
            if (c.component() == component.getComponentID()) {
                component.addRemoteCandidate(remote(component, c));
            }
        }
    }

    /**
     * Adds candidates the peer trickled after checks started (RFC 8838 section 11): each is
     * paired with every local candidate and the pairs join the running check list. Duplicates
     * and candidates of other components are ignored.
     */
    static void addRemoteLate(Component component, List<IceCandidate> candidates) {
        for (IceCandidate c : candidates) {
            if (c.component() == component.getComponentID()) {
                component.addUpdateRemoteCandidates(remote(component, c));
            }
        }
        component.updateRemoteCandidates();
    }

    /**
     * Pairs a relayed candidate gathered after checks started with the peer's candidates known so
     * far and adds the pairs, frozen, to the running check list (ice4j pairs only new remote
     * candidates by itself). Server-reflexive candidates are never paired: their base, a host
     * candidate, is (RFC 8445 section 6.1.2.4).
     */
    static void pairLate(Component component, LocalCandidate local) {
        if (local.getType() != org.ice4j.ice.CandidateType.RELAYED_CANDIDATE) {
            return;
        }
        CheckList checks = component.getParentStream().getCheckList();
        synchronized (checks) {
            for (RemoteCandidate r : component.getRemoteCandidates()) {
                if (local.canReach(r) && r.getTransportAddress().getPort() != 0 && checks.findPairMatching(local, r) == null) {
                    checks.add(new CandidatePair(local, r));
                }
            }
        }
    }

    private static RemoteCandidate remote(Component component, IceCandidate c) {
        RemoteCandidate related = c.related() == null ? null : new RemoteCandidate(
                new TransportAddress(c.related(), Transport.UDP), component,
                org.ice4j.ice.CandidateType.HOST_CANDIDATE, c.foundation(), c.priority(), null);
        return new RemoteCandidate(new TransportAddress(c.address(), Transport.UDP), component, ice4jType(c.type()),
                c.foundation(), c.priority(), related);
    }

    /**
     * The socket that puts {@code candidate}'s datagrams on the wire: its host base's own socket
     * (for host, server- and peer-reflexive candidates; for a relayed one, the host socket that
     * reaches the TURN server). Null if there is none; ice4j's component and candidate
     * {@code getDatagramSocket()} return the component's merging wrapper, whose options never
     * reach the socket that sends.
     */
    static DatagramSocket wireSocket(LocalCandidate candidate) {
        for (LocalCandidate c = candidate; c != null; c = c.getRelatedCandidate()) {
            if (c.getBase() instanceof HostCandidate host && host.getCandidateIceSocketWrapper() != null) {
                return host.getCandidateIceSocketWrapper().getUDPSocket();
            }
        }
        return null;
    }

    static CandidateType type(Candidate<?> candidate) {
        CandidateType t = type(candidate.getType());
        return t == null ? CandidateType.HOST : t;
    }

    private static CandidateType type(org.ice4j.ice.CandidateType t) {
        return switch (t) {
            case HOST_CANDIDATE -> CandidateType.HOST;
            case SERVER_REFLEXIVE_CANDIDATE -> CandidateType.SERVER_REFLEXIVE;
            case PEER_REFLEXIVE_CANDIDATE -> CandidateType.PEER_REFLEXIVE;
            case RELAYED_CANDIDATE -> CandidateType.RELAYED;
            default -> null;
        };
    }

    private static org.ice4j.ice.CandidateType ice4jType(CandidateType t) {
        return switch (t) {
            case HOST -> org.ice4j.ice.CandidateType.HOST_CANDIDATE;
            case SERVER_REFLEXIVE -> org.ice4j.ice.CandidateType.SERVER_REFLEXIVE_CANDIDATE;
            case PEER_REFLEXIVE -> org.ice4j.ice.CandidateType.PEER_REFLEXIVE_CANDIDATE;
            case RELAYED -> org.ice4j.ice.CandidateType.RELAYED_CANDIDATE;
        };
    }

    private static boolean linkLocal(TransportAddress address) {
        return address.getAddress() instanceof Inet6Address a && (a.isLinkLocalAddress() || a.getScopeId() != 0);
    }
}
