package io.ngisec.app.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.transport.CandidateType;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsRowsTest {

    private static String value(List<StatRow> rows, String group, String name) {
        return rows.stream().filter(r -> r.group().equals(group) && r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + group + "/" + name + " in " + rows)).value();
    }

    @Test
    void everyAreaOfTheStatisticsReadsInUnits() {
        List<StatRow> rows = StatsRows.of(StatsSamples.stats(75, 12.34, 1000, 10, 499, 5, 125_000, CandidateType.HOST));

        assertThat(value(rows, "Path", "Route")).isEqualTo("direct (host)");
        assertThat(value(rows, "Path", "Selected pair")).isEqualTo("host 127.0.0.1:40001 \u2192 host 127.0.0.1:40002");
        assertThat(value(rows, "Path", "Path MTU")).isEqualTo("1400 B");
        assertThat(value(rows, "Path", "Session age")).isEqualTo("75 s");
        assertThat(value(rows, "RTT", "Smoothed")).isEqualTo("12.3 ms");
        assertThat(value(rows, "RTT", "Jitter (voice)")).isEqualTo("3.0 ms");
        assertThat(value(rows, "Loss", "Outbound")).isEqualTo("1.00 % (10 of 1000 packets declared lost)");
        assertThat(value(rows, "Loss", "Inbound")).isEqualTo("1.00 % (5 packets missing)");
        assertThat(value(rows, "Throughput", "Sending")).isEqualTo("1.00 Mbit/s");
        assertThat(value(rows, "Throughput", "Sent")).isEqualTo("100 kB in 1000 packets");
        assertThat(value(rows, "Congestion", "Congestion window")).isEqualTo("64.0 kB");
        assertThat(value(rows, "Congestion", "Pacing rate")).isEqualTo("10.0 Mbit/s");
        assertThat(value(rows, "QoS classes", "VOICE (DSCP 46)")).startsWith("out 1000 pkts / 100 kB (1.00 Mbit/s), in 495 pkts");
        assertThat(value(rows, "Security", "Cipher")).isEqualTo("Noise_XX_25519_AESGCM_SHA256 + AES-256-GCM");
        assertThat(value(rows, "Security", "Send key")).isEqualTo("phase 0, 75 s old");
        assertThat(value(rows, "Drops", "By reason")).isEqualTo("replay 2");
    }

    @Test
    void onlyClassesThatCarriedTrafficGetARow() {
        List<StatRow> rows = StatsRows.of(StatsSamples.stats(1, 1, 10, 0, 9, 0, 0, CandidateType.HOST));

        assertThat(rows.stream().filter(r -> r.group().equals("QoS classes")).map(StatRow::name))
                .containsExactly("VOICE (DSCP 46)");
    }

    @Test
    void aRelayOnEitherSideMakesTheRouteRelayedAndReflexiveMeansNat() {
        assertThat(value(StatsRows.of(StatsSamples.stats(1, 1, 1, 0, 0, 0, 0, CandidateType.RELAYED)), "Path", "Route"))
                .isEqualTo("relayed");
        assertThat(value(StatsRows.of(StatsSamples.stats(1, 1, 1, 0, 0, 0, 0, CandidateType.SERVER_REFLEXIVE)), "Path", "Route"))
                .isEqualTo("direct (NAT)");
    }
}
