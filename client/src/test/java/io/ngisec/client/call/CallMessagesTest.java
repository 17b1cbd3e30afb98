package io.ngisec.client.call;

import static io.ngisec.client.call.RecordingCallListener.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngisec.client.link.ControlJson;
import io.ngisec.client.link.ControlMessage;
import io.ngisec.client.link.LinkDispatcher;
import io.ngisec.client.link.MalformedControlException;
import io.ngisec.client.link.MemoryLinkPair;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The call messages as a peer may send them: routed, ignored, refused or malformed. */
class CallMessagesTest {

    private final MemoryLinkPair pair = new MemoryLinkPair(MemoryLinkPair.peer("alice"), MemoryLinkPair.peer("bob"), MemoryLinkPair.ALL);
    private final FakeMediaStarter bobMedia = new FakeMediaStarter();
    private final RecordingCallListener bobHears = new RecordingCallListener();
    private final CallManager bob = new CallManager(bobMedia, bobHears, CallDuo.LONG);

    @AfterEach
    void close() {
        pair.kill("test over");
        bob.linkDown(pair.b(), "test over"); // ends a call of a test that ran no dispatcher, with its ring timer
    }

    @Test
    void mediaMessagesReachTheMediaOfTheirCallOnly() throws Exception {
        try (CallDuo duo = new CallDuo()) {
            Call[] calls = duo.talking();
            String id = calls[0].id();
            // From alice's raw end, as alice's media would send; the channel keeps their order.
            duo.pair.a().sendControl("{\"type\":\"call.media.report\",\"id\":\"0123abcd\",\"n\":1}");
            duo.pair.a().sendControl("{\"type\":\"call.media.report\",\"id\":\"NOT-HEX\",\"n\":2}");
            duo.pair.a().sendControl("{\"type\":\"call.media.report\",\"id\":\"" + id + "\",\"n\":3}");

            FakeMediaStarter.FakeMedia bobsMedia = duo.bobMedia.started.getFirst();
            ControlMessage routed = bobsMedia.controls.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(routed).isNotNull();
            assertThat(routed.body().get("n").intValue()).isEqualTo(3);
            assertThat(bobsMedia.controls).isEmpty();
            assertThat(duo.bobLink.stats().malformed()).isEqualTo(1);
            assertThat(duo.aliceMedia.started.getFirst().controls).isEmpty();
        }
    }

    @Test
    void aRepeatedRingIsAnsweredOnceAndAnotherRingWhileRingingIsBusy() throws Exception {
        LinkDispatcher.start(pair.b(), List.of(bob));
        pair.a().sendControl(ring("aa01", CallWire.CODEC));
        pair.a().sendControl(ring("aa01", CallWire.CODEC));
        pair.a().sendControl(ring("bb02", CallWire.CODEC));

        // Had the repeat been taken as a new call, a busy for aa01 would come before bb02's.
        assertThat(reply()).isEqualTo("call.ringing aa01");
        assertThat(reply()).isEqualTo("call.busy bb02");
        assertThat(bobHears.nextIncoming().call().id()).isEqualTo("aa01");
        assertThat(bobHears.incoming).isEmpty();
    }

    @Test
    void aRingWithAnotherCodecIsRefused() throws Exception {
        LinkDispatcher.start(pair.b(), List.of(bob));
        pair.a().sendControl(ring("cc03", "pcmu/8000/1"));

        assertThat(reply()).isEqualTo("call.decline cc03 failed unsupported codec pcmu/8000/1");
        assertThat(bobHears.nextEnded().end())
                .isEqualTo(new CallEnd(CallEndReason.FAILED, false, "refused a call from alice: unsupported codec pcmu/8000/1"));
    }

    @Test
    void anUnknownCallTypeIsNotHandledAndMessagesOfUnknownCallsAreIgnored() throws Exception {
        bob.linkUp(pair.b());
        assertThat(bob.onControl(pair.b(), ControlJson.parse("{\"type\":\"call.transfer\",\"id\":\"aa\"}"))).isFalse();
        for (String json : List.of("{\"type\":\"call.accept\",\"id\":\"aa\"}", "{\"type\":\"call.hangup\",\"id\":\"aa\",\"reason\":\"hung-up\",\"detail\":\"\"}",
                "{\"type\":\"call.media.x\",\"id\":\"aa\"}", "{\"type\":\"call.cancel\",\"id\":\"aa\",\"reason\":\"later-version\"}")) {
            assertThat(bob.onControl(pair.b(), ControlJson.parse(json))).as(json).isTrue();
        }
        assertThat(bob.current()).isEmpty();
        assertThat(bobHears.events).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"call.ring\",\"id\":\"aa\"}",
        "{\"type\":\"call.ring\",\"id\":\"AA\",\"codec\":\"opus/48000/1\"}",
        "{\"type\":\"call.ring\",\"id\":\"\",\"codec\":\"opus/48000/1\"}",
        "{\"type\":\"call.ring\",\"id\":\"aag\",\"codec\":\"opus/48000/1\"}",
        "{\"type\":\"call.ring\",\"id\":null,\"codec\":\"opus/48000/1\"}",
        "{\"type\":\"call.ring\",\"id\":\"aa\",\"codec\":\"opus 48000\"}",
        "{\"type\":\"call.ringing\",\"id\":[\"aa\"]}",
        "{\"type\":\"call.accept\"}",
        "{\"type\":\"call.decline\",\"id\":\"aa\",\"reason\":\"Declined!\",\"detail\":\"\"}",
        "{\"type\":\"call.decline\",\"id\":\"aa\",\"reason\":\"declined\",\"detail\":\"two\\nlines\"}",
        "{\"type\":\"call.decline\",\"id\":\"aa\",\"reason\":\"declined\"}",
        "{\"type\":\"call.busy\",\"id\":{}}",
        "{\"type\":\"call.cancel\",\"id\":\"aa\",\"reason\":null}",
        "{\"type\":\"call.hangup\",\"id\":\"aa\",\"reason\":\"hung-up\"}",
        "{\"type\":\"call.media.report\"}",
        "{\"type\":\"call.media.report\",\"id\":5}",
    })
    void invalidBodiesAreMalformed(String json) throws Exception {
        bob.linkUp(pair.b());
        ControlMessage message = ControlJson.parse(json);
        assertThatThrownBy(() -> bob.onControl(pair.b(), message)).isInstanceOf(MalformedControlException.class);
    }

    @Test
    void boundsOnIdsAndDetailsAreEnforced() throws Exception {
        bob.linkUp(pair.b());
        String longId = "a".repeat(CallWire.MAX_ID + 1);
        String longDetail = "x".repeat(CallWire.MAX_DETAIL + 1);
        assertThatThrownBy(() -> bob.onControl(pair.b(), ControlJson.parse(ring(longId, CallWire.CODEC))))
                .isInstanceOf(MalformedControlException.class);
        assertThatThrownBy(() -> bob.onControl(pair.b(), ControlJson.parse(
                "{\"type\":\"call.hangup\",\"id\":\"aa\",\"reason\":\"failed\",\"detail\":\"" + longDetail + "\"}")))
                .isInstanceOf(MalformedControlException.class);
        assertThat(bob.onControl(pair.b(), ControlJson.parse(ring("a".repeat(CallWire.MAX_ID), CallWire.CODEC)))).isTrue();
        assertThat(CallWire.detail("line one\nline two " + longDetail)).hasSize(CallWire.MAX_DETAIL).doesNotContain("\n");
    }

    private static String ring(String id, String codec) {
        return "{\"type\":\"call.ring\",\"id\":\"" + id + "\",\"codec\":\"" + codec + "\"}";
    }

    /** The next message bob sent, as {@code "type id [reason detail]"}. */
    private String reply() throws Exception {
        String json = pair.a().receiveControl(WAIT).orElseThrow();
        JsonNode body = ControlJson.parse(json).body();
        StringBuilder text = new StringBuilder(body.get("type").textValue()).append(' ').append(body.get("id").textValue());
        for (String field : List.of("reason", "detail")) {
            if (body.has(field)) {
                text.append(' ').append(body.get(field).textValue());
            }
        }
        return text.toString();
    }
}
