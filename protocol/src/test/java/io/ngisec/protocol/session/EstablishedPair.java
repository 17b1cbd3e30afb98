package io.ngisec.protocol.session;

import io.ngisec.protocol.handshake.HandshakeInitiator;
import io.ngisec.protocol.handshake.HandshakeResponder;
import io.ngisec.protocol.handshake.LocalCredentials;
import io.ngisec.protocol.handshake.TestOrganization;
import io.ngisec.protocol.transport.DatagramPath;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Alice and bob after the NGISec handshake over two connected paths, with the inboxes their sessions go on with. */
record EstablishedPair(DatagramInbox aliceInbox, DatagramInbox bobInbox, SessionHandshake.Established alice,
        SessionHandshake.Established bob) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Alice initiates on {@code pa} with a ticket for bob, bob responds on {@code pb}; waits for bob that long. */
    static EstablishedPair handshake(TestOrganization org, LocalCredentials alice, LocalCredentials bob,
            DatagramPath pa, DatagramPath pb, long waitSeconds) throws Exception {
        DatagramInbox aliceInbox = DatagramInbox.of(pa);
        DatagramInbox bobInbox = DatagramInbox.of(pb);
        CompletableFuture<SessionHandshake.Established> bobSide = SessionHandshakeTest.async(() ->
                SessionHandshake.respond(pb, bobInbox,
                        () -> new HandshakeResponder(bob, org.verifier(), 0x2222L, RANDOM, System::nanoTime),
                        SessionHandshake.Timing.DEFAULT));
        SessionHandshake.Established aliceDone = SessionHandshake.initiate(pa, aliceInbox,
                new HandshakeInitiator(alice, org.ticket(alice, bob), org.verifier(), 0x1111L, RANDOM, System::nanoTime),
                SessionHandshake.Timing.DEFAULT);
        return new EstablishedPair(aliceInbox, bobInbox, aliceDone, bobSide.get(waitSeconds, TimeUnit.SECONDS));
    }
}
