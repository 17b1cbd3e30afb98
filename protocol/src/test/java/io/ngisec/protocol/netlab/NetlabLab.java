package io.ngisec.protocol.netlab;

import io.ngisec.protocol.testing.HostTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One lab of {@code netlab/} for a test: {@code topology.sh up} in {@link #up}, coturn on demand,
 * {@code topology.sh down} in {@link #close()} (which also stops coturn and kills anything left in
 * the lab's namespaces). Each lab has a prefix of its own, so tests and engineers running at the
 * same time never share a namespace. Not thread safe.
 */
public final class NetlabLab implements AutoCloseable {

    private static final long SCRIPT_TIMEOUT_SECONDS = 60;

    private final Path scripts;
    private final String prefix;
    private final Map<String, String> env;
    private Path keepLogsIn;

    private NetlabLab(Path scripts, String prefix, Map<String, String> env) {
        this.scripts = scripts;
        this.prefix = prefix;
        this.env = env;
    }

    /**
     * Why the lab cannot run here, or null when it can: it needs root, {@code ip netns}, coturn's
     * {@code turnserver} and the {@code netlab/} scripts of this repository.
     */
    public static String unavailable() {
        if (!HostTools.isRoot()) {
            return "netlab needs root (namespaces, iptables)";
        }
        if (scripts() == null) {
            return "netlab/topology.sh not found above " + Path.of("").toAbsolutePath();
        }
        try {
            Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return "`ip netns list` fails: no network namespaces here";
            }
        } catch (IOException e) {
            return "no `ip` command (iproute2)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        if (HostTools.onPath("turnserver") == null || HostTools.onPath("iptables") == null) {
            return "turnserver or iptables not installed (Debian packages coturn, iptables: see .ci/run)";
        }
        return null;
    }

    /** A fresh lab with a random prefix starting with {@code tag}; {@code symmetric} NATs map each destination anew. */
    public static NetlabLab up(String tag, boolean symmetric) throws IOException, InterruptedException {
        Path scripts = scripts();
        String prefix = tag + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt(1 << 24), 6);
        List<String> command = new ArrayList<>(List.of(scripts.resolve("topology.sh").toString(), "up", prefix));
        if (symmetric) {
            command.add("--symmetric");
        }
        String out;
        try {
            out = run(command);
        } catch (IOException | RuntimeException e) {
            run(List.of(scripts.resolve("topology.sh").toString(), "down", prefix));
            throw e;
        }
        Map<String, String> env = new HashMap<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("export ")) {
                int eq = line.indexOf('=');
                env.put(line.substring("export ".length(), eq), line.substring(eq + 1));
            }
        }
        return new NetlabLab(scripts, prefix, env);
    }

    /** Starts coturn in the public namespace with {@code secret}; {@code denyLan}: it refuses to relay to 10.0.0.0/8. */
    public void startCoturn(String secret, boolean denyLan) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(scripts.resolve("coturn.sh").toString(), "start", prefix, secret));
        if (denyLan) {
            command.add("--deny-lan");
        }
        run(command);
    }

    /** Runs {@code command} in the lab's namespace {@code namespace} (such as a router's); its output, or an IOException if it fails. */
    public String exec(String namespace, String... command) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        all.addAll(List.of(command));
        return run(all);
    }

    /** Runs {@code netlab/SCRIPT PREFIX args..}, such as {@code link.sh PREFIX a --rate 50mbit}; its output. */
    public String script(String script, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(scripts.resolve(script).toString(), prefix));
        all.addAll(List.of(args));
        return run(all);
    }

    /** A variable of the lab, such as {@code NETLAB_HOST_A} (see netlab/README.md). */
    public String get(String name) {
        String v = env.get(name);
        if (v == null) {
            throw new IllegalStateException("topology.sh exported no " + name + ": " + env);
        }
        return v;
    }

    /** Where the lab keeps pid files and logs (removed by {@link #close()}). */
    public Path stateDir() {
        return Path.of(get("NETLAB_STATE_DIR"));
    }

    /** coturn's log so far, or an empty string. */
    public String coturnLog() throws IOException {
        Path log = stateDir().resolve("turnserver.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** The lab's prefix, unique to it: its namespaces are PREFIX-pub, PREFIX-a and so on. */
    public String prefix() {
        return prefix;
    }

    /** Makes {@link #close()} copy coturn's log into {@code dir} first, for a look after the test. */
    public void keepLogsIn(Path dir) {
        keepLogsIn = dir;
    }

    /** Removes the lab: stops coturn, kills what runs in its namespaces, deletes them. */
    @Override
    public void close() throws IOException {
        try {
            Path log = stateDir().resolve("turnserver.log");
            if (keepLogsIn != null && Files.exists(log)) {
                Files.copy(log, keepLogsIn.resolve("turnserver.log"), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try {
                run(List.of(scripts.resolve("topology.sh").toString(), "down", prefix));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while removing lab " + prefix, e);
            }
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        // Output to a file, not a pipe: a background child (coturn) must not keep us waiting for EOF.
        Path output = Files.createTempFile("netlab", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + SCRIPT_TIMEOUT_SECONDS + " s");
            }
            String out = Files.readString(output, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out.strip());
            }
            return out;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** netlab/ of this repository: the module runs in protocol/, the scripts are one level up. */
    private static Path scripts() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("netlab/topology.sh"))) {
                return dir.resolve("netlab");
            }
        }
        return null;
    }

}
