package io.ngisec.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngisec.client.testing.EnrolledHomes;
import io.ngisec.client.testing.PeerProcess;
import io.ngisec.client.testing.PolicyServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Call control, the policy's say over calls, bad input and the call's traces in {@code diag} and
 * {@code devices}, end to end as a user meets them: a real policy server process, each
 * {@code ngisec} command its own process over loopback, audio generated ({@code --in tone}) and
 * discarded ({@code --out none}). Every process runs without a sound server or ALSA devices, as on
 * a CI machine. Each case checks the exit code, the one stderr line and both sides' JSON events.
 * Gary is in a group the policy forbids calls, Ivy in one whose calls it caps at INTERACTIVE.
 */
class CallControlCommandLineTest {

    private static final String POLICY = """
            {
              "rules": [
                { "name": "guests-no-calls", "action": "deny", "from": ["group:guests"], "to": ["*"], "services": ["call"] },
                { "name": "slow-calls", "action": "allow", "from": ["group:slow"], "to": ["*"],
                  "services": { "call": "interactive", "chat": "interactive", "file": "bulk" } },
                { "name": "everyone", "action": "allow", "from": ["*"], "to": ["*"],
                  "services": { "call": "voice", "chat": "interactive", "file": "bulk" } },
              ],
            }
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COMMAND = Duration.ofSeconds(60);
    private static final int SIGTERM_EXIT = 128 + 15;

    @TempDir
    static Path dir;

    private static PolicyServerProcess server;
    private static Map<String, String> environment;

    @BeforeAll
    static void setUp() throws Exception {
        environment = new HashMap<>(Map.of("NGISEC_HOST_ADDRESSES", "127.0.0.1"));
        // No sound server answers and ALSA defines no devices, whatever this machine has.
        environment.put("PULSE_SERVER", "unix:" + dir.resolve("no-pulse-server"));
        environment.put("ALSA_CONFIG_PATH", Files.writeString(dir.resolve("empty-asound.conf"), "").toString());
        server = PolicyServerProcess.start(dir);
        server.applyPolicy(POLICY);
        for (String user : List.of("alice", "bob", "carol")) {
            EnrolledHomes.enroll(server, dir.resolve(user), user);
        }
        EnrolledHomes.enroll(server, dir.resolve("gary"), "gary", "guests");
        EnrolledHomes.enroll(server, dir.resolve("ivy"), "ivy", "slow");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aCalleeThatTakesNoCallsDeclinesThemAndBothSidesSayWhy() throws Exception {
        try (PeerProcess bob = listen("bob", "files,chat")) {
            PeerProcess call = run("alice-call", callArgs("alice", "bob", "--duration", "5s"));
            assertThat(call.exitCode()).as("%s", call).isEqualTo(1);
            assertThat(call.stderr()).containsExactly("ngisec: bob declined the call: not accepting calls");
            JsonNode ended = lastEvent(call, "call.ended");
            assertThat(ended.path("reason").asText()).isEqualTo("DECLINED");
            assertThat(ended.path("byPeer").asBoolean()).isTrue();
            assertThat(ended.has("stats")).as("no media ran").isFalse();

            JsonNode bobEnded = event(bob, "call.ended");
            assertThat(bobEnded.path("peer").asText()).isEqualTo("alice");
            assertThat(bobEnded.path("reason").asText()).isEqualTo("DECLINED");
            assertThat(bobEnded.path("message").asText()).isEqualTo("you declined the call from alice: not accepting calls");
        }
    }

    @Test
    void aSecondCallerHearsBusyAndTheCalleeStoppedBySigtermHangsUp() throws Exception {
        try (PeerProcess bob = listen("bob", "calls", "--in", "tone:300", "--out", "none");
                PeerProcess alice = peer("alice-call", callArgs("alice", "bob", "--duration", "2m"))) {
            alice.awaitLine(l -> l.contains("\"call.started\""), COMMAND);

            PeerProcess carol = run("carol-call", callArgs("carol", "bob", "--duration", "5s"));
            assertThat(carol.exitCode()).as("%s\n%s\n%s", carol, alice, bob).isEqualTo(1);
            assertThat(carol.stderr()).containsExactly("ngisec: bob is busy");
            assertThat(lastEvent(carol, "call.ended").path("reason").asText()).isEqualTo("BUSY");
            JsonNode missed = JSON.readTree(bob.awaitLine(l -> l.contains("\"call.ended\"") && l.contains("\"BUSY\""), COMMAND));
            assertThat(missed.path("peer").asText()).isEqualTo("carol");
            assertThat(missed.path("message").asText()).isEqualTo("missed call from carol: you were in a call with alice");

            // The listening side going offline hangs up first: alice hears it, not a lost call.
            bob.stop();
            assertThat(bob.awaitExit(COMMAND)).isEqualTo(SIGTERM_EXIT);
            assertThat(alice.awaitExit(COMMAND)).as("%s", alice).isZero();
            assertThat(alice.stderr()).isEmpty();
            JsonNode ended = lastEvent(alice, "call.ended");
            assertThat(ended.path("reason").asText()).isEqualTo("HUNG_UP");
            assertThat(ended.path("message").asText()).isEqualTo("bob hung up");
            assertThat(ended.path("seconds").asDouble()).as("before its 2 minutes").isLessThan(120);
            assertThat(ended.path("stats").path("framesReceived").asLong()).isPositive();

            JsonNode bobEnded = lastEvent(bob, "call.ended");
            assertThat(bobEnded.path("peer").asText()).isEqualTo("alice");
            assertThat(bobEnded.path("message").asText()).isEqualTo("you hung up");
            assertThat(bob.stderr()).isEmpty();
        }
    }

    /**
     * Ctrl-C and SIGTERM both run the JVM's shutdown hooks: the call hangs up, prints its end and
     * closes the session; the exit code is the signal's, as for any command a signal stops. SIGTERM
     * here, since a test's child processes may ignore SIGINT (started in the background).
     */
    @Test
    void theCallerStoppedBySigtermHangsUpAndSaysSo() throws Exception {
        try (PeerProcess bob = listen("bob", "calls", "--in", "tone:300", "--out", "none");
                PeerProcess alice = peer("alice-call", callArgs("alice", "bob", "--duration", "2m"))) {
            alice.awaitLine(l -> l.contains("\"call.stats\""), COMMAND);
            alice.stop();
            assertThat(alice.awaitExit(COMMAND)).isEqualTo(SIGTERM_EXIT);
            assertThat(alice.stderr()).isEmpty();
            JsonNode ended = lastEvent(alice, "call.ended");
            assertThat(ended.path("reason").asText()).isEqualTo("HUNG_UP");
            assertThat(ended.path("message").asText()).isEqualTo("you hung up");

            JsonNode bobEnded = event(bob, "call.ended");
            assertThat(bobEnded.path("reason").asText()).isEqualTo("HUNG_UP");
            assertThat(bobEnded.path("message").asText()).isEqualTo("alice hung up");
        }
    }

    @Test
    void thePolicyForbidsCallsNamingTheRuleOrCapsTheirClassAndDiagShowsTheCall() throws Exception {
        // Side by side: gary is refused before anything rings.
        try (PeerProcess bob = listen("bob", "calls", "--in", "tone:300", "--out", "none");
                PeerProcess gary = peer("gary-call", callArgs("gary", "bob", "--duration", "5s"))) {
            PeerProcess ivy = run("ivy-call", callArgs("ivy", "bob", "--duration", "3s"));
            assertThat(gary.awaitExit(COMMAND)).as("%s", gary).isEqualTo(1);
            assertThat(gary.stderr()).containsExactly(
                    "ngisec: the policy does not allow calls with bob: rule \"guests-no-calls\" denies call");
            assertThat(gary.stdout()).noneMatch(l -> l.contains("\"call."));

            assertThat(ivy.exitCode()).as("%s", ivy).isZero();
            assertThat(ivy.stderr()).isEmpty();
            JsonNode ivyStats = lastEvent(ivy, "call.ended").path("stats");
            JsonNode bobStats = JSON.readTree(bob.awaitLine(l -> l.contains("\"call.ended\"") && l.contains("\"ivy\""), COMMAND))
                    .path("stats");
            for (JsonNode stats : List.of(ivyStats, bobStats)) {
                assertThat(stats.path("class").asText()).isEqualTo("INTERACTIVE");
                assertThat(stats.path("dscp").asInt()).isEqualTo(18);
                assertThat(stats.path("classCapped").asBoolean()).isTrue();
                assertThat(stats.path("framesReceived").asLong()).isPositive();
            }
            assertThat(bob.stdout()).as("gary's call never rang").noneMatch(l -> l.contains("\"gary\""));

            PeerProcess diag = run("ivy-diag", "diag", "--home", home("ivy"));
            assertThat(diag.exitCode()).as("%s", diag).isZero();
            assertThat(diag.stdout()).anyMatch(l -> l.startsWith("call to bob  ended ") && l.endsWith("(you hung up)"));
            assertThat(diag.stdout()).anyMatch(l -> l.contains("INTERACTIVE (DSCP 18), capped by the policy"));
            assertThat(diag.stdout()).anyMatch(l -> l.contains("MOS "));
            PeerProcess diagJson = run("ivy-diag-json", "diag", "--home", home("ivy"), "--json");
            assertThat(diagJson.exitCode()).as("%s", diagJson).isZero();
            JsonNode logged = lastLine(diagJson, "{\"call\":");
            assertThat(logged.path("peer").asText()).isEqualTo("bob");
            assertThat(logged.path("outgoing").asBoolean()).isTrue();
            assertThat(logged.path("endReason").asText()).isEqualTo("HUNG_UP");
            assertThat(logged.path("stats").path("class").asText()).isEqualTo("INTERACTIVE");
            assertThat(logged.path("stats").path("mos").asDouble()).isBetween(1.0, 4.5);
            System.out.printf("capped call: ivy hears %d frames, loss %.2f%%, MOS %.1f; bob hears %d frames, MOS %.1f; "
                    + "diag logged MOS %.1f%n", ivyStats.path("framesReceived").asLong(), 100 * ivyStats.path("lossBefore").asDouble(),
                    ivyStats.path("mos").asDouble(), bobStats.path("framesReceived").asLong(), bobStats.path("mos").asDouble(),
                    logged.path("stats").path("mos").asDouble());
        }
    }

    @Test
    void badInputIsOneLineWithExitCode2AndAnOfflinePeerExitCode1() throws Exception {
        Path text = Files.writeString(dir.resolve("not-a-wav.wav"), "this is text, not audio\n");
        Path missing = dir.resolve("missing.wav");
        // Refused before the server is asked: side by side, since JVM starts cost less that way.
        Map<PeerProcess, String> local = new LinkedHashMap<>();
        local.put(aliceCalls("missing", "--in", missing.toString()), "ngisec: " + missing + ": no such file or directory");
        local.put(aliceCalls("text", "--in", text.toString()), "ngisec: " + text + ": not a WAV file (no RIFF/WAVE header)");
        local.put(aliceCalls("tone-5", "--in", "tone:5"), "ngisec: bad tone frequency '5'; use tone:HZ with HZ from 20 to 20000");
        local.put(aliceCalls("device", "--in", "no such device"), "ngisec: no audio device named 'no such device'; "
                + "this machine has no audio devices: use --in FILE.wav, tone or none");
        local.put(aliceCalls("duration-0s", "--in", "tone", "--duration", "0s"), "ngisec: --duration must be longer than 0, e.g. 30s");
        local.put(aliceCalls("duration-0", "--in", "tone", "--duration", "0"),
                "ngisec: Invalid value for option '--duration': '0' is not a duration like 30s, 5m or 2h (see 'ngisec call --help')");
        Map<String, String> badLog = new HashMap<>(environment);
        badLog.put("NGISEC_LOG", "chatty");
        local.put(PeerProcess.start("bad-log", null, badLog, "devices"), "ngisec: NGISEC_LOG: not a log level: chatty");
        try {
            for (Map.Entry<PeerProcess, String> c : local.entrySet()) {
                c.getKey().awaitExit(COMMAND);
                assertFailed(c.getKey(), 2, c.getValue());
            }
        } finally {
            for (PeerProcess p : local.keySet()) {
                p.close();
            }
        }

        assertFailed(run("unknown-user", callArgs("alice", "nobody")), 2,
                "ngisec: no user 'nobody' in your directory (unknown, or the policy allows you nothing with them)");
        assertFailed(run("offline-user", callArgs("alice", "carol")), 1, "ngisec: carol is offline; calls need both of you online");
    }

    @Test
    void devicesWithoutASoundServerSaysSoAndListsNoneAsJson() throws Exception {
        PeerProcess devices = run("devices", "devices");
        assertThat(devices.exitCode()).as("%s", devices).isZero();
        assertThat(devices.stdout()).containsExactly("no audio devices found; calls can still use --in FILE.wav and --out FILE.wav");
        assertThat(devices.stderr()).isEmpty();
        // One JSON object per device: none is no line, which a script reads as an empty list.
        PeerProcess json = run("devices-json", "devices", "--json");
        assertThat(json.exitCode()).as("%s", json).isZero();
        assertThat(json.stdout()).isEmpty();
        assertThat(json.stderr()).isEmpty();
    }

    private static void assertFailed(PeerProcess p, int exitCode, String line) {
        assertThat(p.exitCode()).as("%s", p).isEqualTo(exitCode);
        assertThat(p.stderr()).as("%s", p).containsExactly(line);
        assertThat(p.stdout()).as("%s", p).isEmpty();
    }

    /** {@code call --to bob} from alice's home with {@code more}, started and not waited for. */
    private static PeerProcess aliceCalls(String name, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("call", "--home", home("alice"), "--to", "bob"));
        args.addAll(List.of(more));
        return peer("alice-call-" + name, args.toArray(String[]::new));
    }

    /** {@code call --to TO} from {@code user}'s home with a tone in and nothing out, as JSON, plus {@code more}. */
    private static String[] callArgs(String user, String to, String... more) {
        List<String> args = new ArrayList<>(List.of("call", "--home", home(user), "--json", "--to", to,
                "--in", "tone", "--out", "none"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static PeerProcess listen(String user, String accept, String... audio) throws Exception {
        List<String> args = new ArrayList<>(List.of("listen", "--home", home(user), "--json", "--accept", accept));
        args.addAll(List.of(audio));
        PeerProcess p = peer(user + "-listen", args.toArray(String[]::new));
        p.awaitLine(l -> l.contains("\"listening\""), COMMAND);
        return p;
    }

    private static JsonNode event(PeerProcess p, String event) throws Exception {
        return JSON.readTree(p.awaitLine(l -> l.contains("\"" + event + "\""), COMMAND));
    }

    /** The last JSON line of {@code p} with {@code event}. */
    private static JsonNode lastEvent(PeerProcess p, String event) throws IOException {
        return lastLine(p, "{\"event\":\"" + event + "\"");
    }

    /** The last line of {@code p} that starts with {@code start}, as JSON. */
    private static JsonNode lastLine(PeerProcess p, String start) throws IOException {
        JsonNode last = null;
        for (String line : p.stdout()) {
            if (line.startsWith(start)) {
                last = JSON.readTree(line);
            }
        }
        assertThat(last).as("no line starting %s in %s", start, p).isNotNull();
        return last;
    }

    private static PeerProcess run(String name, String... args) throws Exception {
        PeerProcess p = peer(name, args);
        p.awaitExit(COMMAND);
        return p;
    }

    private static PeerProcess peer(String name, String... args) throws IOException {
        return PeerProcess.start(name, null, environment, args);
    }

    private static String home(String user) {
        return dir.resolve(user).toString();
    }
}
