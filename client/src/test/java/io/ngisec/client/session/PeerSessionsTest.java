package io.ngisec.client.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.client.link.PeerLink;
import io.ngisec.client.testing.TestOrg;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import io.ngisec.protocol.transport.IceServers;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two devices' session layers in one JVM: signals handed across in memory, ICE and NGISec over loopback. */
class PeerSessionsTest {

    private final TestOrg org = new TestOrg("Sessions");
    private final EnrolledIdentity alice = org.enroll("alice");
    private final EnrolledIdentity bob = org.enroll("bob");
    private final BlockingQueue<PeerLink> bobIncoming = new LinkedBlockingQueue<>();
    private final java.util.concurrent.ExecutorService wire = Executors.newSingleThreadExecutor();
    private Map<Service, QosClass> grants = TestOrg.ALL_GRANTS;
    private PeerSessions aliceSessions;
    private PeerSessions bobSessions;

    @BeforeEach
    void start() throws Exception {
        PeerSessions.Settings settings = new PeerSessions.Settings(List.of(InetAddress.getLoopbackAddress()),
                Duration.ofSeconds(10), 1 << 20, 2 << 20);
        aliceSessions = new PeerSessions(PeerTrust.of(alice, Clock.systemUTC()),
                (to, body) -> deliver(() -> bobSessions.onSignal(alice.deviceId(), body)),
                (peer, services) -> {
                    if (services.contains(Service.CALL)) {
                        throw new SessionSetupException(SessionSetupException.Reason.DENIED, "denied by rule 'no calls'");
                    }
                    return org.ticket(alice, bob, grants, 0);
                },
                () -> IceServers.NONE, settings, link -> { });
        bobSessions = new PeerSessions(PeerTrust.of(bob, Clock.systemUTC()),
                (to, body) -> deliver(() -> aliceSessions.onSignal(bob.deviceId(), body)),
                (peer, services) -> org.ticket(bob, alice, grants, 0),
                () -> IceServers.NONE, settings, bobIncoming::add);
    }

    @AfterEach
    void stop() {
        aliceSessions.close();
        bobSessions.close();
        wire.shutdownNow();
    }

    @Test
    void connectsAndCarriesControlMessagesAndDataBothWays() throws Exception {
        PeerLink a = aliceSessions.connect(bob.deviceId(), Set.of(Service.FILE, Service.CHAT));
        PeerLink b = bobIncoming.poll(15, TimeUnit.SECONDS);
        assertThat(b).isNotNull();
        assertThat(a.peer().user()).isEqualTo("bob");
        assertThat(b.peer().user()).isEqualTo("alice");
        assertThat(b.peer().deviceId()).isEqualTo(alice.deviceId());
        assertThat(a.initiator()).isTrue();
        assertThat(b.initiator()).isFalse();
        assertThat(b.grants().allows(Service.FILE)).isTrue();

        a.sendControl("{\"type\":\"chat.message\",\"text\":\"hi\"}");
        assertThat(b.receiveControl(Duration.ofSeconds(5))).contains("{\"type\":\"chat.message\",\"text\":\"hi\"}");
        b.sendControl("{\"type\":\"chat.receipt\"}");
        assertThat(a.receiveControl(Duration.ofSeconds(5))).contains("{\"type\":\"chat.receipt\"}");

        byte[] data = new byte[3 << 20];
        new Random(7).nextBytes(data);
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                a.writeData(ByteBuffer.wrap(data));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        for (long got = 0; got < data.length; ) {
            int n = b.readData(buffer.clear());
            digest.update(buffer.array(), 0, n);
            got += n;
        }
        writer.join(10_000);
        assertThat(digest.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));

        a.close();
        assertThat(a.closed()).isPresent();
        awaitClosed(b);
        assertThat(aliceSessions.links()).isEmpty();
    }

    @Test
    void aDeniedTicketFailsWithThePolicysRule() {
        assertThatThrownBy(() -> aliceSessions.connect(bob.deviceId(), Set.of(Service.CALL)))
                .isInstanceOf(SessionSetupException.class)
                .hasMessageContaining("no calls")
                .extracting(e -> ((SessionSetupException) e).reason()).isEqualTo(SessionSetupException.Reason.DENIED);
    }

    @Test
    void aRevokedPeersLinkEndsAndNoNewSessionIsAccepted() throws Exception {
        PeerLink a = aliceSessions.connect(bob.deviceId(), Set.of(Service.CHAT));
        PeerLink b = bobIncoming.poll(15, TimeUnit.SECONDS);
        bobSessions.onRevoked(alice.deviceId());
        assertThat(b.closed()).hasValueSatisfying(why -> assertThat(why).contains("revoked"));
        awaitClosed(a);
        // Alice finishes her side of XX before Bob has seen her certificate, so her connect may
        // return; Bob's refusal then ends the link at once. Either way nothing stays open.
        try {
            PeerLink again = aliceSessions.connect(bob.deviceId(), Set.of(Service.CHAT));
            awaitClosed(again);
            assertThat(again.closed()).hasValueSatisfying(why -> assertThat(why).contains("refused"));
        } catch (SessionSetupException e) {
            assertThat(e.reason()).isEqualTo(SessionSetupException.Reason.HANDSHAKE);
        }
        assertThat(bobIncoming.poll(1, TimeUnit.SECONDS)).isNull();
        assertThat(aliceSessions.links()).isEmpty();
    }

    @Test
    void aSetupToAnOfflinePeerFailsAtOnceWhenTheServerSaysSo() throws Exception {
        DeviceId nobody = org.enroll("carol").deviceId();
        PeerSessions lonely = new PeerSessions(PeerTrust.of(alice, Clock.systemUTC()),
                (to, body) -> deliver(() -> { }), (peer, services) -> org.ticket(alice, bob, grants, 0),
                () -> IceServers.NONE, PeerSessions.Settings.defaults(), link -> { });
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            lonely.onPeerOffline(nobody);
        });
        assertThatThrownBy(() -> lonely.connect(nobody, Set.of(Service.CHAT)))
                .isInstanceOf(SessionSetupException.class)
                .hasMessageContaining("offline")
                .extracting(e -> ((SessionSetupException) e).reason()).isEqualTo(SessionSetupException.Reason.OFFLINE);
        lonely.close();
    }

    @Test
    void malformedSignalsAreIgnored() {
        bobSessions.onSignal(alice.deviceId(), "not json");
        bobSessions.onSignal(alice.deviceId(), "{\"s\":\"zz\",\"r\":\"i\",\"k\":\"ice\",\"d\":{}}");
        bobSessions.onSignal(alice.deviceId(), "{\"s\":\"0123456789abcdef\",\"r\":\"i\",\"k\":\"what\",\"d\":{}}");
        assertThat(bobSessions.links()).isEmpty();
    }

    private void deliver(Runnable r) {
        wire.execute(r);
    }

    private static void awaitClosed(PeerLink link) throws InterruptedException {
        for (int i = 0; i < 100 && link.closed().isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertThat(link.closed()).isPresent();
    }
}
