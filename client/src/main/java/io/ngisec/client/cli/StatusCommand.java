package io.ngisec.client.cli;

import io.ngisec.client.home.PeerHome;
import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.client.peer.ContactsCache;
import io.ngisec.client.server.DirectoryEntry;
import io.ngisec.client.server.PolicyServerClient;
import io.ngisec.client.server.ServerException;
import io.ngisec.protocol.identity.DeviceCertificate;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ngisec status}: who this device is, whether its policy server answers, and who is online. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show this device's identity, its policy server and the colleagues online.")
public final class StatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private HomeOptions homeOptions;

    @Option(names = "--json", description = "Print the status as JSON.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        try (PeerHome home = homeOptions.open()) {
            EnrolledIdentity identity = HomeOptions.enrolled(home);
            DeviceCertificate certificate = DeviceCertificate.parse(identity.deviceCertificate());
            List<DirectoryEntry> directory = null;
            String serverError = null;
            boolean cached = false;
            try (PolicyServerClient server = PolicyServerClient.open(identity)) {
                directory = server.directory();
                ContactsCache.save(home.database(), directory, Instant.now());
            } catch (ServerException e) {
                serverError = e.getMessage();
                // The last directory this device saw, marked as such: presence there is stale.
                directory = ContactsCache.load(home.database());
                cached = true;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("user", identity.user());
            out.put("device", identity.deviceName());
            out.put("deviceId", identity.deviceId().toString());
            out.put("groups", identity.groups());
            out.put("fingerprint", certificate.fingerprint().hex());
            out.put("certificateExpires", certificate.notAfter().toString());
            out.put("server", identity.server().toString());
            out.put("serverReachable", serverError == null);
            if (serverError != null) {
                out.put("serverError", serverError);
            }
            List<Map<String, Object>> peers = new ArrayList<>();
            if (directory != null) {
                for (DirectoryEntry e : directory) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("user", e.user());
                    p.put("device", e.deviceName());
                    p.put("deviceId", e.deviceId().toString());
                    p.put("online", e.online());
                    Map<String, String> services = new TreeMap<>();
                    e.services().forEach((s, c) -> services.put(s.name(), c.name()));
                    p.put("services", services);
                    peers.add(p);
                }
                out.put("peers", peers);
                out.put("peersCached", cached);
            }
            PrintWriter w = spec.commandLine().getOut();
            if (json) {
                w.println(Json.line(out));
            } else {
                w.println("device   " + identity.user() + "/" + identity.deviceName() + " (" + identity.deviceId() + ")");
                w.println("groups   " + (identity.groups().isEmpty() ? "(none)" : String.join(", ", identity.groups())));
                w.println("key      " + certificate.fingerprint() + ", certificate valid until " + certificate.notAfter());
                w.println("server   " + identity.server() + (serverError == null ? " (reachable)" : " (" + serverError + ")"));
                if (directory != null) {
                    long online = peers.stream().filter(p -> (Boolean) p.get("online")).count();
                    w.println(cached ? "peers    " + peers.size() + " known (cached; presence unknown while the server is unreachable)"
                            : "peers    " + online + " of " + peers.size() + " online");
                    for (Map<String, Object> p : peers) {
                        w.printf("  %-16s %-20s %-7s %s%n", p.get("user"), p.get("device"),
                                (Boolean) p.get("online") ? "online" : "offline", p.get("services"));
                    }
                }
            }
            return serverError == null ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
