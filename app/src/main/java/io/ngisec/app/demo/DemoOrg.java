package io.ngisec.app.demo;

import io.ngisec.client.home.HomeException;
import io.ngisec.client.home.PassphraseSource;
import io.ngisec.client.home.PeerHome;
import io.ngisec.client.identity.DeviceKeys;
import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.client.server.PolicyServerClient;
import io.ngisec.client.server.ServerException;
import io.ngisec.protocol.enroll.Invite;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The demo's organization on loopback, in a temporary folder: a policy server process (embedded
 * database) for org "Demo", the demo user {@value #YOU} enrolled in a home of its own, and the
 * echo contact {@value #ECHO} enrolled and listening as a process. The policy is the one
 * {@code server init} writes (everyone may call, chat and send files to everyone, docs/policy-file.md):
 * applying an equal one would cost another JVM start, a few seconds of the demo's minute. {@link #close} stops both
 * processes and removes the folder (unless kept). Not thread safe, but {@link #close} may race
 * itself (a shutdown hook and the normal end): the second call does nothing.
 */
final class DemoOrg implements AutoCloseable {

    static final String YOU = "you";
    static final String YOUR_DEVICE = "this-computer";
    static final String ECHO = "echo";
    static final String ECHO_DEVICE = "echo-contact";
    /** Keeps every session's ICE on loopback: the demo needs no network, and should touch none. */
    static final Map<String, String> LOOPBACK = Map.of("NGISEC_HOST_ADDRESSES", "127.0.0.1");

    private static final Duration START = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final boolean keep;
    private final Optional<Path> archives;
    private final List<ChildProcess> processes = new ArrayList<>();
    private boolean closed;
    private volatile ChildProcess echo;
    private final AtomicInteger admins = new AtomicInteger();

    private DemoOrg(Path dir, boolean keep, Optional<Path> archives) {
        this.dir = dir;
        this.keep = keep;
        this.archives = archives;
    }

    /**
     * Creates the folder; nothing runs yet. With {@code archives}, each child JVM keeps a CDS
     * archive of the classes it loaded there (one per role), so later demos start them faster.
     */
    static DemoOrg create(boolean keep, Optional<Path> archives) throws DemoFailure {
        try {
            return new DemoOrg(Files.createTempDirectory("ngisec-demo-"), keep, archives);
        } catch (IOException e) {
            throw new DemoFailure("cannot create a temporary folder: " + e.getMessage(), e);
        }
    }

    /** The temporary folder. */
    Path dir() {
        return dir;
    }

    /** The demo user's home. */
    Path yourHome() {
        return dir.resolve(YOU);
    }

    /** Where the echo contact saves files. */
    Path echoInbox() {
        return dir.resolve("echo-inbox");
    }

    /**
     * Sets up and starts the server (from {@code serverClasspath}), enrolls both users and starts
     * the echo contact (from {@code clientClasspath}), telling {@code progress} each step; the echo
     * may still be starting on return ({@link #awaitEcho}), so the demo user can come online meanwhile.
     */
    void start(String serverClasspath, String clientClasspath, Consumer<String> progress)
            throws DemoFailure, InterruptedException {
        Path serverHome = dir.resolve("server");
        int port = freePort();
        admin(serverClasspath, "init", "--home", serverHome.toString(), "--org", "Demo", "--hostname", "127.0.0.1",
                "--port", String.valueOf(port));
        ChildProcess server = spawn("policy server", java("server", serverClasspath, "io.ngisec.server.cli.ServerMain", "start",
                "--home", serverHome.toString(), "--listen", "127.0.0.1:" + port), "server.log");
        server.awaitLine(l -> l.startsWith("listening on"), START);
        progress.accept("policy server of org \"Demo\" listening on https://127.0.0.1:" + port + " (embedded database)");

        // Both users at once (an invite is a JVM start): the running server's database takes both.
        CompletableFuture<Void> echoReady = inBackground(() -> {
            enroll(invite(admin(serverClasspath, "invite", "--home", serverHome.toString(), "--user", ECHO)),
                    dir.resolve(ECHO), ECHO_DEVICE);
            echo = spawn("echo contact", java("echo", clientClasspath, "io.ngisec.client.cli.Main", "listen",
                    "--home", dir.resolve(ECHO).toString(), "--echo", "--accept", "calls,files,chat",
                    "--save-dir", echoInbox().toString()), "echo.log");
            return null;
        });
        enroll(invite(admin(serverClasspath, "invite", "--home", serverHome.toString(), "--user", YOU)), yourHome(), YOUR_DEVICE);
        await(echoReady);
        progress.accept("enrolled " + YOU + "/" + YOUR_DEVICE + " and " + ECHO + "/" + ECHO_DEVICE + "; echo contact starting");
    }

    /** A step of {@link #start} on a thread of its own. */
    private interface Step {
        Void run() throws DemoFailure, InterruptedException;
    }

    private static CompletableFuture<Void> inBackground(Step step) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofVirtual().name("demo-setup").start(() -> {
            try {
                done.complete(step.run());
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        return done;
    }

    private static void await(CompletableFuture<Void> step) throws DemoFailure, InterruptedException {
        try {
            step.get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case DemoFailure f -> throw f;
                case InterruptedException i -> throw i;
                case RuntimeException r -> throw r;
                case Error r -> throw r;
                default -> throw new DemoFailure(e.getCause().getMessage(), e.getCause());
            }
        }
    }

    /** Waits until the echo contact listens. */
    void awaitEcho(Consumer<String> progress) throws DemoFailure, InterruptedException {
        echo.awaitLine(l -> l.startsWith("listening as "), START);
        progress.accept("echo contact online: answers calls, saves files, replies to chat");
    }

    /** Opens a home with the passphrase source the {@code ngisec} commands would choose here. */
    static PeerHome openHome(Path home) throws HomeException {
        return PeerHome.open(home, PassphraseSource.choose(Optional.empty(), System.getenv()));
    }

    /** Stops the processes (echo first, then the server) and removes the folder unless kept. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        if (!keep) {
            TempFolders.delete(dir);
        }
    }

    /** The PIDs of the processes this started, for checks that none is left. */
    synchronized List<Long> pids() {
        return processes.stream().map(ChildProcess::pid).toList();
    }

    private synchronized ChildProcess spawn(String name, List<String> command, String log) throws DemoFailure {
        if (closed) {
            throw new DemoFailure("stopped");
        }
        ChildProcess p = ChildProcess.start(name, command, LOOPBACK, dir.resolve(log));
        processes.add(p);
        return p;
    }

    private List<String> admin(String serverClasspath, String... args) throws DemoFailure, InterruptedException {
        String what = "server " + args[0];
        String role = "server-" + args[0] + (args.length > 4 && "--user".equals(args[3]) ? "-" + args[4] : "");
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(archive(role));
        // One-shot commands: quick start matters more than peak speed.
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", serverClasspath, "io.ngisec.server.cli.ServerMain"));
        command.addAll(List.of(args));
        ChildProcess p = spawn(what + " command", command, "server-" + args[0] + "-" + admins.incrementAndGet() + ".log");
        int code = p.awaitExit(START);
        if (code != 0) {
            throw new DemoFailure("ngisec " + what + " failed (exit " + code + ")" + p.lastLine());
        }
        return p.lines();
    }

    private static void enroll(String invite, Path home, String device) throws DemoFailure {
        try {
            EnrolledIdentity identity = PolicyServerClient.enroll(Invite.parse(invite), device, DeviceKeys.generate(RANDOM));
            try (PeerHome h = openHome(home)) {
                h.saveIdentity(identity);
            }
        } catch (ServerException | HomeException | IllegalArgumentException e) {
            throw new DemoFailure("cannot enroll " + device + ": " + e.getMessage(), e);
        }
    }

    private List<String> java(String role, String classpath, String main, String... args) {
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(archive(role));
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", classpath, main));
        command.addAll(List.of(args));
        return command;
    }

    /** The JVM options that keep {@code role}'s CDS archive (made on the first run, checked and used after). */
    /** JVM options that keep a CDS archive of {@code role}'s classes between demos; none without an archive folder. */
    List<String> archive(String role) {
        // An archive that no longer fits (a rebuilt jar, other options) is remade silently: its notes would be noise.
        return archives.map(d -> List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + d.resolve(role + ".jsa"),
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off")).orElse(List.of());
    }

    /** The java that runs the demo, for its children. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The invite line among the command's output (stdout, with its note from stderr). */
    private static String invite(List<String> lines) throws DemoFailure {
        return lines.stream().map(String::strip).filter(l -> l.startsWith("ngisec:invite?")).findFirst()
                .orElseThrow(() -> new DemoFailure("ngisec server invite printed no invite"));
    }

    private static int freePort() throws DemoFailure {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DemoFailure("no free port on loopback: " + e.getMessage(), e);
        }
    }
}
