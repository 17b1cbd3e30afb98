package io.ngisec.server.e2e;

import io.ngisec.server.testing.RecordingWebSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.enroll.Invite;
import io.ngisec.server.cli.ServerMain;
import io.ngisec.server.home.PublicHome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy server as an administrator runs it: {@code init}, then {@code start} in its own
 * process, then {@code invite}, {@code revoke} and {@code policy apply} from other processes on the
 * same embedded database while devices use the server over HTTPS and WebSockets.
 */
class ServerProcessTest {

    @TempDir
    Path dir;

    private Process server;

    @AfterEach
    void stop() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Runs an admin command in this process; returns stdout, fails on a non-zero exit. */
    private String admin(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ServerMain.commandLine(new ServerMain(), new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        assertThat(code).as("ngisec server %s: %s", String.join(" ", args), err).isZero();
        return out.toString();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anAdministratorRunsTheServerAndManagesItWhileItRuns() throws Exception {
        Path home = dir.resolve("home");
        int port = freePort();
        admin("init", "--home", home.toString(), "--org", "Acme", "--hostname", "127.0.0.1", "--port", String.valueOf(port));

        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), ServerMain.class.getName(),
                "start", "--home", home.toString(), "--listen", "127.0.0.1:" + port));
        server = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = output.readLine()) != null && !line.startsWith("listening on ")) {
            seen.append(line).append('\n');
        }
        assertThat(line).as("server output:\n%s", seen).isEqualTo("listening on https://127.0.0.1:" + port
                + " (org Acme, embedded H2)");
        Thread.ofVirtual().start(() -> output.lines().forEach(l -> { }));

        X509Certificate ca = TestOrg.x509(PublicHome.read(home).caCertificate().encoded());
        Invite aliceInvite = Invite.parse(admin("invite", "--home", home.toString(), "--user", "alice", "--groups", "staff"));
        Invite bobInvite = Invite.parse(admin("invite", "--home", home.toString(), "--user", "bob"));
        Invite carolInvite = Invite.parse(admin("invite", "--home", home.toString(), "--user", "carol"));
        assertThat(aliceInvite.server().getPort()).isEqualTo(port);
        assertThat(aliceInvite.caFingerprint().matches(ca.getEncoded())).isTrue();

        TestDevice alice = new TestDevice(ca, port);
        TestDevice bob = new TestDevice(ca, port);
        assertThat(alice.enroll(aliceInvite.code().encoded(), "alice-laptop").statusCode()).isEqualTo(200);
        assertThat(bob.enroll(bobInvite.code().encoded(), "bob-phone").statusCode()).isEqualTo(200);
        TestDevice carol = new TestDevice(ca, port);
        assertThat(carol.enroll(carolInvite.code().encoded(), "carol-desk").statusCode()).isEqualTo(200);
        assertThat(alice.authorize(bob.id, "CALL").body()).contains("\"allowed\":true");
        RecordingWebSocket aliceSocket = alice.connect();
        RecordingWebSocket bobSocket = bob.connect();

        assertThat(admin("revoke", "--home", home.toString(), "--device", bob.id.toString())).isNotNull();
        assertThat(aliceSocket.next("revoked").path("deviceId").asText()).isEqualTo(bob.id.toString());
        assertThat(bobSocket.closeCode()).isEqualTo(4003);

        Path policy = dir.resolve("policy.hujson");
        Files.writeString(policy, "{ \"rules\": [] } // nobody may talk to anybody");
        admin("policy", "apply", "--home", home.toString(), policy.toString());
        assertThat(aliceSocket.next("policy").path("version").asLong()).isEqualTo(2);
        assertThat(alice.authorize(carol.id, "CALL").body()).contains("\"allowed\":false").contains("default-deny");

        server.destroy();
        assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("server stops on SIGTERM").isTrue();
        assertThat(admin("audit", "--home", home.toString())).contains("revoke").contains("policy");
    }
}
