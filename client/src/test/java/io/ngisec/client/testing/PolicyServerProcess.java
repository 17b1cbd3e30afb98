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
 * port, and the admin commands ({@code invite}, {@code revoke}, {@code policy apply}) run in this
 * JVM against the same embedded database, as an administrator would run them while it serves.
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
    private final Deque<String> output = new ArrayDeque<>();

    private PolicyServerProcess(Path home, URI url, Fingerprint caFingerprint, Process process) {
        this.home = home;
        this.url = url;
        this.caFingerprint = caFingerprint;
        this.process = process;
    }

    /** Creates a server home for org {@code Test} under {@code dir} and starts the server; returns once it listens. */
    public static PolicyServerProcess start(Path dir) throws IOException, InterruptedException, TimeoutException {
        Path home = dir.resolve("server-home");
        int port = freePort();
        admin("init", "--home", home.toString(), "--org", "Test", "--hostname", "127.0.0.1", "--port", String.valueOf(port));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                // Short-lived test servers: quick start and little CPU matter more than peak speed.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), ServerMain.class.getName(),
                "start", "--home", home.toString(), "--listen", "127.0.0.1:" + port));
        Fingerprint ca;
        try {
            ca = PublicHome.read(home).caCertificate().fingerprint();
        } catch (HomeException e) {
            throw new IOException("cannot read the new server home: " + e.getMessage(), e);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        PolicyServerProcess server = new PolicyServerProcess(home, URI.create("https://127.0.0.1:" + port), ca, process);
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
        return admin(args.toArray(String[]::new)).strip();
    }

    /** Revokes every device of {@code user}; the server tells connected devices within about a second. */
    public void revoke(String user) {
        admin("revoke", "--home", home.toString(), "--user", user);
    }

    /** Makes {@code hujson} (docs/policy-file.md) the next policy version; returns the command's output. */
    public String applyPolicy(String hujson) throws IOException {
        Path file = Files.createTempFile(home, "policy-", ".hujson");
        Files.writeString(file, hujson, StandardCharsets.UTF_8);
        return admin("policy", "apply", "--home", home.toString(), file.toString());
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
}
