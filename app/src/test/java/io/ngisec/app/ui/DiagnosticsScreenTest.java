package io.ngisec.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngisec.app.diagnostics.DiagnosticsView;
import io.ngisec.app.diagnostics.DiagnosticsViewModel;
import io.ngisec.app.diagnostics.StatRow;
import io.ngisec.app.service.PeerOptions;
import io.ngisec.app.testing.AppUnderTest;
import io.ngisec.app.testing.ServerFixture;
import io.ngisec.app.theme.ThemeMode;
import io.ngisec.client.home.PeerHome;
import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.client.link.PeerLink;
import io.ngisec.client.peer.OnlinePeer;
import io.ngisec.client.testing.EnrolledHomes;
import io.ngisec.client.testing.PolicyServerProcess;
import io.ngisec.protocol.qos.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diagnostics screen of an enrolled device against a real policy server, headless: a
 * colleague (a real {@link OnlinePeer} in this JVM) opens a session to it over loopback; the
 * table shows that session's path, RTT and cipher, the charts gain points each second, and the
 * exported report names the session and holds none of the device's keys; the settings section
 * shows the home's download folder and switches the theme at once. Leaves PNGs in target/screenshots/.
 */
class DiagnosticsScreenTest {

    /** A probe the peer's link acknowledges and drops (as {@code ngisec diag --to} sends). */
    private static final String PROBE = PeerLink.PROBE_PREFIX + ",\"pad\":\"" + "0".repeat(2400) + "\"}";

    @TempDir
    static Path dir;

    @AutoClose
    private static PolicyServerProcess server;
    private static Path alice;
    private static Path bob;
    @AutoClose
    private AppUnderTest app;

    @BeforeAll
    static void startServer() throws Exception {
        server = ServerFixture.start(dir);
        alice = EnrolledHomes.enroll(server, dir.resolve("alice"), "alice");
        bob = EnrolledHomes.enroll(server, dir.resolve("bob"), "bob");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSessionFromAColleagueShowsItsStatisticsLiveChartsAndGoesIntoTheReport() throws Exception {
        EnrolledIdentity aliceIdentity;
        try (PeerHome home = EnrolledHomes.open(alice)) {
            aliceIdentity = home.identity().orElseThrow();
        }
        app = AppUnderTest.launch("--home", alice.toString());
        app.awaitText("#connectionStatus", "Online");
        app.robot().clickOn("#nav-diagnostics");
        app.await("the diagnostics screen", () -> app.find("#statsTable") != null && app.find("#statsTable").isVisible(),
                () -> String.valueOf(app.find("#sectionContent")));
        assertThat(app.text("#diagSummary")).startsWith("No live session");
        assertThat(app.text("#pathStatus")).isEqualTo("No peer session");
        // A netcheck runs by itself once online, so the status bar can name the NAT.
        app.await("the status bar's NAT line", () -> app.text("#natStatus").startsWith("NAT: "), () -> app.text("#natStatus"));

        try (PeerHome bobHome = EnrolledHomes.open(bob);
                OnlinePeer bobOnline = OnlinePeer.start(bobHome, bobHome.identity().orElseThrow(),
                        PeerOptions.declining(notice -> { }))) {
            bobOnline.awaitSignaling(AppUnderTest.WAIT);
            PeerLink link = bobOnline.connect(aliceIdentity.deviceId(), Set.of(Service.CHAT));
            Thread probes = Thread.ofVirtual().start(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        link.sendControl(PROBE);
                        Thread.sleep(200);
                    }
                } catch (Exception e) {
                    // The link closed or the test ended.
                }
            });
            try {
                app.await("the session with bob and a measured RTT", () -> "1 live session".equals(app.text("#diagSummary"))
                        && rttMillis() > 0, this::table);
                assertThat(AppUnderTest.onFx(() -> String.valueOf(((javafx.scene.control.ComboBox<?>) app.find("#sessionChoice"))
                        .getValue()))).isEqualTo("bob / bob-pc, incoming");
                assertThat(value("Path", "Local candidate")).isEqualTo("host");
                assertThat(value("Path", "Remote candidate")).isEqualTo("host");
                assertThat(value("Path", "Route")).isEqualTo("direct (host)");
                app.awaitText("#pathStatus", "1 peer session, direct");
                assertThat(value("Path", "Selected pair")).contains("127.0.0.1:");
                assertThat(value("Security", "Cipher")).startsWith("Noise_").contains("AES");
                assertThat(value("QoS classes", "CONTROL (DSCP 26)")).contains("in ");

                int points = rttPoints();
                app.await("three more chart points", () -> rttPoints() >= points + 3 && throughputPoints() >= points + 3,
                        () -> "rtt points " + rttPoints() + ", was " + points);
                app.snapshot(Path.of("target", "screenshots", "diagnostics.png"));

                Path file = dir.resolve("report.json");
                AppUnderTest.onFx(() -> {
                    model().export(file);
                    return null;
                });
                app.awaitText("#diagMessage", "Report saved to " + file);
                String json = Files.readString(file);
                JsonNode report = new ObjectMapper().readTree(json);
                assertThat(report.at("/identity/user").asText()).isEqualTo("alice");
                assertThat(report.at("/connection/state").asText()).isEqualTo("ONLINE");
                assertThat(report.at("/sessions/0/peer").asText()).isEqualTo("bob");
                assertThat(report.at("/sessions/0/path/localType").asText()).isEqualTo("host");
                assertThat(report.at("/sessions/0/rtt/smoothedMillis").asDouble()).isPositive();
                byte[] noise = aliceIdentity.keys().noise().privateKey();
                byte[] signing = aliceIdentity.keys().signing().getPrivate().getEncoded();
                assertThat(json).doesNotContain(Base64.getEncoder().encodeToString(noise),
                        HexFormat.of().formatHex(noise), Base64.getEncoder().encodeToString(signing),
                        HexFormat.of().formatHex(signing));
            } finally {
                probes.interrupt();
            }
        }

        // The settings section: the home's download folder, and a theme that applies at once.
        app.robot().clickOn("#nav-settings");
        app.awaitText("#downloadFolder", alice.resolve("downloads").toString());
        app.robot().interact(() -> ((javafx.scene.control.ComboBox<ThemeMode>) app.find("#themeChoice")).setValue(ThemeMode.DARK));
        assertThat(AppUnderTest.onFx(javafx.application.Application::getUserAgentStylesheet)).contains("primer-dark");
        app.snapshot(Path.of("target", "screenshots", "settings-dark.png"));
        app.robot().interact(() -> ((javafx.scene.control.ComboBox<ThemeMode>) app.find("#themeChoice")).setValue(ThemeMode.SYSTEM));
    }

    private DiagnosticsViewModel model() {
        return DiagnosticsView.modelOf(app.find("#diagnosticsView")).orElseThrow();
    }

    private List<StatRow> rows() {
        return AppUnderTest.onFx(() -> {
            @SuppressWarnings("unchecked")
            TableView<StatRow> table = (TableView<StatRow>) app.find("#statsTable");
            return List.copyOf(table.getItems());
        });
    }

    private String value(String group, String name) {
        return rows().stream().filter(r -> r.group().equals(group) && r.name().equals(name)).map(StatRow::value)
                .findFirst().orElseThrow(() -> new AssertionError("no row " + group + "/" + name + " in " + rows()));
    }

    private double rttMillis() {
        return rows().stream().filter(r -> r.group().equals("RTT") && r.name().equals("Smoothed")).findFirst()
                .filter(r -> r.value().endsWith(" ms"))
                .map(r -> Double.parseDouble(r.value().replace(" ms", ""))).orElse(0.0);
    }

    private int rttPoints() {
        return AppUnderTest.onFx(() -> model().rttSeries().getFirst().getData().size());
    }

    private int throughputPoints() {
        return AppUnderTest.onFx(() -> model().throughputSeries().getFirst().getData().size());
    }

    private String table() {
        return app.text("#diagSummary") + " " + rows();
    }
}
