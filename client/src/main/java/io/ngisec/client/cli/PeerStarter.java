package io.ngisec.client.cli;

import io.ngisec.client.home.PeerHome;
import io.ngisec.client.link.PeerLink;
import io.ngisec.client.peer.OnlinePeer;
import io.ngisec.client.peer.PeerUnavailableException;
import io.ngisec.client.server.DirectoryEntry;
import io.ngisec.client.server.ServerException;
import io.ngisec.client.session.PeerSessions;
import io.ngisec.client.session.SessionSetupException;
import io.ngisec.protocol.qos.Service;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    /** The online device of {@code user}: an unknown user is bad input (exit 2), an offline one a failure (exit 1). */
    static DirectoryEntry device(OnlinePeer peer, String user) throws ServerException {
        return device(peer, user, "");
    }

    /** {@link #device(OnlinePeer, String)} with {@code offlineHint} added to the offline message. */
    static DirectoryEntry device(OnlinePeer peer, String user, String offlineHint) throws ServerException {
        try {
            return peer.resolve(user);
        } catch (PeerUnavailableException e) {
            if (e.unknown()) {
                throw new UsageException(e.getMessage());
            }
            throw new CommandFailure(e.getMessage() + offlineHint);
        }
    }

    /** A link to {@code device} for {@code services}; a setup failure (denied, no path, ...) is one line, exit 1. */
    static PeerLink connect(OnlinePeer peer, DirectoryEntry device, Set<Service> services) throws InterruptedException {
        try {
            return peer.connect(device.deviceId(), services);
        } catch (SessionSetupException e) {
            throw new CommandFailure(e.getMessage());
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
