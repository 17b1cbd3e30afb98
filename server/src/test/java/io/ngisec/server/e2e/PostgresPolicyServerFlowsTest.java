package io.ngisec.server.e2e;

import io.ngisec.server.testing.RecordingWebSocket;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngisec.server.instance.ServerInstance;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The policy server's flows on PostgreSQL, and what only a shared database allows: two instances
 * relaying signaling, presence and revocations between devices connected to different ones.
 * Skipped unless NGISEC_TEST_PG_URL names a PostgreSQL (.ci/run starts one).
 */
class PostgresPolicyServerFlowsTest extends PolicyServerFlowsContract {

    @Override
    TestDatabase database() throws Exception {
        return TestDatabase.postgres();
    }

    /** Alice on the first instance, bob on a second one, both connected; alice has seen bob come online. */
    private record Across(TestDevice alice, TestDevice bob, RecordingWebSocket aliceSocket, RecordingWebSocket bobSocket) {
    }

    private Across aliceAndBobOnTwoInstances() throws Exception {
        ServerInstance second = org.start();
        TestDevice alice = enrolled("alice", "staff");
        TestDevice bob = enrolled("bob", "staff");
        bob.useServer(second.port());
        RecordingWebSocket aliceSocket = alice.connect();
        RecordingWebSocket bobSocket = bob.connect();
        assertThat(aliceSocket.next("presence").path("deviceId").asText()).isEqualTo(bob.id.toString());
        return new Across(alice, bob, aliceSocket, bobSocket);
    }

    @Test
    void twoInstancesRelayBetweenDevicesConnectedToEither() throws Exception {
        Across across = aliceAndBobOnTwoInstances();
        TestDevice alice = across.alice();
        TestDevice bob = across.bob();
        RecordingWebSocket aliceSocket = across.aliceSocket();
        RecordingWebSocket bobSocket = across.bobSocket();

        JsonNode bobInAlicesDirectory = json(alice.call("GET", "/v1/directory", null)).path("entries").get(0);
        assertThat(bobInAlicesDirectory.path("online").asBoolean()).isTrue();

        aliceSocket.send("{\"type\":\"signal\",\"to\":\"" + bob.id + "\",\"body\":{\"ice\":\"offer\"}}");
        JsonNode atBob = bobSocket.next("signal");
        assertThat(atBob.path("from").asText()).isEqualTo(alice.id.toString());
        assertThat(atBob.path("body").path("ice").asText()).isEqualTo("offer");

        bobSocket.send("{\"type\":\"signal\",\"to\":\"" + alice.id + "\",\"body\":{\"ice\":\"answer\"}}");
        assertThat(aliceSocket.next("signal").path("body").path("ice").asText()).isEqualTo("answer");

        // Revoked in the database: the instance holding bob closes him, the one holding alice tells her.
        org.admin().revokeDevice(bob.id, Instant.now());
        assertThat(aliceSocket.next("revoked").path("deviceId").asText()).isEqualTo(bob.id.toString());
        assertThat(bobSocket.closeCode()).isEqualTo(4003);
    }

    @Test
    void aDeviceConnectedToNoInstanceIsOfflineEverywhere() throws Exception {
        Across across = aliceAndBobOnTwoInstances();
        TestDevice alice = across.alice();
        TestDevice bob = across.bob();
        RecordingWebSocket aliceSocket = across.aliceSocket();
        RecordingWebSocket bobSocket = across.bobSocket();

        bobSocket.close();
        JsonNode gone = aliceSocket.next("presence");
        assertThat(gone.path("online").asBoolean(true)).isFalse();

        aliceSocket.send("{\"type\":\"signal\",\"to\":\"" + bob.id + "\",\"body\":{}}");
        assertThat(aliceSocket.next("offline").path("to").asText()).isEqualTo(bob.id.toString());
    }
}
