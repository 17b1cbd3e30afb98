package io.ngisec.client.call;

import static io.ngisec.client.call.RecordingCallListener.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.client.link.LinkDispatcher;
import io.ngisec.client.link.LinkGrants;
import io.ngisec.client.link.MemoryLinkPair;
import io.ngisec.client.link.PeerInfo;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallManagerTest {

    private static final LinkGrants NO_CALLS = new LinkGrants(Map.of(Service.CHAT, QosClass.INTERACTIVE), OptionalLong.empty());

    private CallDuo duo;

    @AfterEach
    void close() {
        if (duo != null) {
            duo.close();
        }
    }

    @Test
    void aSubscriberGetsStatisticsWhileTheCallIsOnAndOnceMoreWhenItEnds() throws Exception {
        duo = new CallDuo();
        Call out = duo.alice.dial(duo.pair.a());
        duo.bobHears.nextIncoming().accept();
        assertThat(out.awaitActive(WAIT)).isTrue();
        java.util.concurrent.LinkedBlockingQueue<CallStats> updates = new java.util.concurrent.LinkedBlockingQueue<>();
        out.subscribe(java.time.Duration.ofMillis(20), updates::add);

        assertThat(updates.poll(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(FakeMediaStarter.STATS);
        assertThat(updates.poll(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(FakeMediaStarter.STATS);
        out.hangUp();
        out.awaitEnd(WAIT);
        Thread.sleep(100);
        updates.clear();
        Thread.sleep(100);
        assertThat(updates).as("no updates after the end").isEmpty();
    }

    @Test
    void anAnsweredCallRunsMediaOnBothSidesUntilTheCallerHangsUp() throws Exception {
        duo = new CallDuo();
        Call out = duo.alice.dial(duo.pair.a());
        assertThat(out.id()).matches("[0-9a-f]{16}");
        assertThat(out.outgoing()).isTrue();
        assertThat(out.peer().user()).isEqualTo("bob");
        IncomingCall ring = duo.bobHears.nextIncoming();
        assertThat(ring.peer()).isEqualTo(duo.aliceInfo);
        assertThat(ring.call().id()).isEqualTo(out.id());
        assertThat(ring.call().state()).isEqualTo(CallState.RINGING);

        Call in = ring.accept();
        assertThat(out.awaitActive(WAIT)).isTrue();
        assertThat(in.awaitActive(WAIT)).isTrue();
        assertThat(duo.aliceMedia.started).singleElement().extracting(m -> m.callId).isEqualTo(out.id());
        assertThat(duo.bobMedia.started).singleElement().extracting(m -> m.callId).isEqualTo(out.id());
        assertThat(out.media()).containsSame(duo.aliceMedia.started.getFirst());
        assertThat(out.stats()).contains(FakeMediaStarter.STATS);
        assertThat(out.startedAt()).isPresent();

        out.hangUp();
        out.hangUp();
        assertThat(out.awaitEnd(WAIT)).contains(new CallEnd(CallEndReason.HUNG_UP, false, "you hung up"));
        assertThat(in.awaitEnd(WAIT)).contains(new CallEnd(CallEndReason.HUNG_UP, true, "alice hung up"));
        assertThat(duo.aliceMedia.started.getFirst().closes).hasValue(1);
        assertThat(duo.bobMedia.started.getFirst().closes).hasValue(1);
        assertThat(out.state()).isEqualTo(CallState.ENDED);
        assertThat(out.media()).isEmpty();
        assertThat(out.stats()).as("the last statistics stay").contains(FakeMediaStarter.STATS);
        assertThat(duo.alice.current()).isEmpty();
        assertThat(duo.bob.current()).isEmpty();

        duo.aliceHears.nextEnded();
        duo.bobHears.nextEnded();
        assertThat(duo.aliceHears.kinds()).containsExactly("Ringing", "Started", "Ended");
        assertThat(duo.bobHears.kinds()).containsExactly("Incoming", "Started", "Ended");
    }

    @Test
    void theCalleeHangsUpAndTheCallerCanCallAgain() throws Exception {
        duo = new CallDuo();
        Call[] calls = duo.talking();

        calls[1].hangUp();
        assertThat(calls[1].awaitEnd(WAIT)).contains(new CallEnd(CallEndReason.HUNG_UP, false, "you hung up"));
        assertThat(calls[0].awaitEnd(WAIT)).contains(new CallEnd(CallEndReason.HUNG_UP, true, "bob hung up"));
        assertThat(duo.aliceMedia.allClosedOnce(WAIT)).isTrue();
        assertThat(duo.bobMedia.allClosedOnce(WAIT)).isTrue();

        Call again = duo.alice.dial(duo.pair.a());
        assertThat(again.id()).isNotEqualTo(calls[0].id());
        assertThat(duo.bobHears.nextIncoming().call().id()).isEqualTo(again.id());
    }

    @Test
    void bothHangingUpAtOnceEndsEachSideOnceWithItsMediaClosedOnce() throws Exception {
        duo = new CallDuo();
        Call[] calls = duo.talking();

        Thread other = Thread.ofVirtual().start(calls[1]::hangUp);
        calls[0].hangUp();
        other.join();
        assertThat(calls[0].awaitEnd(WAIT)).hasValueSatisfying(e -> assertThat(e.reason()).isEqualTo(CallEndReason.HUNG_UP));
        assertThat(calls[1].awaitEnd(WAIT)).hasValueSatisfying(e -> assertThat(e.reason()).isEqualTo(CallEndReason.HUNG_UP));
        assertThat(duo.aliceMedia.allClosedOnce(WAIT)).isTrue();
        assertThat(duo.bobMedia.allClosedOnce(WAIT)).isTrue();
    }

    @Test
    void aDeclinedCallTellsTheCallerWhy() throws Exception {
        duo = new CallDuo();
        Call out = duo.alice.dial(duo.pair.a());
        IncomingCall ring = duo.bobHears.nextIncoming();

        ring.decline("in a meeting");
        assertThat(out.awaitEnd(WAIT)).contains(new CallEnd(CallEndReason.DECLINED, true, "bob declined the call: in a meeting"));
        assertThat(ring.call().awaitEnd(WAIT))
                .contains(new CallEnd(CallEndReason.DECLINED, false, "you declined the call from alice: in a meeting"));
        assertThat(out.awaitActive(WAIT)).isFalse();
        assertThatThrownBy(ring::accept).isInstanceOf(CallException.class)
                .hasMessage("you declined the call from alice: in a meeting");
        assertThat(duo.aliceMedia.attempts).hasValue(0);
        assertThat(duo.bobMedia.attempts).hasValue(0);
    }

    @Test
    void aListenerThatDoesNotTakeCallsDeclinesThem() throws Exception {
        CallManager alice = new CallManager(new FakeMediaStarter(), CallListener.NONE);
        CallManager bob = new CallManager(new FakeMediaStarter(), CallListener.NONE);
        MemoryLinkPair pair = new MemoryLinkPair(MemoryLinkPair.peer("alice"), MemoryLinkPair.peer("bob"), MemoryLinkPair.ALL);
        try {
            LinkDispatcher.start(pair.a(), List.of(alice));
            LinkDispatcher.start(pair.b(), List.of(bob));
            assertThat(alice.dial(pair.a()).awaitEnd(WAIT))
                    .contains(new CallEnd(CallEndReason.DECLINED, true, "bob declined the call: not accepting calls"));
        } finally {
            pair.kill("test over");
        }
    }

    @Test
    void awaitEndReturnsOnlyOnceTheListenerHasHeardTheEnd() throws Exception {
        // A command exits when awaitEnd returns: the end's line (and its call log row) must be out
        // by then, however long the listener takes to write it.
        List<CallEvent> heard = new CopyOnWriteArrayList<>();
        CallListener slow = new CallListener() {
            @Override
            public void onEvent(CallEvent event) {
                if (event instanceof CallEvent.Ended) {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                heard.add(event);
            }
        };
        CallManager alice = new CallManager(new FakeMediaStarter(), slow);
        CallManager bob = new CallManager(new FakeMediaStarter(), CallListener.NONE);
        MemoryLinkPair pair = new MemoryLinkPair(MemoryLinkPair.peer("alice"), MemoryLinkPair.peer("bob"), MemoryLinkPair.ALL);
        try {
            LinkDispatcher.start(pair.a(), List.of(alice));
            LinkDispatcher.start(pair.b(), List.of(bob));
            assertThat(alice.dial(pair.a()).awaitEnd(WAIT)).isPresent();
            assertThat(heard).last().isInstanceOf(CallEvent.Ended.class);
        } finally {
            pair.kill("test over");
        }
    }

    @Test
    void aSecondCallerHearsBusyAndTheCallGoesOn() throws Exception {
        duo = new CallDuo();
        Call[] calls = duo.talking();
        PeerInfo carol = MemoryLinkPair.peer("carol");
        CallManager carolCalls = new CallManager(new FakeMediaStarter(), new RecordingCallListener(), CallDuo.LONG);
        MemoryLinkPair carolPair = new MemoryLinkPair(carol, duo.bobInfo, MemoryLinkPair.ALL);
        try {
            LinkDispatcher.start(carolPair.a(), List.of(carolCalls));
            LinkDispatcher.start(carolPair.b(), List.of(duo.bob));

            Call toBob = carolCalls.dial(carolPair.a());
            assertThat(toBob.awaitEnd(WAIT)).contains(new CallEnd(CallEndReason.BUSY, true, "bob is busy"));
            CallEvent.Ended missed = duo.bobHears.nextEnded();
            assertThat(missed.call().peer()).isEqualTo(carol);
            assertThat(missed.end()).isEqualTo(new CallEnd(CallEndReason.BUSY, false, "missed call from carol: you were in a call with alice"));
            assertThatThrownBy(() -> duo.bob.dial(carolPair.b())).isInstanceOf(CallException.class)
                    .hasMessage("already in a call with alice")
                    .satisfies(e -> assertThat(((CallException) e).reason()).isEqualTo(CallEndReason.BUSY));
            assertThat(calls[0].state()).isEqualTo(CallState.ACTIVE);
            assertThat(calls[1].state()).isEqualTo(CallState.ACTIVE);
            assertThat(duo.bob.current()).containsSame(calls[1]);
        } finally {
            carolPair.kill("test over");
        }
    }

    @Test
    void theCallerCancelsWhileItRings() throws Exception {
        duo = new CallDuo();
        Call out = duo.alice.dial(duo.pair.a());
        IncomingCall ring = duo.bobHears.nextIncoming();

        out.hangUp();
        assertThat(out.awaitEnd(WAIT)).contains(new CallEnd(CallEndReason.CANCELLED, false, "you cancelled the call"));
        assertThat(ring.call().awaitEnd(WAIT)).contains(new CallEnd(CallEndReason.CANCELLED, true, "alice cancelled the call"));
        assertThatThrownBy(ring::accept).isInstanceOf(CallException.class).hasMessage("alice cancelled the call");
        assertThat(duo.bobMedia.attempts).hasValue(0);
    }

    @Test
    void theCallerStopsRingingAfterItsTimeoutAndTheCalleeSeesAMissedCall() throws Exception {
        duo = new CallDuo(Duration.ofMillis(200), CallDuo.LONG, MemoryLinkPair.ALL, MemoryLinkPair.ALL);
        Call out = duo.alice.dial(duo.pair.a());
        IncomingCall ring = duo.bobHears.nextIncoming();

        assertThat(out.awaitEnd(WAIT)).contains(new CallEnd(CallEndReason.NO_ANSWER, false, "no answer from bob after 0.2 s"));
        assertThat(ring.call().awaitEnd(WAIT)).contains(new CallEnd(CallEndReason.NO_ANSWER, true, "missed call from alice"));
    }

    @Test
    void theCalleeStopsRingingAfterItsTimeoutAndTheCallerHearsNoAnswer() throws Exception {
        duo = new CallDuo(CallDuo.LONG, Duration.ofMillis(200), MemoryLinkPair.ALL, MemoryLinkPair.ALL);
        Call out = duo.alice.dial(duo.pair.a());
        IncomingCall ring = duo.bobHears.nextIncoming();

        assertThat(ring.call().awaitEnd(WAIT)).contains(new CallEnd(CallEndReason.NO_ANSWER, false, "missed call from alice"));
        assertThat(out.awaitEnd(WAIT)).contains(new CallEnd(CallEndReason.NO_ANSWER, true, "no answer from bob"));
        assertThatThrownBy(ring::accept).isInstanceOf(CallException.class).hasMessage("missed call from alice");
    }

    @Test
    void aLinkLostDuringTheCallEndsItOnBothSides() throws Exception {
        duo = new CallDuo();
        Call[] calls = duo.talking();

        duo.pair.kill("network gone");
        assertThat(calls[0].awaitEnd(WAIT)).contains(new CallEnd(CallEndReason.CONNECTION_LOST, false, "call with bob lost: network gone"));
        assertThat(calls[1].awaitEnd(WAIT)).contains(new CallEnd(CallEndReason.CONNECTION_LOST, false, "call with alice lost: network gone"));
        assertThat(duo.aliceMedia.allClosedOnce(WAIT)).isTrue();
        assertThat(duo.bobMedia.allClosedOnce(WAIT)).isTrue();
        assertThat(duo.aliceLink.awaitDown(WAIT)).isTrue();
        assertThatThrownBy(() -> duo.alice.dial(duo.pair.a())).isInstanceOf(CallException.class)
                .hasMessage("bob is not connected; calls need both peers online");
    }

    @Test
    void aLinkLostWhileItRingsEndsItOnBothSides() throws Exception {
        duo = new CallDuo();
        Call out = duo.alice.dial(duo.pair.a());
        IncomingCall ring = duo.bobHears.nextIncoming();

        duo.pair.kill("network gone");
        assertThat(out.awaitEnd(WAIT)).contains(new CallEnd(CallEndReason.CONNECTION_LOST, false, "call with bob lost: network gone"));
        assertThat(ring.call().awaitEnd(WAIT))
                .contains(new CallEnd(CallEndReason.CONNECTION_LOST, false, "call with alice lost: network gone"));
    }

    @Test
    void withoutACallGrantNoCallIsPlaced() throws Exception {
        duo = new CallDuo(CallDuo.LONG, CallDuo.LONG, NO_CALLS, NO_CALLS);
        assertThatThrownBy(() -> duo.alice.dial(duo.pair.a())).isInstanceOf(CallException.class)
                .hasMessage("the policy does not allow calls with bob")
                .satisfies(e -> assertThat(((CallException) e).reason()).isEqualTo(CallEndReason.NOT_ALLOWED));
        assertThat(duo.alice.current()).isEmpty();
    }

    @Test
    void aCalleeWhoseTicketLacksCallsRefusesTheRing() throws Exception {
        duo = new CallDuo(CallDuo.LONG, CallDuo.LONG, MemoryLinkPair.ALL, NO_CALLS);
        Call out = duo.alice.dial(duo.pair.a());

        assertThat(out.awaitEnd(WAIT)).contains(new CallEnd(CallEndReason.NOT_ALLOWED, true, "the policy does not allow calls with bob"));
        CallEvent.Ended refused = duo.bobHears.nextEnded();
        assertThat(refused.end()).isEqualTo(new CallEnd(CallEndReason.NOT_ALLOWED, false,
                "refused a call from alice: the policy does not allow calls with alice"));
        assertThat(duo.bobHears.incoming).isEmpty();
        assertThat(duo.bob.current()).isEmpty();
    }

    @Test
    void mediaThatCannotStartOnTheCalleeFailsTheCallOnBothSides() throws Exception {
        duo = new CallDuo();
        duo.bobMedia.failWith("no audio output device available");
        Call out = duo.alice.dial(duo.pair.a());
        Call in = duo.bobHears.nextIncoming().accept();

        assertThat(in.awaitEnd(WAIT)).contains(new CallEnd(CallEndReason.FAILED, false, "call failed: no audio output device available"));
        assertThat(out.awaitEnd(WAIT))
                .contains(new CallEnd(CallEndReason.FAILED, true, "call failed on bob's side: no audio output device available"));
        assertThat(in.awaitActive(WAIT)).isFalse();
        assertThat(duo.bobMedia.attempts).hasValue(1);
        assertThat(duo.aliceMedia.allClosedOnce(WAIT)).isTrue();
    }
}
