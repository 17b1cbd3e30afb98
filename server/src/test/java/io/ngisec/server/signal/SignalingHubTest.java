package io.ngisec.server.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngisec.protocol.identity.DeviceId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class SignalingHubTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeviceId alice = DeviceId.random();
    private final DeviceId bob = DeviceId.random();
    private final DeviceId guest = DeviceId.random();
    /** Pairs (from, to) the policy refuses. */
    private final Set<List<DeviceId>> refused = ConcurrentHashMap.newKeySet();
    private final SignalPolicy policy = (from, to) -> !refused.contains(List.of(from, to));

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static List<String> types(RecordingSink sink) {
        return sink.sent.stream().map(s -> {
            try {
                return json(s).path("type").asText();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    @Test
    void relayDeliversWithTheSender() throws Exception {
        SignalingHub hub = new SignalingHub(new LocalSignalTransport(), policy);
        RecordingSink bobSink = new RecordingSink();
        hub.connect(alice, new RecordingSink());
        hub.connect(bob, bobSink);
        bobSink.sent.clear();

        assertThat(hub.relay(alice, bob, "{\"sdp\":\"v=0\"}")).isEqualTo(RelayOutcome.DELIVERED);

        JsonNode frame = json(bobSink.sent.getFirst());
        assertThat(frame.path("type").asText()).isEqualTo("signal");
        assertThat(frame.path("from").asText()).isEqualTo(alice.toString());
        assertThat(frame.path("body").path("sdp").asText()).isEqualTo("v=0");
    }

    @Test
    void relayToNobodyIsOfflineAndRefusedIsDenied() {
        SignalingHub hub = new SignalingHub(new LocalSignalTransport(), policy);
        RecordingSink bobSink = new RecordingSink();
        hub.connect(alice, new RecordingSink());
        assertThat(hub.relay(alice, bob, "{}")).isEqualTo(RelayOutcome.OFFLINE);

        hub.connect(bob, bobSink);
        refused.add(List.of(alice, bob));
        bobSink.sent.clear();
        assertThat(hub.relay(alice, bob, "{}")).isEqualTo(RelayOutcome.DENIED);
        assertThat(bobSink.sent).isEmpty();
    }

    @Test
    void presenceGoesOnlyToDevicesAllowedToContact() throws Exception {
        SignalingHub hub = new SignalingHub(new LocalSignalTransport(), policy);
        RecordingSink aliceSink = new RecordingSink();
        RecordingSink guestSink = new RecordingSink();
        hub.connect(alice, aliceSink);
        hub.connect(guest, guestSink);
        refused.add(List.of(guest, bob));
        aliceSink.sent.clear();
        guestSink.sent.clear();

        SignalingHub.Connection bobConnection = hub.connect(bob, new RecordingSink());
        assertThat(hub.isOnline(bob)).isTrue();
        JsonNode online = json(aliceSink.sent.getFirst());
        assertThat(online.path("deviceId").asText()).isEqualTo(bob.toString());
        assertThat(online.path("online").asBoolean()).isTrue();
        assertThat(guestSink.sent).isEmpty();

        bobConnection.close();
        bobConnection.close();
        assertThat(hub.isOnline(bob)).isFalse();
        assertThat(aliceSink.sent).hasSize(2);
        assertThat(json(aliceSink.sent.get(1)).path("online").asBoolean()).isFalse();
    }

    @Test
    void secondConnectionOfADeviceIsNoNewsAndBothGetSignals() {
        SignalingHub hub = new SignalingHub(new LocalSignalTransport(), policy);
        RecordingSink aliceSink = new RecordingSink();
        RecordingSink bob1 = new RecordingSink();
        RecordingSink bob2 = new RecordingSink();
        hub.connect(alice, aliceSink);
        SignalingHub.Connection first = hub.connect(bob, bob1);
        hub.connect(bob, bob2);
        assertThat(types(aliceSink)).containsExactly("presence");
        assertThat(hub.connectionCount()).isEqualTo(3);

        hub.relay(alice, bob, "{}");
        assertThat(types(bob1)).containsExactly("signal");
        assertThat(types(bob2)).containsExactly("signal");

        first.close();
        assertThat(hub.isOnline(bob)).isTrue();
        assertThat(types(aliceSink)).containsExactly("presence");
    }

    @Test
    void revocationClosesTheDeviceAndTellsEveryone() throws Exception {
        SignalingHub hub = new SignalingHub(new LocalSignalTransport(), policy);
        RecordingSink aliceSink = new RecordingSink();
        RecordingSink guestSink = new RecordingSink();
        RecordingSink bobSink = new RecordingSink();
        hub.connect(alice, aliceSink);
        hub.connect(guest, guestSink);
        hub.connect(bob, bobSink);
        refused.add(List.of(guest, bob));

        hub.notifyRevoked(bob);

        assertThat(bobSink.closeCode).isEqualTo(SignalingHub.CLOSE_REVOKED);
        assertThat(types(bobSink)).doesNotContain("revoked");
        assertThat(hub.isOnline(bob)).isFalse();
        for (RecordingSink sink : List.of(aliceSink, guestSink)) {
            assertThat(sink.sent.stream().filter(s -> s.contains("\"revoked\"")).findFirst())
                    .hasValueSatisfying(s -> assertThat(s).contains(bob.toString()));
        }
    }

    @Test
    void policyChangeReachesEveryone() throws Exception {
        SignalingHub hub = new SignalingHub(new LocalSignalTransport(), policy);
        RecordingSink aliceSink = new RecordingSink();
        RecordingSink bobSink = new RecordingSink();
        hub.connect(alice, aliceSink);
        hub.connect(bob, bobSink);
        hub.notifyPolicy(42);
        assertThat(json(aliceSink.sent.getLast()).path("version").asLong()).isEqualTo(42);
        assertThat(json(bobSink.sent.getLast()).path("type").asText()).isEqualTo("policy");
    }

    @Test
    void aThrowingSinkDoesNotStopTheOthers() {
        SignalingHub hub = new SignalingHub(new LocalSignalTransport(), policy);
        RecordingSink bobSink = new RecordingSink();
        hub.connect(alice, new SignalSink() {
            @Override
            public void send(String json) {
                throw new IllegalStateException("broken");
            }

            @Override
            public void close(int code, String reason) {
            }
        });
        hub.connect(bob, bobSink);
        hub.notifyPolicy(1);
        assertThat(types(bobSink)).contains("policy");
    }

    @Test
    void twoInstancesRelayPresenceRevocationAndPolicy() throws Exception {
        PairedTransport[] transports = PairedTransport.pair();
        SignalingHub one = new SignalingHub(transports[0], policy);
        SignalingHub two = new SignalingHub(transports[1], policy);
        RecordingSink aliceSink = new RecordingSink();
        RecordingSink bobSink = new RecordingSink();
        one.connect(alice, aliceSink);
        two.connect(bob, bobSink);

        assertThat(types(aliceSink)).containsExactly("presence");
        assertThat(one.isOnline(bob)).isTrue();

        assertThat(one.relay(alice, bob, "{\"c\":1}")).isEqualTo(RelayOutcome.DELIVERED);
        assertThat(json(bobSink.sent.getLast()).path("from").asText()).isEqualTo(alice.toString());
        assertThat(one.relay(alice, guest, "{}")).isEqualTo(RelayOutcome.OFFLINE);

        one.notifyPolicy(7);
        assertThat(types(bobSink)).endsWith("policy");

        one.notifyRevoked(bob);
        assertThat(bobSink.closeCode).isEqualTo(SignalingHub.CLOSE_REVOKED);
        assertThat(one.isOnline(bob)).isFalse();
        assertThat(types(aliceSink)).contains("revoked");
    }

    @Test
    void aDeviceConnectedToBothInstancesStaysOnlineUntilItsLastConnection() {
        PairedTransport[] transports = PairedTransport.pair();
        SignalingHub one = new SignalingHub(transports[0], policy);
        SignalingHub two = new SignalingHub(transports[1], policy);
        RecordingSink aliceSink = new RecordingSink();
        one.connect(alice, aliceSink);
        SignalingHub.Connection bobOnOne = one.connect(bob, new RecordingSink());
        SignalingHub.Connection bobOnTwo = two.connect(bob, new RecordingSink());
        assertThat(types(aliceSink)).containsExactly("presence");

        bobOnOne.close();
        assertThat(one.isOnline(bob)).isTrue();
        assertThat(types(aliceSink)).containsExactly("presence");

        bobOnTwo.close();
        assertThat(one.isOnline(bob)).isFalse();
        assertThat(types(aliceSink)).containsExactly("presence", "presence");
    }

    @Test
    void malformedMessagesFromOtherInstancesAreDropped() {
        PairedTransport[] transports = PairedTransport.pair();
        SignalingHub one = new SignalingHub(transports[0], policy);
        RecordingSink aliceSink = new RecordingSink();
        one.connect(alice, aliceSink);
        aliceSink.sent.clear();
        transports[1].publish("not-a-uuid", SignalTransport.SIGNAL, "{}");
        transports[1].publish(alice.toString(), "unheard-of", "{}");
        assertThat(aliceSink.sent).isEmpty();
    }
}
