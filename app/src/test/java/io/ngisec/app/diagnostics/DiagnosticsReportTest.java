package io.ngisec.app.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngisec.app.service.ConnectionPhase;
import io.ngisec.app.service.SelfIdentity;
import io.ngisec.app.service.ServerStatus;
import io.ngisec.app.testing.Samples;
import io.ngisec.client.call.CallStats;
import io.ngisec.client.diag.CallRecord;
import io.ngisec.client.diag.SessionSummary;
import io.ngisec.client.netcheck.BindingResult;
import io.ngisec.client.netcheck.NatVerdict;
import io.ngisec.client.netcheck.NetCheckReport;
import io.ngisec.client.netcheck.ServerCheck;
import io.ngisec.client.netcheck.TurnResult;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.transport.CandidateType;
import io.ngisec.protocol.transport.IceServerUri;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DiagnosticsReportTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    /** Field names that would mean a secret got in; key phases and ages are figures, not keys. */
    private static final Pattern SECRET = Pattern.compile("(?i).*(secret|password|passphrase|credential|private|token|ticket|key).*");
    private static final List<String> FIGURES = List.of("sendKeyPhase", "sendKeyAgeSeconds", "receiveKeyPhase", "receiveKeyAgeSeconds");

    private final SelfIdentity self = Samples.self();
    private final FakeDiagLog log = new FakeDiagLog();

    private JsonNode report(Optional<NetCheckReport> netcheck) throws Exception {
        List<LiveSession> live = List.of(StatsSamples.session("s1",
                StatsSamples.stats(30, 4.5, 300, 3, 299, 0, 1000, CandidateType.HOST)));
        DiagnosticsReport report = new DiagnosticsReport(self, () -> new ServerStatus(ConnectionPhase.ONLINE, ""),
                () -> live, log, Clock.fixed(NOW, ZoneOffset.UTC));
        return new ObjectMapper().readTree(report.json(netcheck));
    }

    @Test
    void theReportNamesTheDeviceTheServerAndEachLiveSessionWithItsStatistics() throws Exception {
        JsonNode r = report(Optional.empty());

        assertThat(r.get("createdAt").asText()).isEqualTo("2026-12-02T10:00:00Z");
        assertThat(r.at("/identity/user").asText()).isEqualTo("alice");
        assertThat(r.at("/identity/deviceId").asText()).isEqualTo(self.deviceId().toString());
        assertThat(r.at("/identity/server").asText()).isEqualTo("https://policy.example:8443");
        assertThat(r.at("/connection/state").asText()).isEqualTo("ONLINE");
        JsonNode s = r.get("sessions").get(0);
        assertThat(s.get("peer").asText()).isEqualTo("bob");
        assertThat(s.at("/path/route").asText()).isEqualTo("direct (host)");
        assertThat(s.at("/path/localAddress").asText()).isEqualTo("127.0.0.1:40001");
        assertThat(s.at("/path/pmtu").asInt()).isEqualTo(1400);
        assertThat(s.at("/rtt/smoothedMillis").asDouble()).isEqualTo(4.5);
        assertThat(s.at("/congestion/windowBytes").asLong()).isEqualTo(64_000);
        assertThat(s.get("lossRate").asDouble()).isEqualTo(0.01);
        assertThat(s.at("/security/recordCipher").asText()).isEqualTo("AES-256-GCM");
        assertThat(s.at("/drops/recordLayer/REPLAY").asLong()).isEqualTo(2);
        JsonNode voice = s.get("classes").get(QosClass.VOICE.ordinal());
        assertThat(voice.get("class").asText()).isEqualTo("VOICE");
        assertThat(voice.get("dscp").asInt()).isEqualTo(46);
        assertThat(voice.get("jitterMillis").asDouble()).isEqualTo(3.0);
        assertThat(r.get("netcheck").isNull()).isTrue();
    }

    @Test
    void theRecentSessionsAndCallsOfTheDiagLogAndTheNetcheckAreIncluded() throws Exception {
        log.sessions.add(new SessionSummary("ab12", "bob", "dev-1", "bob-pc", "ff00", true, NOW.minusSeconds(90),
                NOW.minusSeconds(30), Optional.of(NOW.minusSeconds(30)), Optional.of("closed by peer"), "host",
                "127.0.0.1:1", "relay", "192.0.2.1:3478", 1200, "Noise + AES-256-GCM", Duration.ofMillis(40),
                Duration.ofMillis(35), 0.02, 5000, 7000, 0, 0, 32000, "VOICE dscp 46 out 10 in 10", 0));
        log.calls.add(new CallRecord("c1", "bob", "dev-1", true, NOW.minusSeconds(80), NOW.minusSeconds(30),
                Optional.of(NOW.minusSeconds(30)), Optional.of("HUNG_UP"), Optional.of("bob hung up"),
                Optional.of(new CallStats("opus", 24000, false, 20, 50_000, 40, 2, 2500, 2500, 0.01, 0, 0, 1, 0, 40, 120,
                        90, 4.3, "direct/host", QosClass.VOICE, 46, false, 0, -30, false))));
        IceServerUri turn = new IceServerUri(IceServerUri.Scheme.TURN, "turn.example", 3478);
        InetSocketAddress server = new InetSocketAddress("192.0.2.1", 3478);
        NetCheckReport netcheck = new NetCheckReport(List.of(InetAddress.getLoopbackAddress()), 5000, true,
                List.of(new ServerCheck(turn, new BindingResult(server, true, Duration.ofMillis(20),
                        new InetSocketAddress("198.51.100.7", 6000), null), null,
                        new TurnResult(true, new InetSocketAddress("192.0.2.1", 50000), null))),
                NatVerdict.ONE_SERVER);

        JsonNode r = report(Optional.of(netcheck));

        JsonNode recent = r.get("recentSessions").get(0);
        assertThat(recent.get("route").asText()).isEqualTo("relayed");
        assertThat(recent.get("endReason").asText()).isEqualTo("closed by peer");
        assertThat(recent.get("srttMillis").asDouble()).isEqualTo(40.0);
        JsonNode call = r.get("recentCalls").get(0);
        assertThat(call.get("endMessage").asText()).isEqualTo("bob hung up");
        assertThat(call.at("/stats/mos").asDouble()).isEqualTo(4.3);
        assertThat(r.at("/netcheck/nat").asText()).isEqualTo("ONE_SERVER");
        assertThat(r.at("/netcheck/servers/0/turn/allocated").asBoolean()).isTrue();
    }

    @Test
    void noFieldNamesAKeyASecretOrACredential() throws Exception {
        JsonNode r = report(Optional.empty());

        List<String> names = new ArrayList<>();
        collect(r, "", names);
        assertThat(names).isNotEmpty();
        // Drop counters are named after the record layer's reasons (KEY_EXHAUSTED, NO_KEY): counts, not keys.
        assertThat(names.stream().filter(n -> !n.matches("/sessions/\\d+/drops/recordLayer/[A-Z_]+"))
                .map(n -> n.substring(n.lastIndexOf('/') + 1))
                .filter(n -> SECRET.matcher(n).matches() && !FIGURES.contains(n))).isEmpty();
    }

    private static void collect(JsonNode node, String path, List<String> names) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                names.add(path + "/" + name);
                collect(node.get(name), path + "/" + name, names);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, names);
            }
        }
    }
}
