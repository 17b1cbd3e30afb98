package io.ngisec.client.netcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngisec.protocol.transport.IceServers;
import io.ngisec.protocol.transport.TurnCredentials;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** netcheck against a real coturn on loopback: Binding answers, the NAT verdict, TURN allocations. */
@Timeout(60)
class NetCheckCoturnTest {

    private static final byte[] SECRET = "netcheck-test-secret".getBytes(StandardCharsets.UTF_8);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final List<InetAddress> LOOPBACK = List.of(InetAddress.getLoopbackAddress());

    private static LoopbackCoturn coturn;

    @BeforeAll
    static void startCoturn() throws Exception {
        String why = LoopbackCoturn.unavailable();
        Assumptions.assumeTrue(why == null, why);
        coturn = LoopbackCoturn.start(new String(SECRET, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stopCoturn() throws Exception {
        if (coturn != null) {
            coturn.close();
        }
    }

    @Test
    void stunAnswersOnBothPortsAndLoopbackHasNoNat() throws Exception {
        NetCheckReport report = NetCheck.run(IceServers.of(List.of("stun:127.0.0.1:" + coturn.port()), null),
                LOOPBACK, TIMEOUT);

        InetSocketAddress self = new InetSocketAddress(InetAddress.getLoopbackAddress(), report.localPort());
        ServerCheck stun = report.servers().getFirst();
        assertThat(stun.binding().reachable()).isTrue();
        assertThat(stun.binding().mapped()).isEqualTo(self);
        assertThat(stun.binding().rtt()).isNotNull();
        assertThat(stun.alternatePort().destination().getPort()).isEqualTo(coturn.port() + 1);
        assertThat(stun.alternatePort().mapped()).isEqualTo(self);
        assertThat(stun.turn()).isNull();
        assertThat(report.udp()).isTrue();
        assertThat(report.nat()).isEqualTo(NatVerdict.NO_NAT);
        assertThat(report.summary()).contains("NAT: no NAT", "mapped 127.0.0.1:" + report.localPort());
    }

    @Test
    void aTurnAllocationWithTheRightCredentialsSucceedsAndIsFreed() throws Exception {
        TurnCredentials credentials = TurnCredentials.coturnRest(SECRET, "alice", Instant.now().plusSeconds(3600));

        NetCheckReport report = NetCheck.run(IceServers.of(List.of("turn:127.0.0.1:" + coturn.port()), credentials),
                LOOPBACK, TIMEOUT);

        TurnResult turn = report.servers().getFirst().turn();
        assertThat(turn.error()).isNull();
        assertThat(turn.allocated()).isTrue();
        assertThat(turn.relayed().getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(turn.relayed().getPort()).isBetween(coturn.minRelayPort(), coturn.maxRelayPort());
        assertThat(report.servers().getFirst().binding().reachable()).isTrue();
        assertThat(report.summary()).contains("TURN allocation: ok, relayed 127.0.0.1:" + turn.relayed().getPort());
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertThat(json.at("/servers/0/turn/allocated").asBoolean()).isTrue();
        assertThat(json.at("/servers/0/turn/relayed").asText()).isEqualTo("127.0.0.1:" + turn.relayed().getPort());
        assertThat(json.at("/nat").asText()).isEqualTo("NO_NAT");
        // The Refresh with LIFETIME 0 (coturn logs each request it processed, with its outcome).
        assertThat(coturn.log()).containsPattern("REFRESH processed, success");
    }

    @Test
    void wrongCredentialsFailWithA401() throws Exception {
        TurnCredentials wrong = new TurnCredentials(Instant.now().plusSeconds(3600).getEpochSecond() + ":alice",
                "not-the-password");

        NetCheckReport report = NetCheck.run(IceServers.of(List.of("turn:127.0.0.1:" + coturn.port()), wrong),
                LOOPBACK, TIMEOUT);

        TurnResult turn = report.servers().getFirst().turn();
        assertThat(turn.allocated()).isFalse();
        assertThat(turn.relayed()).isNull();
        assertThat(turn.error()).startsWith("401").contains("refused the credentials").doesNotContain("\n");
        assertThat(report.summary()).contains("TURN allocation: failed: 401");
    }
}
