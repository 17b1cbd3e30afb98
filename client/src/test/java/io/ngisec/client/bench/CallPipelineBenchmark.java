package io.ngisec.client.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngisec.client.audio.AudioException;
import io.ngisec.client.audio.WavSink;
import io.ngisec.client.audio.WavSource;
import io.ngisec.client.testing.PeerProcess;
import io.ngisec.client.testing.PolicyServerProcess;
import io.ngisec.client.testing.PulseAudioServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One call's pipeline latency and CPU, as users run it: a policy server process, {@code ngisec
 * listen --accept calls} (bob) and {@code ngisec call} (alice) on loopback, both talking all the
 * time (synthesized speech each way), with {@code NGISEC_MEDIA_TRACE} on. Per direction it
 * prints capture to send (encode, seal, send) and pop to written (decode, sink write), and the
 * loopback path for reference; and each peer's CPU over {@link #MEASURE} after {@link #WARM_UP},
 * beside an idle {@code listen} process (carol) over the same time. Once with WAV files, once
 * through PulseAudio null sinks (javax.sound at both ends). Not part of {@code mvn verify} (the
 * name matches no test pattern); run it with {@code mvn -B -o -pl client -am verify
 * -Dtest=CallPipelineBenchmark -Dsurefire.failIfNoSpecifiedTests=false}, optionally with
 * {@code -Dbench.warmup=S}, {@code -Dbench.seconds=S} and {@code -Dbench.jfr=DIR} (a JFR profile
 * of each peer, written when it exits). docs/benchmarks.md, "Voice calls", has the results.
 */
class CallPipelineBenchmark {

    private static final String POLICY = """
            {
              "rules": [
                { "name": "everyone", "action": "allow", "from": ["*"], "to": ["*"],
                  "services": { "call": "voice", "chat": "interactive", "file": "bulk" } },
              ],
            }
            """;
    /**
     * 20 s unless {@code -Dbench.warmup=N} says otherwise: at 10 s the JIT compilers still took
     * 40 % of a core on a loaded machine; at 20 s they take 4 to 5 % (longer to see a steady state).
     */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 20));
    /** 30 s unless {@code -Dbench.seconds=N} says otherwise (shorter for trying the benchmark out). */
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
    private static final Duration CALL = WARM_UP.plus(MEASURE).plusSeconds(5);
    private static final Duration COMMAND = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static PolicyServerProcess server;
    private static Path aliceSpeech;
    private static Path bobSpeech;

    private enum Audio { FILES, DEVICES }

    @BeforeAll
    static void setUp() throws Exception {
        aliceSpeech = speech("alice", "This is alice, talking for the whole call, so that the encoder always has speech to "
                + "work on. One, two, three, four, five, six, seven, eight, nine, ten.");
        bobSpeech = speech("bob", "And this is bob, answering all the time, so that both directions carry speech and "
                + "both decoders are busy. Eleven, twelve, thirteen, fourteen, fifteen.");
        server = PolicyServerProcess.start(dir);
        server.applyPolicy(POLICY);
        for (String user : List.of("alice", "bob", "carol")) {
            try (PeerProcess enroll = PeerProcess.start(user + "-enroll", null, Map.of(), "enroll", "--home",
                    home(user), "--name", user + "-pc", "--invite", server.invite(user))) {
                assertThat(enroll.awaitExit(COMMAND)).as("%s", enroll).isZero();
            }
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void withWavFiles() throws Exception {
        run(Audio.FILES, null);
    }

    @Test
    void throughPulseAudioDevices() throws Exception {
        Optional<String> missing = PulseAudioServer.unavailable();
        assumeTrue(missing.isEmpty(), () -> "no PulseAudio: " + missing.orElseThrow());
        try (PulseAudioServer pulse = PulseAudioServer.start(dir.resolve("pulse"),
                "alice-mic", "alice-speaker", "bob-mic", "bob-speaker")) {
            run(Audio.DEVICES, pulse);
        }
    }

    private void run(Audio audio, PulseAudioServer pulse) throws Exception {
        String mode = audio.name().toLowerCase(Locale.ROOT);
        Path aliceTrace = dir.resolve("alice-" + mode + ".tsv");
        Path bobTrace = dir.resolve("bob-" + mode + ".tsv");
        List<String> bobArgs = new ArrayList<>(List.of("listen", "--home", home("bob"), "--json", "--accept", "calls"));
        List<String> aliceArgs = new ArrayList<>(List.of("call", "--home", home("alice"), "--json", "--to", "bob",
                "--duration", CALL.toSeconds() + "s"));
        if (audio == Audio.FILES) {
            bobArgs.addAll(List.of("--in", bobSpeech.toString(), "--out", dir.resolve("bob-heard.wav").toString()));
            aliceArgs.addAll(List.of("--in", aliceSpeech.toString(), "--out", dir.resolve("alice-heard.wav").toString()));
        }
        try (PeerProcess carol = peer("carol-idle", env(pulse, "carol", null), "listen", "--home", home("carol"), "--json",
                "--accept", "calls", "--in", "none", "--out", "none");
                PeerProcess bob = peer("bob-listen", env(pulse, "bob", bobTrace), bobArgs.toArray(String[]::new))) {
            carol.awaitLine(l -> l.contains("\"listening\""), COMMAND);
            bob.awaitLine(l -> l.contains("\"listening\""), COMMAND);
            try (PeerProcess alice = peer("alice-call", env(pulse, "alice", aliceTrace), aliceArgs.toArray(String[]::new))) {
                alice.awaitLine(l -> l.contains("\"call.started\""), COMMAND);
                List<Thread> talking = new ArrayList<>();
                if (pulse != null) {
                    talking.add(speak(pulse, "alice-mic", aliceSpeech));
                    talking.add(speak(pulse, "bob-mic", bobSpeech));
                }
                Thread.sleep(WARM_UP);
                String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
                long t0 = System.nanoTime();
                ProcessCpu.Usage[] before = cpu(alice, bob, carol, pulse);
                Map<String, ProcessCpu.Usage> aliceThreads = ProcessCpu.threads(alice.pid());
                Map<String, ProcessCpu.Usage> bobThreads = ProcessCpu.threads(bob.pid());
                Thread.sleep(MEASURE);
                ProcessCpu.Usage[] after = cpu(alice, bob, carol, pulse);
                long t1 = System.nanoTime();
                printThreads("alice", aliceThreads, ProcessCpu.threads(alice.pid()), t1 - t0);
                printThreads("bob", bobThreads, ProcessCpu.threads(bob.pid()), t1 - t0);
                String loadAfter = Files.readString(Path.of("/proc/loadavg")).strip();
                assertThat(alice.awaitExit(COMMAND)).as("%s", alice).isZero();
                bob.awaitLine(l -> l.contains("\"call.ended\""), COMMAND);
                for (Thread t : talking) {
                    t.join();
                }
                report(mode, alice, bob, aliceTrace, bobTrace, t0, t1, before, after, loadBefore, loadAfter);
            } finally {
                bob.stop();
                carol.stop();
            }
        }
    }

    private static void report(String mode, PeerProcess alice, PeerProcess bob, Path aliceTrace, Path bobTrace, long t0,
            long t1, ProcessCpu.Usage[] before, ProcessCpu.Usage[] after, String loadBefore, String loadAfter)
            throws IOException {
        MediaTraces a = MediaTraces.read(aliceTrace);
        MediaTraces b = MediaTraces.read(bobTrace);
        long nanos = t1 - t0;
        double seconds = nanos / 1e9;
        ProcessCpu.Usage[] used = new ProcessCpu.Usage[after.length];
        for (int i = 0; i < used.length; i++) {
            used[i] = after[i].minus(before[i]);
        }
        double idle = ProcessCpu.percentOfCore(used[2].ticks(), nanos);
        double aliceCpu = ProcessCpu.percentOfCore(used[0].ticks(), nanos);
        double bobCpu = ProcessCpu.percentOfCore(used[1].ticks(), nanos);
        System.out.printf("=== call with %s, %d s measured after %d s; load before %s, after %s%n", mode,
                MEASURE.toSeconds(), WARM_UP.toSeconds(), loadBefore, loadAfter);
        System.out.printf("capture to send, alice: %s%n", a.captureToSend(t0, t1));
        System.out.printf("capture to send, bob:   %s%n", b.captureToSend(t0, t1));
        System.out.printf("pop to written, alice:  %s%n", a.popToWritten(t0, t1));
        System.out.printf("pop to written, bob:    %s%n", b.popToWritten(t0, t1));
        System.out.printf("loopback sent to arrived, alice to bob: %s%n", b.network(a, t0, t1));
        System.out.printf("loopback sent to arrived, bob to alice: %s%n", a.network(b, t0, t1));
        // 50 is real time; a sound server that stalls and catches up moves these.
        System.out.printf("frames a second in the window: alice captured %.1f, played %.1f; bob captured %.1f, played %.1f%n",
                a.captureToSend(t0, t1).count() / seconds, a.popToWritten(t0, t1).count() / seconds,
                b.captureToSend(t0, t1).count() / seconds, b.popToWritten(t0, t1).count() / seconds);
        System.out.printf("CPU %% of a core: alice (call) %.2f, bob (listen, in the call) %.2f, carol (idle listen) %.2f; "
                + "the call alone: alice %.2f, bob %.2f%s%n", aliceCpu, bobCpu, idle, aliceCpu - idle, bobCpu - idle,
                used.length > 3 ? String.format(Locale.ROOT, "; pulseaudio daemon %.2f",
                        ProcessCpu.percentOfCore(used[3].ticks(), nanos)) : "");
        String[] names = {"alice", "bob", "carol"};
        for (int i = 0; i < names.length; i++) {
            System.out.printf("  %s: user %.2f, system %.2f %% of a core, %.0f context switches a second%n", names[i],
                    ProcessCpu.percentOfCore(used[i].userTicks(), nanos), ProcessCpu.percentOfCore(used[i].systemTicks(), nanos),
                    used[i].switches() / seconds);
        }
        for (PeerProcess p : List.of(alice, bob)) {
            JsonNode stats = lastEvent(p, "call.ended").path("stats");
            System.out.printf("%s's end of call: bitrate %d, fec %s, buffer %.0f ms, late %d, loss %.2f%%, concealed %d, "
                    + "mouth-to-ear estimate %.0f ms%n", p.name(), stats.path("bitrate").asLong(), stats.path("fec").asBoolean(),
                    stats.path("bufferMs").asDouble(), stats.path("late").asLong(), 100 * stats.path("lossBefore").asDouble(),
                    stats.path("concealed").asLong(), stats.path("mouthToEarMs").asDouble());
        }
        // The window holds 50 frames a second each way: the traces must have (nearly) all of them.
        int frames = (int) MEASURE.toSeconds() * 50;
        assertThat(a.captureToSend(t0, t1).count()).isGreaterThan(frames * 9 / 10);
        assertThat(b.popToWritten(t0, t1).count()).isGreaterThan(frames * 9 / 10);
    }

    /** Where a process's CPU went: its busiest thread names over the window. */
    private static void printThreads(String who, Map<String, ProcessCpu.Usage> before, Map<String, ProcessCpu.Usage> after,
            long nanos) {
        StringBuilder line = new StringBuilder("threads of " + who + " (% of a core, switches a second):");
        ProcessCpu.Usage none = new ProcessCpu.Usage(0, 0, 0);
        after.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue().minus(before.getOrDefault(e.getKey(), none))))
                .filter(e -> e.getValue().ticks() > 0)
                .sorted(Comparator.comparingLong((Map.Entry<String, ProcessCpu.Usage> e) -> e.getValue().ticks()).reversed())
                .limit(10)
                .forEach(e -> line.append(String.format(Locale.ROOT, " %s %.2f (%.0f);", e.getKey(),
                        ProcessCpu.percentOfCore(e.getValue().ticks(), nanos), e.getValue().switches() / (nanos / 1e9))));
        System.out.println(line);
    }

    private static ProcessCpu.Usage[] cpu(PeerProcess alice, PeerProcess bob, PeerProcess carol, PulseAudioServer pulse)
            throws IOException {
        ProcessCpu.Usage[] usage = new ProcessCpu.Usage[pulse == null ? 3 : 4];
        usage[0] = ProcessCpu.usage(alice.pid());
        usage[1] = ProcessCpu.usage(bob.pid());
        usage[2] = ProcessCpu.usage(carol.pid());
        if (pulse != null) {
            usage[3] = ProcessCpu.usage(pulse.pid());
        }
        return usage;
    }

    private static Thread speak(PulseAudioServer pulse, String microphone, Path wav) {
        return Thread.ofPlatform().name("speak-" + microphone).start(() -> {
            try {
                pulse.play(microphone, wav);
            } catch (Exception e) {
                System.out.println("paplay into " + microphone + " failed: " + e.getMessage());
            }
        });
    }

    private static Map<String, String> env(PulseAudioServer pulse, String user, Path trace) {
        Map<String, String> env = new HashMap<>();
        if (pulse != null) {
            env.putAll(pulse.environment(user + "-speaker", user + "-mic"));
        }
        env.put("NGISEC_HOST_ADDRESSES", "127.0.0.1");
        if (trace != null) {
            env.put("NGISEC_MEDIA_TRACE", trace.toString());
        }
        if (System.getProperty("bench.jfr") != null && trace != null) {
            env.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,filename="
                    + System.getProperty("bench.jfr") + "/" + user + ".jfr");
        }
        return env;
    }

    /** Synthesized speech at 48 kHz, repeated to last the whole call. */
    private static Path speech(String name, String text) throws Exception {
        Path raw = dir.resolve(name + "-22k.wav");
        Process p = new ProcessBuilder("espeak-ng", "-w", raw.toString(), text).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assumeTrue(p.waitFor() == 0, "espeak-ng failed or is not installed");
        short[] pcm = readAll(raw);
        Path out = dir.resolve(name + ".wav");
        long frames = (CALL.toMillis() + 5000) / 20;
        try (WavSink sink = WavSink.create(out)) {
            short[] frame = new short[960];
            for (long i = 0, at = 0; i < frames; i++, at = (at + frame.length) % (pcm.length - frame.length)) {
                System.arraycopy(pcm, (int) at, frame, 0, frame.length);
                sink.write(frame);
            }
        }
        return out;
    }

    private static short[] readAll(Path wav) throws AudioException {
        try (WavSource source = WavSource.open(wav)) {
            List<short[]> frames = new ArrayList<>();
            short[] frame = new short[960];
            while (source.read(frame) >= 0) {
                frames.add(frame.clone());
            }
            short[] all = new short[frames.size() * 960];
            for (int i = 0; i < frames.size(); i++) {
                System.arraycopy(frames.get(i), 0, all, i * 960, 960);
            }
            return all;
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

    private static PeerProcess peer(String name, Map<String, String> env, String... args) throws IOException {
        return PeerProcess.start(name, null, env, args);
    }

    private static String home(String user) {
        return dir.resolve(user).toString();
    }
}
