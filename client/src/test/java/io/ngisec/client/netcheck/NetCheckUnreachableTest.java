package io.ngisec.client.netcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.transport.IceServers;
import io.ngisec.protocol.transport.TurnCredentials;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Servers that do not answer, or do not exist, are reported as such once the timeout has passed. */
@Timeout(30) // a hang guard, not a performance assertion
class NetCheckUnreachableTest {

    @Test
    void aClosedPortIsUnreachableForBindingAndTurn() throws Exception {
        int closed = closedPort();
        IceServers servers = IceServers.of(List.of("stun:127.0.0.1:" + closed, "turn:127.0.0.1:" + closed),
                new TurnCredentials("1:alice", "password"));

        NetCheckReport report = NetCheck.run(servers, List.of(InetAddress.getLoopbackAddress()), Duration.ofSeconds(1));

        ServerCheck stun = report.servers().get(0);
        assertThat(stun.binding().reachable()).isFalse();
        assertThat(stun.binding().mapped()).isNull();
        assertThat(stun.binding().error()).startsWith("no answer within");
        assertThat(report.servers().get(1).turn().allocated()).isFalse();
        assertThat(report.servers().get(1).turn().error()).startsWith("no answer within");
        assertThat(report.udp()).isFalse();
        assertThat(report.nat()).isEqualTo(NatVerdict.UNKNOWN);
        assertThat(report.summary()).contains("UDP: no answer from any server", "unreachable (no answer within");
    }

    @Test
    void aNameThatDoesNotResolveIsReportedAsSuch() throws Exception {
        NetCheckReport report = NetCheck.run(IceServers.of(List.of("stun:netcheck.invalid"), null), List.of(),
                Duration.ofSeconds(1));

        BindingResult binding = report.servers().getFirst().binding();
        assertThat(binding.reachable()).isFalse();
        assertThat(binding.error()).isEqualTo("cannot resolve netcheck.invalid");
        assertThat(report.servers().getFirst().alternatePort()).isNull();
    }

    @Test
    void noServersMakeAnEmptyReport() throws Exception {
        NetCheckReport report = NetCheck.run(IceServers.NONE, List.of(), Duration.ofSeconds(1));

        assertThat(report.servers()).isEmpty();
        assertThat(report.nat()).isEqualTo(NatVerdict.UNKNOWN);
        assertThat(report.summary()).contains("Servers: none configured");
        assertThat(report.toJson()).contains("\"servers\":[]");
    }

    private static int closedPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }
}
