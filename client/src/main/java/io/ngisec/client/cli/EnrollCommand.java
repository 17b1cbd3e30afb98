package io.ngisec.client.cli;

import io.ngisec.client.home.PeerHome;
import io.ngisec.client.identity.DeviceKeys;
import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.client.server.PolicyServerClient;
import io.ngisec.protocol.enroll.Invite;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ngisec enroll}: makes this home an enrolled device of the organization named in an invite. */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = "Enroll this device with an invite from your organization's administrator.")
public final class EnrollCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private HomeOptions homeOptions;

    @Option(names = "--invite", required = true, paramLabel = "STRING", description = "The invite (ngisec:invite?v=1&...).")
    private String invite;

    @Option(names = "--name", paramLabel = "DEVICE", description = "This device's name (default: the host name).")
    private String name;

    @Option(names = "--replace", description = "Replace the device already enrolled in this home.")
    private boolean replace;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        Invite parsed;
        try {
            parsed = Invite.parse(invite);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid invite: " + e.getMessage());
        }
        String deviceName = name != null ? name : hostName();
        try (PeerHome home = homeOptions.open()) {
            Optional<EnrolledIdentity> existing = home.identity();
            if (existing.isPresent() && !replace) {
                throw new CommandFailure(home.directory() + " already holds the enrolled device " + existing.get().user()
                        + "/" + existing.get().deviceName() + "; use --replace or another --home");
            }
            EnrolledIdentity identity = PolicyServerClient.enroll(parsed, deviceName, DeviceKeys.generate(new SecureRandom()));
            home.saveIdentity(identity, replace);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("user", identity.user());
                out.put("device", identity.deviceName());
                out.put("deviceId", identity.deviceId().toString());
                out.put("groups", identity.groups());
                out.put("server", identity.server().toString());
                out.put("caFingerprint", identity.caFingerprint().hex());
                out.put("home", home.directory().toString());
                spec.commandLine().getOut().println(Json.line(out));
            } else {
                spec.commandLine().getOut().println("enrolled " + identity.user() + "/" + identity.deviceName()
                        + " (device " + identity.deviceId() + ") with " + identity.server());
                spec.commandLine().getOut().println("organization CA " + identity.caFingerprint());
                spec.commandLine().getOut().println("home " + home.directory());
            }
        }
        return ExitCodes.OK;
    }

    private static String hostName() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            int dot = host.indexOf('.');
            return dot > 0 ? host.substring(0, dot) : host;
        } catch (java.net.UnknownHostException e) {
            return "device";
        }
    }
}
