package io.ngisec.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngisec.client.audio.AudioException;
import io.ngisec.client.audio.WavSource;
import io.ngisec.client.call.CodecReference;
import io.ngisec.client.testing.AudioCompare;
import io.ngisec.client.testing.MachineLoad;
import io.ngisec.client.testing.PeerProcess;
import io.ngisec.client.testing.PolicyServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls end to end as a user makes them: a real policy server process, a {@code listen --accept
 * calls} process recording what it hears to a WAV file, and a {@code call} process playing
 * synthesized speech (espeak-ng) from a WAV file, over loopback.
 */
class CallCommandLineTest {

    private static final String POLICY = """
            {
              "rules": [
                { "name": "everyone", "action": "allow", "from": ["*"], "to": ["*"],
                  "services": { "call": "voice", "chat": "interactive", "file": "bulk" } },
              ],
            }
            """;
    private static final Map<String, String> LOOPBACK = Map.of("NGISEC_HOST_ADDRESSES", "127.0.0.1");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COMMAND = Duration.ofSeconds(60);
    /** Above this one-minute load average per core, the received audio's score is printed, not judged. */
    private static final double OVERLOADED_PER_CORE = 3;

    @TempDir
    static Path dir;

    private static PolicyServerProcess server;
    private static Path speech;

    @BeforeAll
    static void setUp() throws Exception {
        speech = dir.resolve("speech.wav");
        assumeTrue(synthesize(speech, "This is a secure call over NGISec. The voice travels peer to peer, "
                + "encrypted end to end, in the expedited forwarding class. One, two, three, four, five."),
                "espeak-ng is not installed (.ci/run installs it)");
        server = PolicyServerProcess.start(dir);
        server.applyPolicy(POLICY);
        enroll("alice");
        enroll("bob");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void speechFromAWavFileIsHeardOnTheOtherSide() throws Exception {
        Path heard = dir.resolve("bob-heard.wav");
        MachineLoad machine = new MachineLoad();
        machine.sample();
        try (PeerProcess bob = listen("bob", "--out", heard.toString(), "--in", "none")) {
            try (PeerProcess call = peer("alice-call", "call", "--home", home("alice"), "--json", "--to", "bob",
                    "--in", speech.toString(), "--out", "none")) {
                assertThat(call.awaitExit(COMMAND)).as("%s", call).isZero();
                JsonNode ended = lastEvent(call, "call.ended");
                assertThat(ended.path("reason").asText()).isEqualTo("HUNG_UP");
                assertThat(ended.path("message").asText()).isEqualTo("you hung up");
                JsonNode stats = ended.path("stats");
                assertThat(stats.path("framesSent").asLong()).isPositive();
                assertThat(stats.path("class").asText()).isEqualTo("VOICE");
                assertThat(stats.path("dscp").asInt()).isEqualTo(46);
                assertThat(stats.path("path").asText()).isEqualTo("host");
            }
            JsonNode bobEnded = JSON.readTree(bob.awaitLine(l -> l.contains("\"call.ended\""), COMMAND));
            machine.sample();
            assertThat(bobEnded.path("message").asText()).isEqualTo("alice hung up");
            JsonNode bobStats = bobEnded.path("stats");
            assertThat(bobStats.path("framesReceived").asLong()).isPositive();
            assertThat(bobStats.path("malformed").asLong()).isZero();

            short[] sent = read(speech);
            short[] received = read(heard);
            AudioCompare.Similarity similarity = AudioCompare.compare(sent, received, 3000);
            double codecOnly = AudioCompare.compare(sent, CodecReference.roundTrip(sent), 100).correlation();
            System.out.printf("clean loopback call: windowed correlation %.3f, median window %.3f (codec alone %.3f) over %d "
                    + "windows, lag %d ms, loss %.2f%% (late %d), MOS %.2f; %s%n", similarity.correlation(),
                    similarity.medianCorrelation(), codecOnly, similarity.windows(),
                    similarity.lagSamples() / 48, 100 * bobStats.path("lossBefore").asDouble(), bobStats.path("late").asLong(),
                    bobStats.path("mos").asDouble(), machine);
            assertThat(similarity.windows()).isGreaterThanOrEqualTo(4);
            assumeFalse(machine.exceeded(OVERLOADED_PER_CORE), machine + ": the scheduler, not the path, decided how the "
                    + "audio came out (late frames); the score above is printed, not judged");
            // What the network path and the jitter buffer add to the codec's own distortion: on
            // loopback, a little (late frames on a loaded machine, the buffer adapting). Judged on
            // the median window: 4 late frames in a CI run took the mean from 0.90 to 0.80 through
            // the two or three windows they fell in, while the speech elsewhere came out as well.
            assertThat(similarity.medianCorrelation()).isGreaterThan(codecOnly - 0.15);
        }
    }

    static boolean synthesize(Path wav, String text) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("espeak-ng", "-w", wav.toString(), text).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 && Files.size(wav) > 1000;
        } catch (IOException e) {
            return false;
        }
    }

    static short[] read(Path wav) throws AudioException {
        try (WavSource source = WavSource.open(wav)) {
            short[] all = new short[48_000];
            int length = 0;
            short[] frame = new short[960];
            int n;
            while ((n = source.read(frame)) >= 0) {
                if (length + frame.length > all.length) {
                    all = Arrays.copyOf(all, all.length * 2);
                }
                System.arraycopy(frame, 0, all, length, frame.length);
                length += frame.length;
            }
            return Arrays.copyOf(all, length);
        }
    }

    private static JsonNode lastEvent(PeerProcess p, String event) throws IOException {
        JsonNode last = null;
        for (String line : p.stdout()) {
            if (line.startsWith("{") && line.contains("\"" + event + "\"")) {
                last = JSON.readTree(line);
            }
        }
        assertThat(last).as("no %s in %s", event, p).isNotNull();
        return last;
    }

    private static void enroll(String user) throws Exception {
        String invite = server.invite(user);
        try (PeerProcess enroll = peer(user + "-enroll", "enroll", "--home", home(user), "--name", user + "-pc",
                "--invite", invite)) {
            assertThat(enroll.awaitExit(COMMAND)).as("%s", enroll).isZero();
        }
    }

    private static PeerProcess listen(String user, String... audio) throws Exception {
        String[] args = new String[6 + audio.length];
        System.arraycopy(new String[] {"listen", "--home", home(user), "--json", "--accept", "calls"}, 0, args, 0, 6);
        System.arraycopy(audio, 0, args, 6, audio.length);
        PeerProcess p = peer(user + "-listen", args);
        p.awaitLine(l -> l.contains("\"listening\""), COMMAND);
        return p;
    }

    private static PeerProcess peer(String name, String... args) throws IOException {
        return PeerProcess.start(name, null, LOOPBACK, args);
    }

    private static String home(String user) {
        return dir.resolve(user).toString();
    }
}
