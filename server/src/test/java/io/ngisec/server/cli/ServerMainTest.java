package io.ngisec.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngisec.protocol.enroll.Invite;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.server.home.PublicHome;
import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.StoredDevice;
import io.ngisec.server.store.StoredInvite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server command line driven in-process: outputs, exit codes, and what lands in the store. */
class ServerMainTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run printed and returned. */
    record Run(int code, String out, String err) {
    }

    @TempDir
    Path tmp;

    private Path home;
    private Instant now = NOW;

    @BeforeEach
    void createHome() {
        home = tmp.resolve("home");
        Run init = run("init", "--home", home.toString(), "--org", "Acme", "--hostname", "policy.acme.example");
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).contains("CA fingerprint").contains("https://policy.acme.example:8443");
    }

    @Test
    void initRefusesAnExistingHomeWithOneLine() {
        Run again = run("init", "--home", home.toString(), "--org", "Acme");

        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("ngisec server: " + home.toAbsolutePath()
                + " is not empty; init needs a new or empty directory\n");
    }

    @Test
    void invitePrintsAnInviteWhoseCodeTheStoreKnows() throws Exception {
        Run run = run("invite", "--home", home.toString(), "--user", "alice", "--groups", "eng,staff", "--ttl", "48h");

        assertThat(run.code()).as(run.err()).isZero();
        Invite invite = Invite.parse(run.out().strip());
        PublicHome publicHome = PublicHome.read(home);
        assertThat(invite.server()).isEqualTo(publicHome.publicUrl());
        assertThat(invite.caFingerprint()).isEqualTo(publicHome.caFingerprint());
        assertThat(run.err()).contains("alice").contains("eng, staff").contains("expires 2026-11-22T10:00:00Z");
        try (JdbcServerStore store = publicHome.openStore()) {
            StoredInvite stored = store.invite(invite.code().id()).orElseThrow();
            assertThat(invite.code().matches(stored.secretHash())).isTrue();
            assertThat(stored.user()).isEqualTo("alice");
            assertThat(stored.groups()).containsExactly("eng", "staff");
            assertThat(stored.expires()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
            assertThat(store.audit(Instant.EPOCH).getLast().action()).isEqualTo("invite");
            assertThat(store.audit(Instant.EPOCH).getLast().actor()).startsWith("admin:");
        }
    }

    @Test
    void inviteRefusesBadInputWithExitTwo() {
        assertOneLineUsage(run("invite", "--home", home.toString(), "--user", "alice", "--ttl", "5x"), "--ttl");
        assertOneLineUsage(run("invite", "--home", home.toString(), "--user", "bad name"), "user name");
        assertOneLineUsage(run("invite", "--home", home.toString(), "--user", "alice", "--ttl", "90d"), "30d");
        assertOneLineUsage(run("invite", "--user", "alice"), "--home");
        assertOneLineUsage(run("invite", "--home", tmp.resolve("nowhere").toString(), "--user", "alice"), "does not exist");
    }

    @Test
    void revokeByUserRevokesEachOfTheirDevicesOnce() throws Exception {
        DeviceId laptop = addDevice("alice", "laptop");
        DeviceId phone = addDevice("alice", "phone");
        DeviceId bobs = addDevice("bob", "desktop");

        Run run = run("revoke", "--home", home.toString(), "--user", "alice");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("revoked 2 devices of alice\n");
        try (JdbcServerStore store = PublicHome.read(home).openStore()) {
            assertThat(store.device(laptop).orElseThrow().revoked()).isTrue();
            assertThat(store.device(phone).orElseThrow().revoked()).isTrue();
            assertThat(store.device(bobs).orElseThrow().revoked()).isFalse();
            assertThat(store.audit(Instant.EPOCH)).filteredOn(r -> r.action().equals("revoke")).hasSize(2);
        }
        Run again = run("revoke", "--home", home.toString(), "--user", "alice");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).startsWith("ngisec server: nothing revoked").hasLineCount(1);
    }

    @Test
    void revokeByDevice() throws Exception {
        DeviceId laptop = addDevice("alice", "laptop");
        DeviceId phone = addDevice("alice", "phone");

        Run run = run("revoke", "--home", home.toString(), "--device", laptop.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("revoked 1 device (laptop of alice)\n");
        try (JdbcServerStore store = PublicHome.read(home).openStore()) {
            assertThat(store.device(laptop).orElseThrow().revoked()).isTrue();
            assertThat(store.device(phone).orElseThrow().revoked()).isFalse();
        }
        assertThat(run("revoke", "--home", home.toString(), "--device", DeviceId.random().toString()).code()).isEqualTo(1);
        assertOneLineUsage(run("revoke", "--home", home.toString(), "--device", "laptop"), "device id");
        assertOneLineUsage(run("revoke", "--home", home.toString(), "--user", "a", "--device", laptop.toString()),
                "mutually exclusive");
    }

    @Test
    void policyApplySavesAGoodFileAndRefusesABadOne() throws Exception {
        Path good = Files.writeString(tmp.resolve("good.hujson"), """
                { "rules": [ { "name": "calls", "action": "allow", "from": ["*"], "to": ["*"], "services": ["call"] } ] }
                """);
        Path bad = Files.writeString(tmp.resolve("bad.hujson"), """
                {
                  "rules": [ { "name": "calls", "action": "permit", "from": ["*"], "to": ["*"], "services": ["call"] } ]
                }
                """);

        Run badRun = run("policy", "apply", "--home", home.toString(), bad.toString());
        assertOneLineUsage(badRun, "line 2");
        assertThat(currentVersion()).isEqualTo(1);

        Run goodRun = run("policy", "apply", "--home", home.toString(), good.toString());
        assertThat(goodRun.code()).as(goodRun.err()).isZero();
        assertThat(goodRun.out()).isEqualTo("applied policy version 2\n");
        assertThat(currentVersion()).isEqualTo(2);

        Run show = run("policy", "show", "--home", home.toString());
        assertThat(show.out()).isEqualTo(Files.readString(good));
        assertThat(show.err()).startsWith("policy version 2");

        assertThat(run("policy", "apply", "--home", home.toString(), good.toString()).out()).startsWith("policy unchanged");
        assertThat(currentVersion()).isEqualTo(2);
        assertOneLineUsage(run("policy", "apply", "--home", home.toString(), tmp.resolve("missing").toString()),
                "no such file");
    }

    @Test
    void policyTestExitsOneNamingTheRuleAtFault() throws Exception {
        Path holds = Files.writeString(tmp.resolve("holds.txt"), "user:alice may call user:bob with EF\n");
        Path fails = Files.writeString(tmp.resolve("fails.txt"), """
                user:alice may call user:bob
                user:alice may not send files to user:bob
                """);
        Path strict = Files.writeString(tmp.resolve("strict.hujson"), """
                { "rules": [ { "name": "no-files", "action": "deny", "from": ["*"], "to": ["*"], "services": ["file"] } ] }
                """);

        Run pass = run("policy", "test", "--home", home.toString(), holds.toString());
        assertThat(pass.code()).as(pass.out() + pass.err()).isZero();
        assertThat(pass.out()).contains("1 expectation: 1 passed, 0 failed");

        Run fail = run("policy", "test", "--home", home.toString(), fails.toString());
        assertThat(fail.code()).isEqualTo(1);
        assertThat(fail.out()).contains("FAIL  line 2: expected \"user:alice may not send files to user:bob\"")
                .contains("\"everyone\"").contains("1 passed, 1 failed");

        Run candidate = run("policy", "test", "--home", home.toString(), "--policy", strict.toString(), fails.toString());
        assertThat(candidate.code()).isEqualTo(1);
        assertThat(candidate.out()).contains("FAIL  line 1").contains("ok    line 2").contains("\"no-files\"");

        Path badTest = Files.writeString(tmp.resolve("bad.txt"), "alice might call bob\n");
        assertOneLineUsage(run("policy", "test", "--home", home.toString(), badTest.toString()), "line 1");
    }

    @Test
    void listingsHaveTablesAndParseableJson() throws Exception {
        addDevice("alice", "laptop");
        now = NOW.plusSeconds(7200);
        run("invite", "--home", home.toString(), "--user", "carol");

        Run users = run("users", "--home", home.toString(), "--json");
        JsonNode userList = JSON.readTree(users.out());
        assertThat(userList).hasSize(1);
        assertThat(userList.get(0).get("name").asText()).isEqualTo("alice");
        assertThat(userList.get(0).get("activeDevices").asLong()).isEqualTo(1);

        JsonNode devices = JSON.readTree(run("devices", "--home", home.toString(), "--json").out());
        assertThat(devices.get(0).get("name").asText()).isEqualTo("laptop");
        assertThat(devices.get(0).get("revoked").isNull()).isTrue();
        assertThat(run("devices", "--home", home.toString()).out()).startsWith("ID").contains("laptop").contains("active");

        JsonNode audit = JSON.readTree(run("audit", "--home", home.toString(), "--json").out());
        assertThat(audit).extracting(n -> n.get("action").asText()).containsExactly("init", "invite");
        JsonNode recent = JSON.readTree(run("audit", "--home", home.toString(), "--json", "--since", "1h").out());
        assertThat(recent).extracting(n -> n.get("action").asText()).containsExactly("invite");
        JsonNode later = JSON.readTree(run("audit", "--home", home.toString(), "--json",
                "--since", "2026-11-21T00:00:00Z").out());
        assertThat(later).isEmpty();
        assertThat(run("audit", "--home", home.toString()).out()).startsWith("SEQ").contains("invite");
        assertOneLineUsage(run("audit", "--home", home.toString(), "--since", "yesterday"), "--since");
    }

    @Test
    void badUsageIsOneLineAndExitTwo() {
        assertOneLineUsage(run("users", "--home", home.toString(), "--colour"), "Unknown option");
        assertOneLineUsage(run("frobnicate"), "frobnicate");
        assertThat(run().code()).isEqualTo(2);
        Run help = run("invite", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--home").contains("--ttl");
    }

    @Test
    void anUnreachableDatabaseIsExitOne() {
        Run run = run("users", "--home", home.toString(), "--db", "jdbc:postgresql://127.0.0.1:1/none",
                "--db-user", "nobody");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("ngisec server: database unavailable").hasLineCount(1);
    }

    @Test
    void anotherProcessCanUseTheDatabaseWhileItIsOpen() throws Exception {
        try (JdbcServerStore running = PublicHome.read(home).openStore()) {
            Process admin = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ServerMain.class.getName(),
                    "invite", "--home", home.toString(), "--user", "dave")
                    .redirectErrorStream(true).start();
            String output = new String(admin.getInputStream().readAllBytes());
            assertThat(admin.waitFor()).as(output).isZero();
            Invite invite = Invite.parse(output.lines().filter(l -> l.startsWith("ngisec:invite")).findFirst().orElseThrow());

            // The writer in the other process is visible here, and this process still writes.
            assertThat(running.invite(invite.code().id())).isPresent();
            running.upsertUser("dave", List.of(), NOW);
        }
        assertThat(JSON.readTree(run("users", "--home", home.toString(), "--json").out()).get(0).get("name").asText())
                .isEqualTo("dave");
    }

    private long currentVersion() throws Exception {
        try (JdbcServerStore store = PublicHome.read(home).openStore()) {
            return store.currentPolicy().orElseThrow().version();
        }
    }

    private DeviceId addDevice(String user, String name) throws Exception {
        DeviceId id = DeviceId.random();
        try (JdbcServerStore store = PublicHome.read(home).openStore()) {
            store.upsertUser(user, List.of("eng"), NOW);
            store.addDevice(new StoredDevice(id, user, name, new byte[44], new byte[32], BigInteger.TEN,
                    NOW.plusSeconds(86_400), NOW, null));
        }
        return id;
    }

    private static void assertOneLineUsage(Run run, String mentions) {
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("ngisec server: ").contains(mentions).hasLineCount(1);
        assertThat(run.out()).isEmpty();
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ServerMain main = new ServerMain(Clock.fixed(now, ZoneOffset.UTC), new SecureRandom(), name -> null);
        int code = ServerMain.commandLine(main, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
