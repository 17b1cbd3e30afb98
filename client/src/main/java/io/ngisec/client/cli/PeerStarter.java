package io.ngisec.client.cli;

import io.ngisec.client.home.PeerHome;
import io.ngisec.client.peer.OnlinePeer;
import io.ngisec.client.server.ServerException;
import io.ngisec.client.session.PeerSessions;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Brings a home's device online for a command, with the settings the environment gives. */
final class PeerStarter {

    /**
     * Restricts ICE host candidates to these addresses (comma separated), e.g. 127.0.0.1 to keep
     * a test on loopback; every usable interface otherwise.
     */
    static final String HOST_ADDRESSES = "NGISEC_HOST_ADDRESSES";

    private static final Duration SIGNALING_TIMEOUT = Duration.ofSeconds(20);

    private PeerStarter() {
    }

    /** Starts the peer and waits for its signaling; a one-line failure when either does not work. */
    static OnlinePeer start(PeerHome home, OnlinePeer.Options options) throws Exception {
        OnlinePeer peer = OnlinePeer.start(home, HomeOptions.enrolled(home), options);
        try {
            peer.awaitSignaling(SIGNALING_TIMEOUT);
            return peer;
        } catch (ServerException | InterruptedException | RuntimeException e) {
            peer.close();
            throw e;
        }
    }

    static PeerSessions.Settings sessionSettings() {
        PeerSessions.Settings defaults = PeerSessions.Settings.defaults();
        return new PeerSessions.Settings(hostAddresses(), defaults.iceTimeout(), defaults.streamWindow(),
                defaults.sendBuffer());
    }

    /** The addresses of {@link #HOST_ADDRESSES}, or empty for every usable interface. */
    static List<InetAddress> hostAddresses() {
        String value = System.getenv(HOST_ADDRESSES);
        List<InetAddress> addresses = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return addresses;
        }
        for (String a : value.split(",")) {
            try {
                addresses.add(InetAddress.ofLiteral(a.strip()));
            } catch (IllegalArgumentException e) {
                throw new UsageException(HOST_ADDRESSES + ": not an IP address: " + a.strip());
            }
        }
        return addresses;
    }
}
