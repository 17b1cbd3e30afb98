package io.ngisec.app.demo;

import io.ngisec.client.call.VoiceMedia;
import io.ngisec.client.link.PeerLink;
import io.ngisec.protocol.qos.Service;
import java.io.PrintStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ngisec demo [--headless] [--keep]}: sets up a policy server, the echo contact and the
 * demo user on loopback in a temporary folder ({@link DemoOrg}), then opens the app as the demo
 * user, or with {@code --headless} runs the scenario on the command line ({@link HeadlessScenario}).
 * Everything it started is stopped and the folder removed on every way out: success, failure,
 * Ctrl-C. Exit codes: 0 done, 1 failed (one line), 2 bad usage or no display for the app.
 */
public final class DemoMain {

    /** The policy server's class path (the launcher hands in server/target's jar and libraries). */
    public static final String SERVER_CLASSPATH = "ngisec.demo.server.classpath";
    /** Optional: a folder where the child JVMs keep CDS archives between demos (the launcher gives app/target's). */
    public static final String ARCHIVES = "ngisec.demo.archives";
    /** The app's main class, started as a process by name: the demo itself never loads JavaFX. */
    static final String APP_LAUNCHER = "io.ngisec.app.AppLauncher";

    private final PrintStream out;
    private final PrintStream err;
    private final long started = System.nanoTime();
    private volatile Process app;

    DemoMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    // Held so the configured levels are not lost when the loggers are collected.
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger[] LIBRARIES = {Logger.getLogger("org.ice4j"), Logger.getLogger("org.jitsi")};

    public static void main(String[] args) {
        quietLibraries();
        System.exit(new DemoMain(System.out, System.err).run(List.of(args)));
    }

    /** The demo prints what happens; ice4j's INFO chatter (candidates, pairs) would drown it, as in ./ngisec. */
    private static void quietLibraries() {
        ROOT.setLevel(Level.WARNING);
        for (Handler h : ROOT.getHandlers()) {
            h.setLevel(Level.WARNING);
        }
        for (Logger quiet : LIBRARIES) {
            quiet.setLevel(Level.OFF);
        }
    }

    /** Runs the demo; returns the exit code. */
    int run(List<String> args) {
        DemoArgs options;
        try {
            options = DemoArgs.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("demo: " + e.getMessage());
            return 2;
        }
        String serverClasspath = System.getProperty(SERVER_CLASSPATH, "");
        if (serverClasspath.isBlank()) {
            err.println("demo: the policy server's class path is not set (-D" + SERVER_CLASSPATH + "); run it as ./ngisec demo");
            return 2;
        }
        if (!options.headless() && !Displays.available(System.getProperty("os.name", ""), System.getenv())) {
            err.println("no display: run ./ngisec demo --headless for the same scenario on the command line");
            return 2;
        }
        DemoOrg org;
        try {
            org = DemoOrg.create(options.keep(), archives());
        } catch (DemoFailure e) {
            err.println("demo failed: " + e.getMessage());
            return 1;
        }
        AtomicBoolean stopping = new AtomicBoolean();
        Thread hook = Thread.ofPlatform().unstarted(() -> {
            stopping.set(true);
            stopApp();
            org.close();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            out.println("NGISec Communicator demo" + (options.headless() ? " (headless)" : "") + ": everything runs on loopback in "
                    + org.dir() + (options.keep() ? " (kept afterwards)" : " (removed afterwards)"));
            org.start(serverClasspath, System.getProperty("java.class.path"), this::step);
            return options.headless() ? headless(org) : app(org);
        } catch (DemoFailure e) {
            // Stopped by Ctrl-C or SIGTERM: what failed is only the hook's cleanup taking the processes away.
            err.println(stopping.get() ? "demo stopped; its processes and folder are cleaned up" : "demo failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("demo interrupted");
            return 1;
        } finally {
            org.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook runs, and finds it closed.
            }
            if (options.keep()) {
                out.println("kept " + org.dir() + " (server/, you/, echo/, echo-inbox/, *.log)");
            }
        }
    }

    private int headless(DemoOrg org) throws DemoFailure, InterruptedException {
        // The codec's JIT while the echo starts, not during the call.
        VoiceMedia.warmUp();
        HeardAudio heard = HeadlessScenario.meter();
        try (DemoPeer you = DemoPeer.start(org.yourHome(), (link, id) -> HeadlessScenario.media(link, id, heard))) {
            org.awaitEcho(this::step);
            PeerLink link = you.connect(DemoOrg.ECHO, Set.of(Service.CALL, Service.FILE, Service.CHAT));
            step("you online; one NGISec session with echo for the call, the file and the chat");
            List<String> results = new HeadlessScenario(out, you, org, heard).run(link);
            out.println();
            out.printf(Locale.ROOT, "Demo done in %.1f s:%n", seconds());
            for (String line : results) {
                out.println("  " + line);
            }
            return 0;
        }
    }

    private int app(DemoOrg org) throws DemoFailure, InterruptedException {
        org.awaitEcho(this::step);
        List<String> command = new ArrayList<>(List.of(DemoOrg.javaBinary(), "--enable-native-access=ALL-UNNAMED"));
        command.addAll(org.archive("app"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), APP_LAUNCHER, "--home", org.yourHome().toString()));
        step("opening the app as you (call, send files to and chat with echo; close the window to end the demo)");
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(DemoOrg.LOOPBACK);
        Process launched;
        try {
            launched = builder.start();
        } catch (IOException e) {
            throw new DemoFailure("cannot start the app: " + e.getMessage(), e);
        }
        app = launched;
        try {
            int code = launched.waitFor();
            if (code != 0) {
                throw new DemoFailure("the app exited with code " + code);
            }
            return 0;
        } finally {
            stopApp();
        }
    }

    /** Closes the app's window (SIGTERM) if it is still open, before the server and echo go. */
    private void stopApp() {
        Process p = app;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> archives() {
        String dir = System.getProperty(ARCHIVES, "");
        if (dir.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.createDirectories(Path.of(dir)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // only a speed-up: without it the demo starts its JVMs from scratch
        }
    }

    private void step(String what) {
        out.printf(Locale.ROOT, "[%5.1f s] %s%n", seconds(), what);
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
