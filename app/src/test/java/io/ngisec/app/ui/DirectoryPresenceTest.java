package io.ngisec.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.service.Colleague;
import io.ngisec.app.service.PeerOptions;
import io.ngisec.app.testing.AppUnderTest;
import io.ngisec.app.testing.ServerFixture;
import io.ngisec.client.home.PeerHome;
import io.ngisec.client.peer.OnlinePeer;
import io.ngisec.client.testing.EnrolledHomes;
import io.ngisec.client.testing.PolicyServerProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main window of an enrolled device against a real policy server, headless: the directory
 * lists the colleagues, follows another device (a real {@link OnlinePeer} in this JVM) coming
 * online and going offline, and the search narrows it. Leaves a PNG of the window in
 * target/screenshots/ to look at.
 */
class DirectoryPresenceTest {

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
        EnrolledHomes.enroll(server, dir.resolve("carol"), "carol");
    }

    @Test
    void theDirectoryFollowsAColleagueComingOnlineAndGoingOfflineAndTheSearchNarrowsIt() throws Exception {
        app = AppUnderTest.launch("--home", alice.toString());
        app.awaitText("#connectionStatus", "Online");
        app.await("bob and carol listed offline", () -> users().equals(List.of("bob", "carol"))
                && colleagues().stream().noneMatch(Colleague::online), this::directoryState);
        assertThat(app.text("#directorySummary")).isEqualTo("2 colleagues, 0 online");
        assertThat(app.text("#identityStatus")).isEqualTo("alice / alice-pc");
        assertThat(app.text("#caStatus")).isEqualTo("CA " + server.caFingerprint().toString().substring(0, 23));

        try (PeerHome bobHome = EnrolledHomes.open(bob);
                OnlinePeer bobOnline = OnlinePeer.start(bobHome, bobHome.identity().orElseThrow(),
                        PeerOptions.declining(notice -> { }))) {
            bobOnline.awaitSignaling(AppUnderTest.WAIT);
            app.await("bob online", () -> colleague("bob").map(Colleague::online).orElse(false), this::directoryState);
            app.awaitText("#directorySummary", "2 colleagues, 1 online");
            assertThat(rowDetails()).contains("online, 1 of 1 device", "offline, 1 device");
            assertThat(colleague("carol").orElseThrow().online()).isFalse();
            app.snapshot(Path.of("target", "screenshots", "main-window.png"));

            app.robot().clickOn("#searchField").write("car");
            app.await("only carol", () -> users().equals(List.of("carol")), this::directoryState);
            assertThat(app.text("#directorySummary")).isEqualTo("1 of 2 colleagues, 0 online");
            app.robot().eraseText(3);
            app.await("both again", () -> users().size() == 2, this::directoryState);

            // The device leaves: its signaling closes and the server tells alice.
            bobOnline.close();
            app.await("bob offline", () -> !colleague("bob").map(Colleague::online).orElse(true), this::directoryState);
        }
        assertThat(app.text("#directorySummary")).isEqualTo("2 colleagues, 0 online");
    }

    @Test
    void contactActionsSayWhatTheyDoOrWhyTheyCannot() throws Exception {
        app = AppUnderTest.launch("--home", alice.toString());
        // The row's buttons exist once the list has laid the row out, a pulse after the item arrives.
        app.await("bob listed", () -> colleague("bob").isPresent() && app.find("#call-bob") != null, this::directoryState);

        assertThat(app.disabled("#call-bob")).isTrue();
        assertThat(app.disabled("#send_files-bob")).isTrue();
        assertThat(AppUnderTest.onFx(() -> ((javafx.scene.control.Button) app.find("#send_files-bob")).getTooltip().getText()))
                .isEqualTo("Send files: bob is offline");
        // The conversation (its history) opens while bob is offline too.
        assertThat(app.disabled("#chat-bob")).isFalse();
        assertThat(AppUnderTest.onFx(() -> ((javafx.scene.control.Button) app.find("#call-bob")).getTooltip().getText()))
                .isEqualTo("Call: bob is offline");
        assertThat(AppUnderTest.onFx(() -> ((javafx.scene.control.Button) app.find("#chat-bob")).getTooltip().getText()))
                .isEqualTo("Chat: read the conversation (bob is offline)");
    }

    private List<Colleague> colleagues() {
        return app.items("#directoryList");
    }

    private List<String> users() {
        return colleagues().stream().map(Colleague::user).toList();
    }

    private Optional<Colleague> colleague(String user) {
        return colleagues().stream().filter(c -> c.user().equals(user)).findFirst();
    }

    private List<String> rowDetails() {
        return AppUnderTest.onFx(() -> app.robot().lookup(".contact-detail").queryAllAs(Label.class).stream()
                .map(Label::getText).filter(t -> t != null && !t.isEmpty()).toList());
    }

    private String directoryState() {
        return app.text("#connectionStatus") + " " + app.text("#connectionError") + " " + colleagues();
    }

}
