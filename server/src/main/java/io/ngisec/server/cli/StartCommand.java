package io.ngisec.server.cli;

import io.ngisec.server.home.PublicHome;
import io.ngisec.server.home.Secrets;
import io.ngisec.server.home.ServerConfig;
import io.ngisec.server.home.ServerHome;
import io.ngisec.server.home.StoreTarget;
import io.ngisec.server.instance.InstanceOptions;
import io.ngisec.server.instance.ServerInstance;
import io.ngisec.server.service.ServiceSettings;
import io.ngisec.server.service.TurnSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code start}: runs the policy server from its home until the process is told to stop. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Runs the policy server from its home; options override server.conf.",
            "Prints 'listening on https://HOST:PORT' once it serves; stops cleanly on SIGINT/SIGTERM."})
final class StartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Address to listen on (port 0: any free port).")
    String listen;

    @Option(names = "--instance-id", paramLabel = "ID",
            description = "This instance's id among those sharing a database (default: host name and port).")
    String instanceId;

    @Option(names = "--stun", paramLabel = "URI", description = "STUN server for devices (repeatable).")
    List<String> stun = new ArrayList<>();

    @Option(names = "--turn", paramLabel = "URI", description = "TURN server for devices (repeatable).")
    List<String> turn = new ArrayList<>();

    @Option(names = "--turn-secret-file", paramLabel = "F", description = "File holding the TURN REST shared secret.")
    Path turnSecretFile;

    @Override
    public Integer call() throws Exception {
        ServerMain main = ServerMain.of(spec);
        PublicHome publicHome = store.readHome();
        ServerConfig config = publicHome.config();
        InetSocketAddress address = listenAddress(config);
        ServiceSettings settings = ServiceSettings.defaults().withTurn(turn(publicHome, config));
        ServerHome home = ServerHome.open(store.home, Secrets.fromEnvironment(main.environment()), main.clock(),
                main.random());
        StoreTarget db = store.target(publicHome);
        try (var probe = db.open()) {
            // Opening once up front turns a missing or foreign database into a one-line error here.
        }
        InstanceOptions options = new InstanceOptions(address, db.url(), db.user(), db.password(),
                instanceId != null ? instanceId : defaultInstanceId(address), settings,
                InstanceOptions.DEFAULT_WATCH_PERIOD);
        ServerInstance instance = ServerInstance.start(home.ca(), home.ticketSigner(), home.tls(), options,
                main.clock(), main.random());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("ngisec-stop").unstarted(() -> {
            instance.close();
            stopped.countDown();
        }));
        spec.commandLine().getOut().println("listening on https://" + address.getHostString() + ":" + instance.port()
                + " (org " + config.org() + ", " + (options.postgres() ? "PostgreSQL" : "embedded H2") + ")");
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCodes.OK;
    }

    private InetSocketAddress listenAddress(ServerConfig config) throws CliException {
        try {
            InetSocketAddress unresolved = listen != null ? ServerConfig.parseListen(listen) : config.listenAddress();
            return new InetSocketAddress(InetAddress.getByName(unresolved.getHostString()), unresolved.getPort());
        } catch (IllegalArgumentException | UnknownHostException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    private TurnSettings turn(PublicHome home, ServerConfig config) throws CliException {
        List<String> turnUris = turn.isEmpty() ? config.turn() : turn;
        List<String> stunUris = stun.isEmpty() ? config.stun() : stun;
        Path secretFile = turnSecretFile != null ? turnSecretFile
                : config.turnSecretFile().isEmpty() ? null : home.resolve(config.turnSecretFile());
        if (turnUris.isEmpty() && secretFile == null) {
            return TurnSettings.none();
        }
        if (turnUris.isEmpty() || secretFile == null) {
            throw CliException.usage("--turn and --turn-secret-file go together");
        }
        for (String uri : concat(stunUris, turnUris)) {
            if (!uri.matches("(stun|stuns|turn|turns):[^\\s]+")) {
                throw CliException.usage("'" + uri + "' is not a stun:, stuns:, turn: or turns: URI");
            }
        }
        try {
            byte[] secret = Files.readString(secretFile, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
            if (secret.length == 0) {
                throw CliException.usage("the TURN secret file " + secretFile + " is empty");
            }
            return TurnSettings.of(concat(stunUris, turnUris), secret);
        } catch (IOException e) {
            throw CliException.usage("cannot read the TURN secret file " + secretFile + ": " + e.getMessage());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String defaultInstanceId(InetSocketAddress address) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host.replaceAll("[^A-Za-z0-9._-]", "-") + ":" + address.getPort();
    }
}
