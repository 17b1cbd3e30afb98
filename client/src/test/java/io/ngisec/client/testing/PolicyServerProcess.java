package io.ngisec.client.testing;

import io.ngisec.protocol.identity.Fingerprint;
import io.ngisec.server.cli.ServerMain;
import io.ngisec.server.home.HomeException;
import io.ngisec.server.home.PublicHome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real policy server for end-to-end tests: {@code init} creates a home in a directory the test
 * owns, {@code start} runs it as a child process from the test class path on a free loopback
 * port (or as {@link Options} say: inside a network namespace, at another address, with TURN),
 * and the admin commands ({@code invite}, {@code revoke}, {@code policy apply}) run against the
 * same embedded database, as an administrator would run them while it serves: in this JVM, or
 * for a server in a namespace as a child process in that namespace.
 * Start one per test class; {@link #close()} stops the process and waits for it.
 */
public final class PolicyServerProcess implements AutoCloseable {

    /** How long the server may take to start on a busy machine. */
    private static final long START_SECONDS = 60;
    private static final int KEPT_OUTPUT_LINES = 200;

    private final Path home;
    private final URI url;
    private final Fingerprint caFingerprint;
    private final Process process;
    private final Options options;
    private final Deque<String> output = new ArrayDeque<>();

    private PolicyServerProcess(Path home, URI url, Fingerprint caFingerprint, Process process, Options options) {
        this.home = home;
        this.options = options;
        this.url = url;
        this.caFingerprint = caFingerprint;
        this.process = process;
    }

    /** Creates a server home for org {@code Test} under {@code dir} and starts the server on loopback; returns once it listens. */
    public static PolicyServerProcess start(Path dir) throws IOException, InterruptedException, TimeoutException {
        return start(dir, Options.loopback());
    }

    /** Creates a server home for org {@code Test} under {@code dir} and starts the server as {@code options} say; returns once it listens. */
    public static PolicyServerProcess start(Path dir, Options options)
            throws IOException, InterruptedException, TimeoutException {
        Path home = dir.resolve("server-home");
        int port = options.port() != 0 ? options.port() : freePort();
        admin("init", "--home", home.toString(), "--org", "Test", "--hostname", options.hostname(),
                "--port", String.valueOf(port));
        Fingerprint ca;
        try {
            ca = PublicHome.read(home).caCertificate().fingerprint();
        } catch (HomeException e) {
            throw new IOException("cannot read the new server home: " + e.getMessage(), e);
        }
        return launch(home, URI.create("https://" + options.hostname() + ":" + port), ca, options.withPort(port));
    }

    /**
     * Stops this server and starts it again on the same home, address and port (devices keep
     * their identities; their connections drop and come back); returns the new process once it
     * listens. This object is closed afterwards.
     */
    public PolicyServerProcess restart() throws IOException, InterruptedException, TimeoutException {
        close();
        return launch(home, url, caFingerprint, options);
    }

    private static PolicyServerProcess launch(Path home, URI url, Fingerprint ca, Options options)
            throws IOException, InterruptedException, TimeoutException {
        List<String> command = new ArrayList<>(options.namespaced());
        command.addAll(serverJava());
        command.addAll(List.of("start", "--home", home.toString(), "--listen", options.listenHost() + ":" + options.port()));
        command.addAll(options.startArgs());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        PolicyServerProcess server = new PolicyServerProcess(home, url, ca, process, options);
        try {
            server.awaitListening();
            return server;
        } catch (IOException | InterruptedException | TimeoutException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The server's public URL, as invites name it. */
    public URI url() {
        return url;
    }

    /** The server home (certificates, server.conf, database). */
    public Path home() {
        return home;
    }

    /** The org CA's fingerprint, as invites pin it. */
    public Fingerprint caFingerprint() {
        return caFingerprint;
    }

    /** A one-time invite line for {@code user} in {@code groups}. */
    public String invite(String user, String... groups) {
        List<String> args = new ArrayList<>(List.of("invite", "--home", home.toString(), "--user", user));
        if (groups.length > 0) {
            args.add("--groups");
            args.add(String.join(",", groups));
        }
        return adminCommand(args.toArray(String[]::new)).strip();
    }

    /** Revokes every device of {@code user}; the server tells connected devices within about a second. */
    public void revoke(String user) {
        adminCommand("revoke", "--home", home.toString(), "--user", user);
    }

    /** Makes {@code hujson} (docs/policy-file.md) the next policy version; returns the command's output. */
    public String applyPolicy(String hujson) throws IOException {
        Path file = Files.createTempFile(home, "policy-", ".hujson");
        Files.writeString(file, hujson, StandardCharsets.UTF_8);
        return adminCommand("policy", "apply", "--home", home.toString(), file.toString());
    }

    /** The server's recent output, for failure messages. */
    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** Stops the server (SIGTERM, then kill if it lingers) and waits for it to exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Runs an admin command ({@code ngisec server ARGS}) in this JVM; returns stdout; throws with stderr on failure. */
    public static String admin(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ServerMain.commandLine(new ServerMain(), new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        if (code != 0) {
            throw new IllegalStateException("ngisec server " + String.join(" ", args) + " exited " + code + ": "
                    + err.toString().strip());
        }
        return out.toString();
    }

    /**
     * An admin command against this server's database: in this JVM, or for a server in a namespace
     * as a child process in that namespace, since the embedded database's AUTO_SERVER port the
     * running server opened listens on that namespace's loopback only.
     */
    private String adminCommand(String... args) {
        if (options.namespace() == null) {
            return admin(args);
        }
        List<String> command = new ArrayList<>(options.namespaced());
        command.addAll(serverJava());
        command.addAll(List.of(args));
        try {
            Path err = Files.createTempFile("ngisec-admin", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(START_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("ngisec server " + String.join(" ", args) + " did not finish");
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("ngisec server " + String.join(" ", args) + " exited " + p.exitValue()
                            + ": " + Files.readString(err, StandardCharsets.UTF_8).strip());
                }
                return out;
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code java ... ServerMain} from the test class path, as a command prefix. */
    private static List<String> serverJava() {
        return List.of(ProcessHandle.current().info().command().orElse("java"),
                // Short-lived test servers: quick start and little CPU matter more than peak speed.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), ServerMain.class.getName());
    }

    private void awaitListening() throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<String> listening = new CompletableFuture<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread.ofPlatform().daemon().name("policy-server-output").start(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    keep(line);
                    if (line.startsWith("listening on ")) {
                        listening.complete(line);
                    }
                }
            } catch (IOException e) {
                // The process ended.
            }
            listening.completeExceptionally(new IOException("the policy server exited before listening:\n" + output()));
        });
        try {
            listening.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (IOException) e.getCause();
        } catch (TimeoutException e) {
            throw new TimeoutException("the policy server did not listen within " + START_SECONDS + " s:\n" + output());
        }
    }

    private void keep(String line) {
        synchronized (output) {
            output.addLast(line);
            while (output.size() > KEPT_OUTPUT_LINES) {
                output.removeFirst();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Where and how the server runs.
     *
     * @param namespace  network namespace to run it in ({@code ip netns exec}), or null for this host's
     * @param hostname   the name or address its TLS certificate covers and invites name
     * @param listenHost the address it listens on
     * @param port       its port; 0 picks a free one on this host
     * @param startArgs  more {@code start} options, such as {@code --turn URI --turn-secret-file F}
     */
    public record Options(String namespace, String hostname, String listenHost, int port, List<String> startArgs) {

        public Options {
            startArgs = List.copyOf(startArgs);
        }

        /** On this host's loopback, on a free port. */
        public static Options loopback() {
            return new Options(null, "127.0.0.1", "127.0.0.1", 0, List.of());
        }

        /** Inside {@code namespace} at {@code address}, port 8443 (a fresh namespace has every port free). */
        public static Options inNamespace(String namespace, String address) {
            return new Options(namespace, address, address, 8443, List.of());
        }

        /** These options on {@code newPort}. */
        public Options withPort(int newPort) {
            return new Options(namespace, hostname, listenHost, newPort, startArgs);
        }

        /** These options with {@code args} added to {@code start}. */
        public Options withStartArgs(String... args) {
            List<String> all = new ArrayList<>(startArgs);
            all.addAll(List.of(args));
            return new Options(namespace, hostname, listenHost, port, all);
        }

        private List<String> namespaced() {
            return namespace == null ? List.of() : List.of("ip", "netns", "exec", namespace);
        }
    }
}
