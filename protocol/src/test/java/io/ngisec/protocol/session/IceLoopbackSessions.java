package io.ngisec.protocol.session;

import io.ngisec.protocol.handshake.LocalCredentials;
import io.ngisec.protocol.handshake.TestOrganization;
import io.ngisec.protocol.transport.DatagramPath;
import io.ngisec.protocol.transport.IceRole;
import io.ngisec.protocol.transport.IceSettings;
import io.ngisec.protocol.transport.IceTransport;
import io.ngisec.protocol.transport.InMemorySignaling;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Alice and bob in this JVM: two ICE agents connected over loopback host candidates, the NGISec
 * handshake with test certificates and a ticket, and a {@link UdpSession} on each side. Each
 * ICE path can be wrapped (a lossy shim) before the handshake runs on it. Closes everything it
 * opened.
 */
final class IceLoopbackSessions implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    final LocalCredentials aliceCredentials;
    final LocalCredentials bobCredentials;
    final EstablishedPair established;
    final UdpSession alice;
    final UdpSession bob;
    private final InMemorySignaling[] signaling;
    private final IceTransport aliceTransport;
    private final IceTransport bobTransport;

    private IceLoopbackSessions(SessionConfig config, UnaryOperator<DatagramPath> wrap) throws Exception {
        TestOrganization org = new TestOrganization("Acme");
        aliceCredentials = org.enroll("alice");
        bobCredentials = org.enroll("bob");
        signaling = InMemorySignaling.pair();
        aliceTransport = new IceTransport(IceSettings.loopback(IceRole.CONTROLLING, CONNECT_TIMEOUT), signaling[0]);
        bobTransport = new IceTransport(IceSettings.loopback(IceRole.CONTROLLED, CONNECT_TIMEOUT), signaling[1]);
        UdpSession a = null;
        try {
            CompletableFuture<DatagramPath> fa = aliceTransport.connect();
            CompletableFuture<DatagramPath> fb = bobTransport.connect();
            DatagramPath pa = wrap.apply(fa.get(15, TimeUnit.SECONDS));
            DatagramPath pb = wrap.apply(fb.get(15, TimeUnit.SECONDS));
            established = EstablishedPair.handshake(org, aliceCredentials, bobCredentials, pa, pb, 10);
            a = UdpSession.start(pa, established.aliceInbox(), established.alice(), config, new SplittableRandom(1));
            bob = UdpSession.start(pb, established.bobInbox(), established.bob(), config, new SplittableRandom(2));
            alice = a;
        } catch (Exception | Error e) {
            if (a != null) {
                a.close();
            }
            closeTransports();
            throw e;
        }
    }

    /** Connects, shakes hands over the paths {@code wrap} makes of the ICE paths, and starts both sessions. */
    static IceLoopbackSessions open(SessionConfig config, UnaryOperator<DatagramPath> wrap) throws Exception {
        return new IceLoopbackSessions(config, wrap);
    }

    @Override
    public void close() {
        try {
            alice.close();
            bob.close();
        } finally {
            closeTransports();
        }
    }

    private void closeTransports() {
        try (aliceTransport; bobTransport) {
            signaling[0].close();
        }
    }
}
