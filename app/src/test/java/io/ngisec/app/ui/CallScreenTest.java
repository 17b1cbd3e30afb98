package io.ngisec.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.service.CallAudio;
import io.ngisec.app.testing.AppUnderTest;
import io.ngisec.app.testing.ServerFixture;
import io.ngisec.client.testing.EnrolledHomes;
import io.ngisec.client.testing.PeerProcess;
import io.ngisec.client.testing.PolicyServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls in the app, headless, against a real policy server: alice's app calls bob, a real
 * {@code ngisec listen} process answering with a tone, and the in-call view shows live quality
 * (MOS, RTT, class VOICE with DSCP 46, the direct path, the cipher) while the duration runs; hanging
 * up shows the end on both sides. Then carol, an {@code ngisec call} process, calls the app: once
 * accepted (and hung up by carol), once declined (carol's process says so). No sound card: the app
 * sends a tone and plays to nowhere ({@link CallAudio}'s properties), the processes likewise.
 * Leaves PNGs of the call panel in target/screenshots/.
 */
class CallScreenTest {

    private static final Duration COMMAND = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static PolicyServerProcess server;
    private static Map<String, String> environment;
    /** One app for the class (launching it is the slow part); each test starts from a call panel that is idle or ended. */
    private static AppUnderTest app;
    private static PeerProcess bob;
    private static final List<PeerProcess> processes = new ArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        environment = new HashMap<>(Map.of("NGISEC_HOST_ADDRESSES", "127.0.0.1"));
        // No sound server answers and ALSA defines no devices, whatever this machine has.
        environment.put("PULSE_SERVER", "unix:" + dir.resolve("no-pulse-server"));
        environment.put("ALSA_CONFIG_PATH", Files.writeString(dir.resolve("empty-asound.conf"), "").toString());
        server = ServerFixture.start(dir);
        for (String user : List.of("alice", "bob", "carol")) {
            EnrolledHomes.enroll(server, dir.resolve(user), user);
        }
        System.setProperty(CallAudio.INPUT_PROPERTY, "tone");
        System.setProperty(CallAudio.OUTPUT_PROPERTY, "none");
        // Side by side: bob's JVM starts while the app comes up.
        bob = peer("bob-listen", "listen", "--home", home("bob"), "--json", "--accept", "calls", "--in", "tone", "--out", "none");
        app = AppUnderTest.launch("--home", home("alice"));
        bob.awaitLine(l -> l.contains("\"listening\""), COMMAND);
        app.awaitText("#connectionStatus", "Online");
    }

    @AfterAll
    static void stopAll() throws Exception {
        try {
            if (app != null) {
                app.close();
            }
            for (PeerProcess p : processes) {
                p.close();
            }
        } finally {
            System.clearProperty(CallAudio.INPUT_PROPERTY);
            System.clearProperty(CallAudio.OUTPUT_PROPERTY);
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void aCallToAColleagueShowsLiveQualityAndHangingUpShowsTheEnd() throws Exception {
        app.await("bob callable", () -> app.find("#call-bob") != null && !app.disabled("#call-bob"), CallScreenTest::state);

        app.robot().clickOn("#call-bob");
        app.awaitText("#callHeadline", "In call with bob");
        app.await("quality shown", () -> !"-".equals(app.text("#callMos")), CallScreenTest::state);
        String firstDuration = app.text("#callDuration");
        app.await("the duration runs", () -> !firstDuration.equals(app.text("#callDuration")), CallScreenTest::state);
        app.awaitText("#callQos", "VOICE / DSCP 46");
        app.awaitText("#callPath", "direct/host");
        assertThat(app.text("#callRtt")).matches("\\d+ ms");
        double mos = Double.parseDouble(app.text("#callMos").split(" ")[0]);
        assertThat(mos).isBetween(1.0, 4.5);
        assertThat(app.text("#callCipher")).isNotEqualTo("-");
        assertThat(app.text("#callLoss")).endsWith("after recovery");
        app.await("the microphone meter moves with the tone", () -> level("#inputLevel") > 0.5, CallScreenTest::state);
        app.await("the speaker meter moves with bob's tone", () -> level("#outputLevel") > 0.3, CallScreenTest::state);
        assertThat(app.text("#callCodec")).startsWith("opus");
        app.snapshot(Path.of("target", "screenshots", "call-active.png"));

        app.robot().clickOn("#hangUpCall");
        app.awaitText("#callEnd", "you hung up");
        assertThat(app.text("#callHeadline")).isEqualTo("Call ended");
        assertThat(bob.awaitLine(l -> l.contains("\"call.ended\""), COMMAND)).contains("alice hung up");
    }

    @Test
    void anIncomingCallIsAcceptedAndAnotherDeclined() throws Exception {
        PeerProcess accepted = peer("carol-call", "call", "--home", home("carol"), "--json", "--to", "alice",
                "--in", "tone", "--out", "none", "--duration", "2s");
        app.awaitText("#callHeadline", "Incoming call from carol (carol-pc)");
        app.snapshot(Path.of("target", "screenshots", "call-incoming.png"));
        app.robot().clickOn("#acceptCall");
        app.awaitText("#callHeadline", "In call with carol");
        app.await("quality shown", () -> !"-".equals(app.text("#callMos")), CallScreenTest::state);
        app.awaitText("#callEnd", "carol hung up");
        assertThat(accepted.awaitExit(COMMAND)).as("%s", accepted).isZero();

        PeerProcess declined = peer("carol-call-2", "call", "--home", home("carol"), "--to", "alice",
                "--in", "tone", "--out", "none");
        app.awaitText("#callHeadline", "Incoming call from carol (carol-pc)");
        // The keyboard: a ringing call takes the focus, and Esc declines it.
        app.await("Accept focused", () -> app.find("#acceptCall").isFocused(), CallScreenTest::state);
        app.robot().type(KeyCode.ESCAPE);
        app.awaitText("#callEnd", "you declined the call from carol");
        assertThat(declined.awaitExit(COMMAND)).as("%s", declined).isEqualTo(1);
        assertThat(declined.stderr()).containsExactly("ngisec: alice declined the call");
    }

    private static double level(String query) {
        Node n = app.find(query);
        return n instanceof ProgressBar bar ? bar.getProgress() : -1;
    }

    private static String state() {
        return app.text("#connectionStatus") + " | " + app.text("#callHeadline") + " | end " + app.text("#callEnd")
                + " | mos " + app.text("#callMos") + " rtt " + app.text("#callRtt") + " " + app.text("#callQos")
                + " " + app.text("#callPath") + " " + app.text("#callDuration")
                + " | processes " + processes;
    }

    private static PeerProcess peer(String name, String... args) throws Exception {
        PeerProcess p = PeerProcess.start(name, null, environment, args);
        processes.add(p);
        return p;
    }

    private static String home(String user) {
        return dir.resolve(user).toString();
    }
}
