package io.ngisec.app.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.service.ServerStatus;
import io.ngisec.app.testing.Samples;
import io.ngisec.client.netcheck.NatVerdict;
import io.ngisec.client.netcheck.NetCheckReport;
import io.ngisec.protocol.transport.CandidateType;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsViewModelTest {

    private static final Executor NOW = Runnable::run;

    @TempDir
    Path dir;

    private final List<LiveSession> live = new ArrayList<>();
    private NetcheckRunner netcheck = () -> new NetCheckReport(List.of(InetAddress.getLoopbackAddress()), 5000, false,
            List.of(), NatVerdict.UNKNOWN);

    private DiagnosticsViewModel model() {
        DiagnosticsReport report = new DiagnosticsReport(Samples.self(), () -> ServerStatus.CONNECTING, () -> List.copyOf(live),
                new FakeDiagLog(), Clock.systemUTC());
        return new DiagnosticsViewModel(() -> netcheck.run(), report, NOW, NOW);
    }

    private static LiveSession bob(String id, int t) {
        return StatsSamples.session(id, StatsSamples.stats(t, 10 + t, 100L * t, 0, 100L * t, 0, 1000, CandidateType.HOST));
    }

    private static List<Number> ys(List<XYChart.Series<Number, Number>> series, int index) {
        return series.get(index).getData().stream().map(XYChart.Data::getYValue).toList();
    }

    @Test
    void theFirstSessionIsSelectedAndEachSampleAddsAPointAndFreshRows() {
        DiagnosticsViewModel model = model();

        model.update(0, List.of(bob("s1", 1)));
        model.update(1, List.of(bob("s1", 2)));
        model.update(2, List.of(bob("s1", 3)));

        assertThat(model.summaryProperty().get()).isEqualTo("1 live session");
        assertThat(model.selectedProperty().get()).isEqualTo(new SessionChoice("s1", "bob / bob-pc, outgoing"));
        assertThat(ys(model.rttSeries(), 0)).containsExactly(11.0, 12.0, 13.0);
        assertThat(ys(model.throughputSeries(), 0)).containsExactly(8.0, 8.0, 8.0);
        assertThat(model.lossSeries().get(0).getData()).hasSize(3);
        assertThat(model.rows()).contains(new StatRow("RTT", "Smoothed", "13.0 ms"));
        assertThat(model.windowEndProperty().get()).isEqualTo(2.0);
        assertThat(model.windowStartProperty().get()).isEqualTo(-298.0);
    }

    @Test
    void theChartsKeepFiveMinutes() {
        DiagnosticsViewModel model = model();

        for (int t = 0; t <= 360; t++) {
            model.update(t, List.of(bob("s1", t + 1)));
        }

        List<XYChart.Data<Number, Number>> rtt = model.rttSeries().getFirst().getData();
        assertThat(rtt).hasSize(301);
        assertThat(rtt.getFirst().getXValue()).isEqualTo(60.0);
        assertThat(model.throughputSeries().get(1).getData()).hasSize(301);
    }

    @Test
    void choosingAnotherSessionShowsItsHistoryAndASessionThatEndsLeavesTheList() {
        DiagnosticsViewModel model = model();
        model.update(0, List.of(bob("s1", 1), bob("s2", 50)));
        model.update(1, List.of(bob("s1", 2), bob("s2", 51)));

        model.select(model.sessions().get(1));

        assertThat(model.selectedProperty().get().id()).isEqualTo("s2");
        assertThat(ys(model.rttSeries(), 0)).containsExactly(60.0, 61.0);
        assertThat(model.rows()).contains(new StatRow("RTT", "Smoothed", "61.0 ms"));

        model.update(2, List.of(bob("s1", 3)));

        assertThat(model.sessions()).extracting(SessionChoice::id).containsExactly("s1");
        assertThat(model.selectedProperty().get().id()).isEqualTo("s1");
        assertThat(ys(model.rttSeries(), 0)).containsExactly(11.0, 12.0, 13.0);

        model.update(3, List.of());

        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.rows()).isEmpty();
        assertThat(model.rttSeries().getFirst().getData()).isEmpty();
        assertThat(model.summaryProperty().get()).startsWith("No live session");
    }

    @Test
    void netcheckShowsTheVerdictAndItsFailureInOneLine() {
        DiagnosticsViewModel model = model();

        model.runNetcheck();

        assertThat(model.natProperty().get()).isEqualTo(NatVerdict.UNKNOWN.description());
        assertThat(model.netcheckTextProperty().get()).startsWith("The policy server offers no STUN or TURN servers");
        assertThat(model.netcheckRunningProperty().get()).isFalse();

        netcheck = () -> {
            throw new IOException("this device is not online yet");
        };
        model.runNetcheck();

        assertThat(model.netcheckTextProperty().get()).isEqualTo("Netcheck could not run: this device is not online yet");
    }

    @Test
    void exportWritesTheReportWithTheLastNetcheckAndSaysWhere() throws Exception {
        DiagnosticsViewModel model = model();
        live.add(bob("s1", 5));
        model.runNetcheck();
        Path file = dir.resolve("report.json");

        model.export(file);

        assertThat(model.messageProperty().get()).isEqualTo("Report saved to " + file);
        String json = Files.readString(file);
        assertThat(json).contains("\"peer\" : \"bob\"", "\"nat\" : \"UNKNOWN\"");
    }

    @Test
    void exportToAFolderThatIsNotThereSaysSoInOneLine() {
        DiagnosticsViewModel model = model();

        model.export(dir.resolve("missing").resolve("report.json"));

        assertThat(model.messageProperty().get()).startsWith("Cannot write the report: ").doesNotContain("\n");
    }
}
