package io.ngisec.client.cli;

import io.ngisec.protocol.ProtocolInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ngisec version}: the product version, the protocol it speaks and the runtime it runs on. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print version information.")
public final class VersionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        for (String line : lines()) {
            spec.commandLine().getOut().println(line);
        }
        return ExitCodes.OK;
    }

    static String[] lines() {
        return new String[] {
            "ngisec " + productVersion(),
            "protocol: NGISec wire version " + ProtocolInfo.WIRE_VERSION + ", handshake "
                    + ProtocolInfo.HANDSHAKE_PROTOCOL + ", records " + ProtocolInfo.RECORD_CIPHER,
            "runtime: Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }

    static String productVersion() {
        try (InputStream in = VersionCommand.class.getResourceAsStream("/io/ngisec/client/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets {@code ngisec --version} print the same lines. */
    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return lines();
        }
    }
}
