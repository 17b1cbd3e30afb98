package io.ngisec.client.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.client.link.PeerLink;
import io.ngisec.client.testing.TestOrg;
import io.ngisec.protocol.qos.Service;
import io.ngisec.protocol.transport.IceServers;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One device online in two processes at once (the app and a command line, or {@code call} and
 * {@code send}): the policy server delivers a signal for the device to each of its connections,
 * so each process also sees the peer's answers to the other's setups. Here both of alice's
 * session layers get everything bob signals, as the server does it.
 */
class PeerSessionsSameDeviceTest {

    private final TestOrg org = new TestOrg("Twice");
    private final EnrolledIdentity alice = org.enroll("alice");
    private final EnrolledIdentity bob = org.enroll("bob");
    private final BlockingQueue<PeerLink> bobIncoming = new LinkedBlockingQueue<>();
    private final ExecutorService wire = Executors.newSingleThreadExecutor();
    private final AtomicInteger fromTwin = new AtomicInteger();
    private PeerSessions alice1;
    private PeerSessions alice2;
    private PeerSessions bobSessions;

    @BeforeEach
    void start() throws Exception {
        PeerSessions.Settings settings = new PeerSessions.Settings(List.of(InetAddress.getLoopbackAddress()),
                Duration.ofSeconds(10), 1 << 20, 2 << 20);
        alice1 = new PeerSessions(PeerTrust.of(alice, Clock.systemUTC()),
                (to, body) -> wire.execute(() -> bobSessions.onSignal(alice.deviceId(), body)),
                (peer, services) -> org.ticket(alice, bob, TestOrg.ALL_GRANTS, 0),
                () -> IceServers.NONE, settings, link -> { });
        alice2 = new PeerSessions(PeerTrust.of(alice, Clock.systemUTC()),
                (to, body) -> {
                    fromTwin.incrementAndGet();
                    wire.execute(() -> bobSessions.onSignal(alice.deviceId(), body));
                },
                (peer, services) -> org.ticket(alice, bob, TestOrg.ALL_GRANTS, 0),
                () -> IceServers.NONE, settings, link -> { });
        bobSessions = new PeerSessions(PeerTrust.of(bob, Clock.systemUTC()),
                (to, body) -> wire.execute(() -> {
                    alice1.onSignal(bob.deviceId(), body);
                    alice2.onSignal(bob.deviceId(), body);
                }),
                (peer, services) -> org.ticket(bob, alice, TestOrg.ALL_GRANTS, 0),
                () -> IceServers.NONE, settings, bobIncoming::add);
    }

    @AfterEach
    void stop() {
        alice1.close();
        alice2.close();
        bobSessions.close();
        wire.shutdownNow();
    }

    @Test
    void theOtherProcessIgnoresAnswersToASetupItDidNotStart() throws Exception {
        PeerLink a = alice1.connect(bob.deviceId(), Set.of(Service.CHAT));
        PeerLink b = bobIncoming.poll(15, TimeUnit.SECONDS);

        assertThat(b).isNotNull();
        a.sendControl("{\"type\":\"chat.message\",\"text\":\"hi\"}");
        assertThat(b.receiveControl(Duration.ofSeconds(5))).contains("{\"type\":\"chat.message\",\"text\":\"hi\"}");
        assertThat(fromTwin.get()).as("signals the twin sent").isZero();
        assertThat(alice2.links()).isEmpty();
    }
}
