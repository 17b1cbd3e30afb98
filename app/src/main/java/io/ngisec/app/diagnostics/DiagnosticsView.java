package io.ngisec.app.diagnostics;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.io.File;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The diagnostics screen: the session picker and "Export report...", the selected session's
 * statistics table beside live charts of RTT, throughput and loss, and the netcheck panel below.
 */
public final class DiagnosticsView {

    private final DiagnosticsViewModel model;
    private final BorderPane root = new BorderPane();

    public DiagnosticsView(DiagnosticsViewModel model) {
        this.model = model;
        build();
    }

    public Parent root() {
        return root;
    }

    /** The model of a view built by this class, found from its root (how tests and the screenshot script drive it). */
    public static java.util.Optional<DiagnosticsViewModel> modelOf(javafx.scene.Node root) {
        return root.getProperties().get(DiagnosticsViewModel.class) instanceof DiagnosticsViewModel m
                ? java.util.Optional.of(m) : java.util.Optional.empty();
    }

    private void build() {
        root.setId("diagnosticsView");
        root.getProperties().put(DiagnosticsViewModel.class, model);
        root.setPadding(new Insets(12));
        root.setTop(header());
        SplitPane split = new SplitPane(table(), charts());
        split.setDividerPositions(0.55);
        root.setCenter(split);
        root.setBottom(netcheck());
        BorderPane.setMargin(split, new Insets(8, 0, 8, 0));
    }

    private Parent header() {
        Label title = new Label("Diagnostics", new FontIcon(Feather.ACTIVITY));
        title.getStyleClass().add(Styles.TITLE_3);
        Label summary = new Label();
        summary.setId("diagSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(model.summaryProperty());
        summary.accessibleTextProperty().bind(model.summaryProperty());

        ComboBox<SessionChoice> sessions = new ComboBox<>(model.sessions());
        sessions.setId("sessionChoice");
        sessions.setAccessibleText("Session");
        sessions.setPromptText("No live session");
        sessions.setValue(model.selectedProperty().get());
        model.selectedProperty().addListener((o, was, now) -> sessions.setValue(now));
        sessions.valueProperty().addListener((o, was, now) -> model.select(now));

        Button export = new Button("Export report...", new FontIcon(Feather.DOWNLOAD));
        export.setId("exportReport");
        export.setAccessibleText("Export a diagnostics report for the help desk");
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("NGISec Communicator - export diagnostics report");
            chooser.setInitialFileName("ngisec-diagnostics-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON report", "*.json"));
            File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (file != null) {
                model.export(file.toPath());
            }
        });

        Label message = new Label();
        message.setId("diagMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.accessibleTextProperty().bind(model.messageProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line = new HBox(12, title, summary, spacer, sessions, export);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, line, message);
    }

    private Parent table() {
        TableView<StatRow> table = new TableView<>(model.rows());
        table.setId("statsTable");
        table.setAccessibleText("Statistics of the selected session");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No live session"));
        table.getColumns().addAll(List.of(
                column("Area", StatRow::group, 100),
                column("Statistic", StatRow::name, 160),
                column("Value", StatRow::value, 300)));
        return table;
    }

    private static TableColumn<StatRow, String> column(String title, java.util.function.Function<StatRow, String> value,
            double width) {
        TableColumn<StatRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private Parent charts() {
        VBox box = new VBox(4,
                chart("rttChart", "Round-trip time (ms)", model.rttSeries()),
                chart("throughputChart", "Throughput (kbit/s)", model.throughputSeries()),
                chart("lossChart", "Loss (%)", model.lossSeries()));
        box.getChildren().forEach(c -> VBox.setVgrow(c, Priority.ALWAYS));
        return box;
    }

    private LineChart<Number, Number> chart(String id, String title, List<XYChart.Series<Number, Number>> series) {
        NumberAxis time = new NumberAxis();
        time.setAutoRanging(false);
        time.setTickUnit(60);
        time.setMinorTickVisible(false);
        time.setLabel("time (min:s)");
        time.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                long s = Math.round(n.doubleValue());
                return s < 0 ? "" : String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("labels only");
            }
        });
        time.lowerBoundProperty().bind(model.windowStartProperty());
        time.upperBoundProperty().bind(model.windowEndProperty());
        NumberAxis value = new NumberAxis();
        value.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(time, value);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAccessibleText(title + " over the last five minutes");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setVerticalZeroLineVisible(false);
        chart.setLegendVisible(series.size() > 1);
        chart.setMinHeight(140);
        chart.getData().addAll(series);
        return chart;
    }

    private Parent netcheck() {
        Button run = new Button("Run netcheck", new FontIcon(Feather.RADIO));
        run.setId("runNetcheck");
        run.setAccessibleText("Run netcheck");
        run.disableProperty().bind(model.netcheckRunningProperty());
        run.setOnAction(e -> model.runNetcheck());
        Label nat = new Label();
        nat.setId("natVerdict");
        nat.textProperty().bind(model.natProperty().map(v -> v.isEmpty() ? "" : "NAT: " + v));
        nat.accessibleTextProperty().bind(nat.textProperty());
        TextArea text = new TextArea();
        text.setId("netcheckReport");
        text.setAccessibleText("Netcheck report");
        text.setEditable(false);
        text.setPrefRowCount(6);
        text.getStyleClass().add("mono");
        text.textProperty().bind(model.netcheckTextProperty());
        HBox line = new HBox(12, run, nat);
        line.setAlignment(Pos.CENTER_LEFT);
        TitledPane pane = new TitledPane("Network check (NAT type, STUN and TURN servers)", new VBox(8, line, text));
        pane.setId("netcheckPane");
        pane.setExpanded(false);
        return pane;
    }
}
