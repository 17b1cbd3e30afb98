package io.ngisec.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.testing.AppUnderTest;
import io.ngisec.app.testing.ServerFixture;
import io.ngisec.client.testing.EnrolledHomes;
import io.ngisec.client.testing.PolicyServerProcess;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection badge through a server outage, headless: the policy server process stops
 * (the window says it is reconnecting or offline, with the last error), then starts again on
 * the same home and port (the window is online again by itself).
 */
class ServerConnectionTest {

    @TempDir
    Path dir;

    private PolicyServerProcess server;
    private AppUnderTest app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void serverLossShowsReconnectingWithTheErrorAndItsReturnShowsOnline() throws Exception {
        server = ServerFixture.start(dir);
        Path alice = EnrolledHomes.enroll(server, dir.resolve("alice"), "alice");
        EnrolledHomes.enroll(server, dir.resolve("bob"), "bob");
        app = AppUnderTest.launch("--home", alice.toString());
        app.awaitText("#connectionStatus", "Online");
        assertThat(app.find("#connectionError").isVisible()).isFalse();

        server.close();

        app.await("reconnecting or offline, with an error",
                () -> Set.of("Reconnecting...", "Offline").contains(app.text("#connectionStatus"))
                        && !app.text("#connectionError").isEmpty(),
                () -> app.text("#connectionStatus") + " / " + app.text("#connectionError"));
        assertThat(app.text("#connectionError")).doesNotContain("\n").doesNotContain("Exception");
        assertThat(app.find("#connectionError").isVisible()).isTrue();

        server = server.restart();

        app.awaitText("#connectionStatus", "Online");
        app.await("the error cleared", () -> app.text("#connectionError").isEmpty(), () -> app.text("#connectionError"));
    }
}
