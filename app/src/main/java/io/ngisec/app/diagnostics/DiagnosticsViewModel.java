package io.ngisec.app.diagnostics;

import io.ngisec.client.netcheck.NetCheckReport;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * The diagnostics screen's state: the live sessions, the statistics rows of the selected one,
 * its chart series over the last {@link SessionHistory#WINDOW_SECONDS} seconds (RTT; throughput
 * each way; loss each way), netcheck's last report, and the report export. {@link #update} takes
 * each sample (from {@link DiagnosticsSampler}); netcheck and export run on the worker. Use on
 * the FX thread.
 */
public final class DiagnosticsViewModel {

    private final NetcheckRunner netcheck;
    private final DiagnosticsReport report;
    private final Executor worker;
    private final Executor ui;

    private final Map<String, SessionHistory> histories = new HashMap<>();
    private final Map<String, LiveSession> latest = new HashMap<>();
    private final ObservableList<SessionChoice> sessions = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SessionChoice> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ObservableList<StatRow> rows = FXCollections.observableArrayList();
    private final XYChart.Series<Number, Number> rtt = series("RTT (ms)");
    private final XYChart.Series<Number, Number> sending = series("Sending (kbit/s)");
    private final XYChart.Series<Number, Number> receiving = series("Receiving (kbit/s)");
    private final XYChart.Series<Number, Number> lossOut = series("Outbound loss (%)");
    private final XYChart.Series<Number, Number> lossIn = series("Inbound loss (%)");
    private final ReadOnlyDoubleWrapper windowStart = new ReadOnlyDoubleWrapper(this, "windowStart", -SessionHistory.WINDOW_SECONDS);
    private final ReadOnlyDoubleWrapper windowEnd = new ReadOnlyDoubleWrapper(this, "windowEnd", 0);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "No live session");
    private final ReadOnlyBooleanWrapper netcheckRunning = new ReadOnlyBooleanWrapper(this, "netcheckRunning");
    private final ReadOnlyStringWrapper netcheckText = new ReadOnlyStringWrapper(this, "netcheckText",
            "Not run yet. Netcheck asks the organization's STUN and TURN servers how this network lets UDP through.");
    private final ReadOnlyStringWrapper nat = new ReadOnlyStringWrapper(this, "nat", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private volatile NetCheckReport lastNetcheck;

    /**
     * @param worker runs netcheck and the export (blocking work)
     * @param ui runs on the FX thread (Platform::runLater)
     */
    public DiagnosticsViewModel(NetcheckRunner netcheck, DiagnosticsReport report, Executor worker, Executor ui) {
        this.netcheck = Objects.requireNonNull(netcheck, "netcheck");
        this.report = Objects.requireNonNull(report, "report");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** One sample: the sessions live {@code seconds} after sampling began. */
    public void update(double seconds, List<LiveSession> live) {
        windowEnd.set(seconds);
        windowStart.set(seconds - SessionHistory.WINDOW_SECONDS);
        histories.keySet().retainAll(live.stream().map(LiveSession::id).toList());
        latest.clear();
        live.forEach(s -> latest.put(s.id(), s));
        SessionChoice keep = selected.get();
        List<SessionChoice> choices = live.stream().map(s -> new SessionChoice(s.id(), s.title())).toList();
        if (!choices.equals(sessions)) {
            sessions.setAll(choices);
        }
        summary.set(live.isEmpty() ? "No live session: call, chat or send a file to a colleague to open one"
                : live.size() == 1 ? "1 live session" : live.size() + " live sessions");
        SessionChoice now = keep != null && choices.stream().anyMatch(c -> c.id().equals(keep.id()))
                ? choices.stream().filter(c -> c.id().equals(keep.id())).findFirst().orElseThrow()
                : choices.isEmpty() ? null : choices.getFirst();
        LiveSession shown = null;
        Sample shownSample = null;
        for (LiveSession s : live) {
            Sample sample = histories.computeIfAbsent(s.id(), id -> new SessionHistory()).add(seconds, s.stats());
            if (now != null && s.id().equals(now.id())) {
                shown = s;
                shownSample = sample;
            }
        }
        if (now == null || keep == null || !now.id().equals(keep.id())) {
            selected.set(now);
            replot();
        } else if (shownSample != null) {
            append(shownSample);
        }
        if (shown == null) {
            rows.clear();
        } else {
            rows.setAll(StatsRows.of(shown.stats()));
        }
    }

    /** Shows {@code choice}'s rows and charts from the next sample on (its history at once). */
    public void select(SessionChoice choice) {
        if (choice != null && !choice.equals(selected.get()) && histories.containsKey(choice.id())) {
            selected.set(choice);
            replot();
            rows.setAll(StatsRows.of(latest.get(choice.id()).stats()));
        }
    }

    /** Runs netcheck on the worker; its report replaces the text when done. */
    public void runNetcheck() {
        if (netcheckRunning.get()) {
            return;
        }
        netcheckRunning.set(true);
        netcheckText.set("Checking the organization's STUN and TURN servers...");
        worker.execute(() -> {
            try {
                NetCheckReport r = netcheck.run();
                lastNetcheck = r;
                ui.execute(() -> {
                    netcheckRunning.set(false);
                    nat.set(r.nat().description());
                    netcheckText.set((r.servers().isEmpty()
                            ? "The policy server offers no STUN or TURN servers: peers behind NAT can reach each other only directly.\n"
                            : "") + r.summary());
                });
            } catch (Exception e) {
                ui.execute(() -> {
                    netcheckRunning.set(false);
                    netcheckText.set("Netcheck could not run: " + e.getMessage());
                });
            }
        });
    }

    /** Writes the report to {@code file} on the worker; {@link #messageProperty()} says how it went. */
    public void export(Path file) {
        message.set("Writing the report...");
        Optional<NetCheckReport> last = Optional.ofNullable(lastNetcheck);
        worker.execute(() -> {
            try {
                report.write(file, last);
                ui.execute(() -> message.set("Report saved to " + file));
            } catch (Exception e) {
                ui.execute(() -> message.set("Cannot write the report: " + e.getMessage()));
            }
        });
    }

    private void replot() {
        SessionChoice now = selected.get();
        List<Sample> samples = now == null ? List.of() : histories.get(now.id()).samples();
        rtt.getData().setAll(samples.stream().map(s -> point(s.seconds(), s.rttMillis())).toList());
        sending.getData().setAll(samples.stream().map(s -> point(s.seconds(), s.sendKbps())).toList());
        receiving.getData().setAll(samples.stream().map(s -> point(s.seconds(), s.receiveKbps())).toList());
        lossOut.getData().setAll(samples.stream().map(s -> point(s.seconds(), s.lossOutPercent())).toList());
        lossIn.getData().setAll(samples.stream().map(s -> point(s.seconds(), s.lossInPercent())).toList());
    }

    private void append(Sample s) {
        add(rtt, s.seconds(), s.rttMillis());
        add(sending, s.seconds(), s.sendKbps());
        add(receiving, s.seconds(), s.receiveKbps());
        add(lossOut, s.seconds(), s.lossOutPercent());
        add(lossIn, s.seconds(), s.lossInPercent());
    }

    private static void add(XYChart.Series<Number, Number> series, double x, double y) {
        ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        data.add(point(x, y));
        int old = 0;
        while (old < data.size() && data.get(old).getXValue().doubleValue() < x - SessionHistory.WINDOW_SECONDS) {
            old++;
        }
        if (old > 0) {
            data.remove(0, old);
        }
    }

    private static XYChart.Data<Number, Number> point(double x, double y) {
        return new XYChart.Data<>(x, y);
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    public ObservableList<SessionChoice> sessions() {
        return FXCollections.unmodifiableObservableList(sessions);
    }

    public ReadOnlyObjectProperty<SessionChoice> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The statistics of the selected session, as of the last sample. */
    public ObservableList<StatRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The RTT chart's series. */
    public List<XYChart.Series<Number, Number>> rttSeries() {
        return List.of(rtt);
    }

    /** The throughput chart's series: sending, receiving. */
    public List<XYChart.Series<Number, Number>> throughputSeries() {
        return List.of(sending, receiving);
    }

    /** The loss chart's series: outbound, inbound. */
    public List<XYChart.Series<Number, Number>> lossSeries() {
        return List.of(lossOut, lossIn);
    }

    /** The charts' time axis: from here ... */
    public ReadOnlyDoubleProperty windowStartProperty() {
        return windowStart.getReadOnlyProperty();
    }

    /** ... to the last sample, in seconds since sampling began. */
    public ReadOnlyDoubleProperty windowEndProperty() {
        return windowEnd.getReadOnlyProperty();
    }

    /** "2 live sessions", or how to open one. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty netcheckRunningProperty() {
        return netcheckRunning.getReadOnlyProperty();
    }

    /** Netcheck's report for people, or what keeps it from running. */
    public ReadOnlyStringProperty netcheckTextProperty() {
        return netcheckText.getReadOnlyProperty();
    }

    /** The NAT verdict of the last netcheck; empty before. */
    public ReadOnlyStringProperty natProperty() {
        return nat.getReadOnlyProperty();
    }

    /** How the last export went, one line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
