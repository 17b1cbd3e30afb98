package io.ngisec.server.cli;

import io.ngisec.server.home.Secrets;
import io.ngisec.server.home.ServerConfig;
import io.ngisec.server.home.ServerHome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code init}: creates a server home. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Creates a server home: org CA, ticket signer, TLS certificate, server.conf and the database "
                + "with the default policy.",
            "Private keys are encrypted with the passphrase in " + Secrets.PASSPHRASE_VARIABLE
                + " or, if it is unset, a new secrets/master.key."})
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--home", required = true, paramLabel = "DIR", description = "New or empty directory for the home.")
    Path home;

    @Option(names = "--org", required = true, paramLabel = "NAME", description = "Organization name.")
    String org;

    @Option(names = "--hostname", paramLabel = "H",
            description = "Name devices reach the server by (repeatable; the first goes into the public URL). "
                    + "Default: this machine's host name. localhost and 127.0.0.1 are always added.")
    List<String> hostnames = new ArrayList<>();

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            description = "Port to listen on and put into the public URL (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws Exception {
        ServerMain main = ServerMain.of(spec);
        Secrets secrets = Secrets.fromEnvironment(main.environment());
        ServerHome created = ServerHome.init(home, org, hostnames, port, secrets, main.clock(), main.random());
        PrintWriter out = spec.commandLine().getOut();
        out.println("created the server home " + created.layout().dir());
        out.println("  organization    " + created.config().org());
        out.println("  public URL      " + created.publicUrl());
        out.println("  CA fingerprint  " + created.caFingerprint());
        out.println("  private keys    " + (secrets.usesPassphrase()
                ? "encrypted with the passphrase in " + Secrets.PASSPHRASE_VARIABLE + " (the server needs it to start)"
                : "encrypted with " + created.layout().show(created.layout().masterKey())
                        + " (set " + Secrets.PASSPHRASE_VARIABLE + " at init to use a passphrase instead)"));
        out.println("next: ngisec server start --home " + created.layout().dir());
        out.flush();
        return ExitCodes.OK;
    }
}
