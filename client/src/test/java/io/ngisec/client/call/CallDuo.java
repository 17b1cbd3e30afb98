package io.ngisec.client.call;

import io.ngisec.client.link.LinkDispatcher;
import io.ngisec.client.link.LinkGrants;
import io.ngisec.client.link.MemoryLinkPair;
import io.ngisec.client.link.PeerInfo;
import java.time.Duration;
import java.util.List;

/** Alice and bob, each with a call manager, fake media and a recording listener, over one memory link. */
final class CallDuo implements AutoCloseable {

    /** A ring timeout no test waits for. */
    static final Duration LONG = Duration.ofMinutes(5);

    final PeerInfo aliceInfo = MemoryLinkPair.peer("alice");
    final PeerInfo bobInfo = MemoryLinkPair.peer("bob");
    final FakeMediaStarter aliceMedia = new FakeMediaStarter();
    final FakeMediaStarter bobMedia = new FakeMediaStarter();
    final RecordingCallListener aliceHears = new RecordingCallListener();
    final RecordingCallListener bobHears = new RecordingCallListener();
    final CallManager alice;
    final CallManager bob;
    final MemoryLinkPair pair;
    final LinkDispatcher aliceLink;
    final LinkDispatcher bobLink;

    CallDuo(Duration aliceRing, Duration bobRing, LinkGrants aliceGrants, LinkGrants bobGrants) {
        alice = new CallManager(aliceMedia, aliceHears, aliceRing);
        bob = new CallManager(bobMedia, bobHears, bobRing);
        pair = new MemoryLinkPair(aliceInfo, bobInfo, aliceGrants, bobGrants);
        aliceLink = LinkDispatcher.start(pair.a(), List.of(alice));
        bobLink = LinkDispatcher.start(pair.b(), List.of(bob));
    }

    CallDuo() {
        this(LONG, LONG, MemoryLinkPair.ALL, MemoryLinkPair.ALL);
    }

    /** Alice calls bob, bob answers: both calls, ACTIVE. */
    Call[] talking() throws Exception {
        Call out = alice.dial(pair.a());
        Call in = bobHears.nextIncoming().accept();
        if (!out.awaitActive(RecordingCallListener.WAIT) || !in.awaitActive(RecordingCallListener.WAIT)) {
            throw new AssertionError("the call did not start: " + out + ", " + in);
        }
        return new Call[] {out, in};
    }

    @Override
    public void close() {
        pair.kill("test over");
    }
}
