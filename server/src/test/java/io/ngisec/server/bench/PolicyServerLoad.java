package io.ngisec.server.bench;

import io.netty.handler.ssl.SslContext;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.IdentityException;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Load generator for the policy server's HTTPS/WebSocket API. Prints progress, then one
 * {@code RESULT key=value ...} line for scripts. Exit code 0 when the run completed (whatever it
 * measured), 2 for bad options or unreadable inputs.
 */
@Command(name = "policy-server-load", mixinStandardHelpOptions = true,
        description = "Puts load on a policy server: health, authorize, enroll or websockets.")
public final class PolicyServerLoad implements Callable<Integer> {

    enum Scenario { health, authorize, enroll, websockets }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", required = true, description = "One of: ${COMPLETION-CANDIDATES}.")
    Scenario scenario;

    @Option(names = "--url", required = true, description = "Server base URL, e.g. https://127.0.0.1:8443.")
    URI url;

    @Option(names = "--ca", required = true, description = "CA certificate (DER or PEM) the server's certificate chains to.")
    Path ca;

    @Option(names = "--clients", description = "Directory of device credentials (NAME.key + NAME.crt, or NAME.p12); needed by authorize and websockets.")
    Path clients;

    @Option(names = "--invites", description = "Invite codes, one ID.SECRET per line; needed by enroll.")
    Path invites;

    @Option(names = "--keep", description = "enroll: directory for the credentials of the first --keep-count enrolled devices.")
    Path keep;

    @Option(names = "--keep-count", defaultValue = "64", description = "enroll: how many enrolled devices to keep; default ${DEFAULT-VALUE}.")
    int keepCount;

    @Option(names = "--duration", defaultValue = "20s", description = "Measured time (HTTP) or hold time (websockets); default ${DEFAULT-VALUE}.")
    String duration;

    @Option(names = "--warmup", defaultValue = "5s", description = "Unmeasured time before the HTTP measurement; default ${DEFAULT-VALUE}.")
    String warmup;

    @Option(names = "--concurrency", defaultValue = "64", description = "HTTP connections, one request in flight each; default ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--connections", defaultValue = "10000", description = "WebSockets to open and hold; default ${DEFAULT-VALUE}.")
    int connections;

    @Option(names = "--connect-concurrency", defaultValue = "32", description = "WebSocket upgrades under way at once; default ${DEFAULT-VALUE}.")
    int connectConcurrency;

    @Option(names = "--connect-timeout", defaultValue = "10m", description = "Give up opening WebSockets after this; default ${DEFAULT-VALUE}.")
    String connectTimeout;

    @Option(names = "--ping-interval", defaultValue = "30s", description = "WebSocket ping interval; default ${DEFAULT-VALUE}.")
    String pingInterval;

    @Option(names = "--devices", defaultValue = "0", description = "Use at most this many device credentials (0: all).")
    int devices;

    @Option(names = "--sources", defaultValue = "1", description = "Source addresses 127.0.0.1..127.0.0.N (loopback only); default ${DEFAULT-VALUE}.")
    int sources;

    @Option(names = "--threads", defaultValue = "0", description = "Client event loop threads (0: one per core).")
    int threads;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new PolicyServerLoad());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof IOException) {
                line.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new ParameterException(spec.commandLine(), "--url must be https://HOST:PORT");
        }
        int port = url.getPort() < 0 ? 443 : url.getPort();
        InetSocketAddress server = new InetSocketAddress(url.getHost(), port);
        String authority = url.getHost() + ":" + port;
        int loops = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        LoopbackSources sourceAddresses;
        try {
            sourceAddresses = new LoopbackSources(sources);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (sources > 1 && !server.getAddress().isLoopbackAddress()) {
            throw new ParameterException(spec.commandLine(), "--sources above 1 needs a loopback server address");
        }
        X509Certificate caCert = ClientCredentials.loadCa(ca);
        Duration measured = duration(duration, "--duration");
        Duration warm = duration(warmup, "--warmup");

        switch (scenario) {
            case health -> http(out, new HttpLoad.Plan(server, url.getHost(), concurrency, loops, warm, measured,
                    List.of(ClientTls.anonymous(caCert)), i -> ApiRequests.health(authority), sourceAddresses));
            case authorize -> {
                List<ClientCredentials.Device> devs = devices();
                List<SslContext> tls = new ArrayList<>();
                for (ClientCredentials.Device d : devs) {
                    tls.add(ClientTls.forDevice(caCert, d));
                }
                List<String> ids = devs.stream().map(PolicyServerLoad::deviceId).toList();
                // Each connection asks to call the next device: peers exist if the server knows the devices.
                IntFunction<RequestSource> requests = i -> ApiRequests.authorize(authority, ids.get((i + 1) % ids.size()));
                http(out, new HttpLoad.Plan(server, url.getHost(), concurrency, loops, warm, measured, tls, requests, sourceAddresses));
            }
            case enroll -> {
                if (invites == null) {
                    throw new ParameterException(spec.commandLine(), "enroll needs --invites FILE");
                }
                List<String> codes = EnrollBodies.readCodes(invites);
                out.printf("making %d enrollment requests (fresh Ed25519 and X25519 keys)...%n", codes.size());
                List<EnrollBodies.Enrollee> enrollees = EnrollBodies.make(codes);
                EnrolledDevices kept = keep != null ? new EnrolledDevices(keep, keepCount) : EnrolledDevices.none();
                AtomicInteger next = new AtomicInteger();
                http(out, new HttpLoad.Plan(server, url.getHost(), concurrency, loops, warm, measured,
                        List.of(ClientTls.anonymous(caCert)), i -> ApiRequests.enroll(authority, enrollees, next, kept),
                        sourceAddresses));
                out.printf("kept %d enrolled devices%n", kept.saved());
            }
            case websockets -> {
                List<SslContext> tls = new ArrayList<>();
                for (ClientCredentials.Device d : devices()) {
                    tls.add(ClientTls.forDevice(caCert, d));
                }
                URI ws = URI.create("wss://" + authority + "/v1/ws");
                WebSocketLoad.Plan plan = new WebSocketLoad.Plan(server, ws, connections, connectConcurrency, loops,
                        measured, duration(pingInterval, "--ping-interval"), duration(connectTimeout, "--connect-timeout"),
                        tls, sourceAddresses);
                long cpu0 = processCpuNanos();
                WebSocketLoad.Result r = new WebSocketLoad(plan).run(out);
                out.printf(Locale.ROOT, "RESULT scenario=websockets target=%d upgraded=%d held_after_connect=%d min_held=%d"
                                + " held_at_end=%d connect_s=%.1f connect_rate=%.0f dropped=%d pings=%d pongs=%d text_frames=%d"
                                + " devices=%d failures=%s client_cpu_s=%.1f%n",
                        r.target(), r.upgraded(), r.heldAfterConnect(), r.minHeld(), r.heldAtEnd(), r.connectSeconds(),
                        r.connectRate(), r.dropped(), r.pingsSent(), r.pongs(), r.textFrames(), tls.size(),
                        compact(r.failures().toString()), (processCpuNanos() - cpu0) / 1e9);
            }
        }
        return 0;
    }

    private void http(PrintStream out, HttpLoad.Plan plan) throws InterruptedException {
        out.printf("%s: %d connections, warm-up %ds, measuring %ds...%n", scenario, plan.connections(),
                plan.warmup().toSeconds(), plan.duration().toSeconds());
        HttpLoad load = new HttpLoad(plan);
        RequestStats stats = load.run(out);
        RunWindow w = load.window();
        long last = stats.lastResponseNanos();
        long end = last == Long.MIN_VALUE ? w.measureFromNanos() : Math.min(w.endNanos(), last);
        double seconds = Math.max(1e-9, (end - w.measureFromNanos()) / 1e9);
        LatencyHistogram h = stats.latency();
        out.printf(Locale.ROOT, "RESULT scenario=%s concurrency=%d measured_s=%.1f responses=%d ok=%d rate=%.0f ok_rate=%.0f"
                        + " p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f errors=%d outcomes=%s%n",
                scenario, plan.connections(), seconds, h.count(), stats.successes(), h.count() / seconds,
                stats.successes() / seconds, h.percentile(50) / 1e3, h.percentile(99) / 1e3, h.percentile(99.9) / 1e3,
                stats.errors(), compact(stats.outcomes().toString()));
    }

    private List<ClientCredentials.Device> devices() throws IOException {
        if (clients == null) {
            throw new ParameterException(spec.commandLine(), scenario + " needs --clients DIR");
        }
        List<ClientCredentials.Device> all = ClientCredentials.loadDevices(clients);
        return devices > 0 && devices < all.size() ? all.subList(0, devices) : all;
    }

    /** The NGISec device id in a credential's certificate, or a random one for other PKIs. */
    private static String deviceId(ClientCredentials.Device device) {
        try {
            return DeviceCertificate.parse(device.chain()[0].getEncoded()).deviceId().toString();
        } catch (IdentityException | CertificateEncodingException e) {
            return DeviceId.random().toString();
        }
    }

    private Duration duration(String text, String option) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    private static String compact(String map) {
        return map.replace(" ", "");
    }

    private static long processCpuNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }
}
