package io.ngisec.client.testing;

import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.client.link.PeerLink;
import io.ngisec.client.session.PeerSessions;
import io.ngisec.client.session.PeerTrust;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import io.ngisec.protocol.transport.IceServers;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Two devices of one {@link TestOrg} with real NGISec sessions between them over loopback (ICE,
 * handshake, record layer), their signals handed across in memory: for tests of what runs over a
 * {@link PeerLink} that want the real thing rather than an in-memory pair.
 */
public final class LoopbackLinks implements AutoCloseable {

    /** Alice's end (the initiator) and Bob's end of one session. */
    public record Pair(PeerLink alice, PeerLink bob) {
    }

    private final TestOrg org = new TestOrg("Loopback");
    public final EnrolledIdentity alice = org.enroll("alice");
    public final EnrolledIdentity bob = org.enroll("bob");
    private final BlockingQueue<PeerLink> bobIncoming = new LinkedBlockingQueue<>();
    private final ExecutorService wire = Executors.newSingleThreadExecutor();
    private final PeerSessions aliceSessions;
    private final PeerSessions bobSessions;

    public LoopbackLinks(Map<Service, QosClass> grants, long maxFileSize) throws Exception {
        PeerSessions.Settings settings = new PeerSessions.Settings(List.of(InetAddress.getLoopbackAddress()),
                Duration.ofSeconds(10), 1 << 20, 2 << 20);
        PeerSessions[] bobRef = new PeerSessions[1];
        aliceSessions = new PeerSessions(PeerTrust.of(alice, Clock.systemUTC()),
                (to, body) -> wire.execute(() -> bobRef[0].onSignal(alice.deviceId(), body)),
                (peer, services) -> org.ticket(alice, bob, grants, maxFileSize),
                () -> IceServers.NONE, settings, link -> { });
        bobSessions = new PeerSessions(PeerTrust.of(bob, Clock.systemUTC()),
                (to, body) -> wire.execute(() -> aliceSessions.onSignal(bob.deviceId(), body)),
                (peer, services) -> org.ticket(bob, alice, grants, maxFileSize),
                () -> IceServers.NONE, settings, bobIncoming::add);
        bobRef[0] = bobSessions;
    }

    /** A new session from Alice to Bob. */
    public Pair connect() throws Exception {
        PeerLink a = aliceSessions.connect(bob.deviceId(), Set.of(Service.FILE, Service.CHAT));
        PeerLink b = bobIncoming.poll(15, TimeUnit.SECONDS);
        if (b == null) {
            throw new IllegalStateException("Bob never saw the session");
        }
        return new Pair(a, b);
    }

    @Override
    public void close() {
        aliceSessions.close();
        bobSessions.close();
        wire.shutdownNow();
    }
}
