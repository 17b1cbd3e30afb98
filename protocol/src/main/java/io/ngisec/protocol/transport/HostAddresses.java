package io.ngisec.protocol.transport;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The local addresses worth a host candidate. Thread safe. */
public final class HostAddresses {

    private HostAddresses() {
    }

    /**
     * Every address of every interface that is up, except loopback, link-local (they need a scope
     * id that does not survive signaling and never reach a peer), multicast and wildcard ones;
     * IPv4 first. Empty if the interfaces cannot be listed.
     */
    public static List<InetAddress> usable() {
        List<InetAddress> v4 = new ArrayList<>();
        List<InetAddress> v6 = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (usable(a)) {
                        (a instanceof Inet6Address ? v6 : v4).add(a);
                    }
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        v4.addAll(v6);
        return List.copyOf(v4);
    }

    static boolean usable(InetAddress a) {
        return !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isMulticastAddress() && !a.isAnyLocalAddress();
    }
}
