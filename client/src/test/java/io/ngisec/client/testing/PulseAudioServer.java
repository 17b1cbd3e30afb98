package io.ngisec.client.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A private PulseAudio daemon for device tests (../shared/AUDIO-TESTS.md): its own HOME and
 * runtime folder under a folder the test owns, no configuration files, one null sink per name
 * given (48 kHz mono). A null sink is a virtual speaker; its {@code .monitor} source hears what
 * the speaker plays, and serves as a virtual microphone for whoever plays into the sink.
 * Processes reach it through {@link #configure}, since libpulse and the ALSA plugin read the
 * environment; this JVM's own javax.sound does not see it.
 *
 * <p>Runs as root too ({@code --system=false} is the default; it only warns). Each sink gets a
 * low-latency recording stream that discards what it hears, and {@link #start} returns once audio
 * flows through it: an idle null sink renders in two-second blocks and held back a new stream's
 * first samples for one to one and a half seconds; kept awake it behaves like a sound card.
 * {@link #close()} stops everything by process id.
 */
public final class PulseAudioServer implements AutoCloseable {

    private static final long START_SECONDS = 20;
    private static final long TOOL_SECONDS = 60;
    private static final List<String> TOOLS = List.of("pulseaudio", "pactl", "paplay", "parecord", "parec");

    private final Path dir;
    private final Process daemon;
    private final List<Process> helpers = new ArrayList<>();
    private boolean suspended;

    private PulseAudioServer(Path dir, Process daemon) {
        this.dir = dir;
        this.daemon = daemon;
    }

    /** Why device tests cannot run here, or empty when the PulseAudio tools are installed. */
    public static Optional<String> unavailable() {
        List<String> missing = TOOLS.stream().filter(tool -> onPath(tool).isEmpty()).toList();
        return missing.isEmpty() ? Optional.empty() : Optional.of("not installed: " + String.join(", ", missing)
                + " (Debian: pulseaudio pulseaudio-utils libasound2-plugins)");
    }

    /** Starts a daemon with its state under {@code dir} and a null sink for each of {@code sinks}; returns once they exist. */
    public static PulseAudioServer start(Path dir, String... sinks) throws IOException, InterruptedException, TimeoutException {
        Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(dir.resolve("run"));
        if (socket(dir).toString().length() > 100) {
            throw new IOException("folder too deep for a unix socket path: " + dir);
        }
        List<String> command = new ArrayList<>(List.of("pulseaudio", "--daemonize=no", "-n", "--exit-idle-time=-1",
                "--use-pid-file=no", "--disallow-exit", "--no-cpu-limit", "--realtime=false", "--high-priority=false",
                "--log-target=stderr", "--load=module-native-protocol-unix socket=" + socket(dir)));
        for (String sink : sinks) {
            command.add("--load=module-null-sink sink_name=" + sink + " rate=48000 channels=1");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("pulseaudio.log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("PULSE_"));
        env.putAll(baseEnvironment(dir));
        PulseAudioServer server = new PulseAudioServer(dir, builder.start());
        try {
            server.awaitSinks(List.of(sinks));
            List<CompletableFuture<Void>> awake = new ArrayList<>();
            for (String sink : sinks) {
                awake.add(server.keepAwake(sink));
            }
            CompletableFuture.allOf(awake.toArray(CompletableFuture[]::new)).get(START_SECONDS, TimeUnit.SECONDS);
            return server;
        } catch (ExecutionException e) {
            server.close();
            throw new IOException("a null sink's keeper failed:\n" + server.log(), e);
        } catch (IOException | InterruptedException | TimeoutException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * Starts the keeper of {@code sink}: a 10 ms recording of its monitor, read and thrown away.
     * Completes once audio flows, which is when the sink has left its idle two-second blocks.
     */
    private CompletableFuture<Void> keepAwake(String sink) throws IOException {
        Process keeper = tool("parec", "--latency-msec=10", "--raw", "--device=" + sink + ".monitor")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        helpers.add(keeper);
        CompletableFuture<Void> flowing = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("pulse-keeper-" + sink).start(() -> {
            byte[] buffer = new byte[4096];
            try (InputStream audio = keeper.getInputStream()) {
                while (audio.read(buffer) >= 0) {
                    flowing.complete(null);
                }
            } catch (IOException e) {
                // The keeper was stopped.
            }
            flowing.completeExceptionally(new IOException("parec on " + sink + ".monitor ended"));
        });
        return flowing;
    }

    /** The daemon's process id. */
    public long pid() {
        return daemon.pid();
    }

    /**
     * Points {@code builder}'s process at this server: its speaker (default output) is the sink
     * {@code speaker}, its microphone (default input) the monitor of the sink {@code microphone}.
     */
    public ProcessBuilder configure(ProcessBuilder builder, String speaker, String microphone) {
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("PULSE_"));
        env.putAll(environment(speaker, microphone));
        return builder;
    }

    /**
     * The variables {@link #configure} sets, for launchers that take a map ({@link PeerProcess});
     * they replace any inherited {@code PULSE_} variable of the same name.
     */
    public Map<String, String> environment(String speaker, String microphone) {
        Map<String, String> env = baseEnvironment(dir);
        env.put("PULSE_SINK", speaker);
        env.put("PULSE_SOURCE", microphone + ".monitor");
        return env;
    }

    /** Plays a WAV file into {@code sink} (what a microphone on its monitor hears) and waits until it has played. */
    public void play(String sink, Path wav) throws IOException, InterruptedException, TimeoutException {
        Process paplay = tool("paplay", "--latency-msec=20", "--device=" + sink, wav.toString())
                .redirectErrorStream(true).start();
        String output = new String(paplay.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!paplay.waitFor(TOOL_SECONDS, TimeUnit.SECONDS)) {
            paplay.destroyForcibly();
            throw new TimeoutException("paplay did not finish within " + TOOL_SECONDS + " s");
        }
        if (paplay.exitValue() != 0) {
            throw new IOException("paplay exited " + paplay.exitValue() + ": " + output.strip());
        }
    }

    /** Starts recording what {@code sink} plays (its monitor) into a 48 kHz mono WAV file; stop it with {@link Recording#close()}. */
    public Recording record(String sink, Path wav) throws IOException {
        Process parecord = tool("parecord", "--latency-msec=20", "--device=" + sink + ".monitor", "--rate=48000",
                "--channels=1", "--format=s16le", "--file-format=wav", wav.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("parecord.log").toFile()).start();
        helpers.add(parecord);
        return new Recording(parecord, wav);
    }

    /** Freezes the daemon (SIGSTOP): clients that connect or wait for it from now on get no answer. */
    public void suspend() throws IOException, InterruptedException {
        signal("-STOP");
        suspended = true;
    }

    /** Lets a {@link #suspend suspended} daemon run again (SIGCONT). */
    public void resume() throws IOException, InterruptedException {
        signal("-CONT");
        suspended = false;
    }

    /** The daemon's log, for failure messages. */
    public String log() {
        try {
            return Files.readString(dir.resolve("pulseaudio.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the recordings, the keepers and the daemon (SIGTERM, then SIGKILL if it lingers), by process id. */
    @Override
    public void close() {
        try {
            if (suspended) {
                resume();
            }
        } catch (IOException | InterruptedException e) {
            // SIGKILL below still ends a stopped process.
        }
        for (Process helper : helpers) {
            stop(helper);
        }
        stop(daemon);
    }

    /** A running {@code parecord}; {@link #close()} ends it so that it completes the WAV header. */
    public static final class Recording implements AutoCloseable {

        private final Process process;
        private final Path file;

        private Recording(Process process, Path file) {
            this.process = process;
            this.file = file;
        }

        public Path file() {
            return file;
        }

        @Override
        public void close() {
            stop(process);
        }
    }

    private ProcessBuilder tool(String... command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("PULSE_"));
        env.putAll(baseEnvironment(dir));
        return builder;
    }

    private void awaitSinks(List<String> sinks) throws IOException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!daemon.isAlive()) {
                throw new IOException("pulseaudio exited " + daemon.exitValue() + ":\n" + log());
            }
            if (Files.exists(socket(dir))) {
                Process pactl = tool("pactl", "list", "short", "sinks").redirectErrorStream(true).start();
                String listed = new String(pactl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                pactl.waitFor(TOOL_SECONDS, TimeUnit.SECONDS);
                if (pactl.exitValue() == 0 && sinks.stream().allMatch(sink -> listed.contains("\t" + sink + "\t"))) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new TimeoutException("pulseaudio did not offer its sinks within " + START_SECONDS + " s:\n" + log());
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, String.valueOf(daemon.pid())).start();
        if (!kill.waitFor(TOOL_SECONDS, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill " + signal + " " + daemon.pid() + " failed");
        }
    }

    private static Map<String, String> baseEnvironment(Path dir) {
        Map<String, String> env = new LinkedHashMap<>();
        // State and cookie go under HOME; the socket under XDG_RUNTIME_DIR; PULSE_SERVER names it outright.
        env.put("HOME", dir.resolve("home").toString());
        env.put("XDG_RUNTIME_DIR", dir.resolve("run").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("home/.config").toString());
        env.put("PULSE_SERVER", "unix:" + socket(dir));
        return env;
    }

    private static Path socket(Path dir) {
        return dir.resolve("run/native");
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder, tool);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
