package io.ngisec.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ngisec.client.testing.PeerProcess;
import io.ngisec.client.testing.PolicyServerProcess;
import io.ngisec.protocol.enroll.Invite;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the {@code ngisec} command line, each case a real command process against a real
 * policy server: unknown user, offline user, missing file, unreadable folder, invalid and unusable
 * invites, wrong passphrase, bad options and a full disk. Each must end with exit code 2 (bad
 * usage or input) or 1 (a failure), exactly one {@code ngisec: ...} line on stderr and no stack
 * trace, and leave the homes and files as they were (or, for the full disk, resumable).
 */
class PeerBadInputTest {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);
    private static final Map<String, String> LOOPBACK = Map.of("NGISEC_HOST_ADDRESSES", "127.0.0.1");
    private static final int MIB = 1 << 20;

    @TempDir
    static Path dir;

    private static PolicyServerProcess server;
    private static Path alice;
    private static Path alicePassphrase;
    private static Path bob;
    private static Path carol;
    private static Path files;

    @BeforeAll
    static void enrollThreePeers() throws Exception {
        server = PolicyServerProcess.start(dir);
        alice = dir.resolve("alice");
        bob = dir.resolve("bob");
        carol = dir.resolve("carol");
        alicePassphrase = dir.resolve("alice.passphrase");
        Files.writeString(alicePassphrase, "correct horse battery staple\n");
        files = Files.createDirectories(dir.resolve("files"));
        // Enrolled together: three JVM starts cost less side by side.
        List<PeerProcess> enrolls = List.of(
                PeerProcess.startThrough("enroll alice", List.of(), LOOPBACK, "enroll", "--home", alice.toString(),
                        "--passphrase-file", alicePassphrase.toString(), "--invite", server.invite("alice"), "--name", "laptop"),
                PeerProcess.startThrough("enroll bob", List.of(), LOOPBACK, "enroll", "--home", bob.toString(),
                        "--invite", server.invite("bob"), "--name", "desk"),
                PeerProcess.startThrough("enroll carol", List.of(), LOOPBACK, "enroll", "--home", carol.toString(),
                        "--invite", server.invite("carol"), "--name", "phone"));
        for (PeerProcess p : enrolls) {
            assertThat(p.awaitExit(COMMAND_TIMEOUT)).as("%s", p).isZero();
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sendingToAnUnknownUserIsBadInput() throws Exception {
        Path file = Files.writeString(files.resolve("note.txt"), "hello");

        PeerProcess send = alice(List.of(), "send", "--to", "nobody", file.toString());

        assertOneLineError(send, 2, "no user 'nobody'");
    }

    @Test
    void sendingToAnOfflineUserFails() throws Exception {
        Path file = Files.writeString(files.resolve("for-carol.txt"), "hello");

        PeerProcess send = alice(List.of(), "send", "--to", "carol", "--retry-for", "0s", file.toString());

        assertOneLineError(send, 1, "carol is offline");
    }

    @Test
    void sendingAMissingFileIsBadInput() throws Exception {
        PeerProcess send = alice(List.of(), "send", "--to", "bob", files.resolve("no-such-file").toString());

        assertOneLineError(send, 2, "no such file or folder: " + files.resolve("no-such-file"));
    }

    @Test
    void sendingAnUnreadableFolderIsBadInput() throws Exception {
        Path folder = Files.createDirectories(files.resolve("secret"));
        Files.writeString(folder.resolve("inside.txt"), "hidden");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
        try {
            PeerProcess send = alice(withoutPermissionOverride(), "send", "--to", "bob", folder.toString());

            assertOneLineError(send, 2, "cannot read " + folder + " (permission denied)");
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void malformedInvitesAreBadInput() throws Exception {
        Path home = dir.resolve("dave");

        PeerProcess garbage = start("enroll dave", List.of(), "enroll", "--home", home.toString(), "--invite", "hello");
        PeerProcess truncated = start("enroll dave", List.of(), "enroll", "--home", home.toString(),
                "--invite", "ngisec:invite?v=1&server=https%3A%2F%2F127.0.0.1%3A1&ca=00");
        finish(garbage, truncated);

        assertOneLineError(garbage, 2, "invalid invite: not an NGISec invite");
        assertOneLineError(truncated, 2, "invalid invite");
        // Refused before the home was touched.
        assertThat(home).doesNotExist();
    }

    @Test
    void anInviteUsedOnceFailsTheSecondTime() throws Exception {
        String invite = server.invite("erin");
        PeerProcess first = run("enroll erin", List.of(), "enroll", "--home", dir.resolve("erin").toString(), "--invite", invite);
        assertThat(first.awaitExit(COMMAND_TIMEOUT)).as("%s", first).isZero();

        PeerProcess again = run("enroll erin again", List.of(), "enroll", "--home", dir.resolve("erin2").toString(),
                "--invite", invite);

        assertOneLineError(again, 1, "this invite was already used");
        assertThat(dir.resolve("erin2").resolve("keys.p12")).doesNotExist();
    }

    @Test
    void anInviteForAnUnreachableServerFailsAndLeavesTheEnrolledDevice() throws Exception {
        Invite real = Invite.parse(server.invite("frank"));
        String unreachable = new Invite(URI.create("https://127.0.0.1:" + closedPort()), real.caFingerprint(), real.code())
                .encoded();
        byte[] keys = Files.readAllBytes(alice.resolve("keys.p12"));

        PeerProcess fresh = start("enroll frank", List.of(), "enroll", "--home", dir.resolve("frank").toString(),
                "--invite", unreachable);
        PeerProcess replacing = startAlice(List.of(), "enroll", "--replace", "--invite", unreachable);
        finish(fresh, replacing);

        assertOneLineError(fresh, 1, "cannot reach the policy server");
        assertOneLineError(replacing, 1, "cannot reach the policy server");
        assertThat(Files.readAllBytes(alice.resolve("keys.p12"))).isEqualTo(keys);
        PeerProcess status = alice(List.of(), "status");
        assertThat(status.exitCode()).as("%s", status).isZero();
        assertThat(status.stdout()).anySatisfy(l -> assertThat(l).startsWith("device   alice/laptop"));
    }

    @Test
    void aWrongPassphraseFailsAndLeavesTheKeys() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong.passphrase"), "not the passphrase\n");
        byte[] keys = Files.readAllBytes(alice.resolve("keys.p12"));

        PeerProcess status = start("status alice", List.of(), "status", "--home", alice.toString(),
                "--passphrase-file", wrong.toString());
        PeerProcess send = start("send alice", List.of(), "send", "--home", alice.toString(),
                "--passphrase-file", wrong.toString(), "--to", "bob", alicePassphrase.toString());
        PeerProcess noFile = start("status alice", List.of(), "status", "--home", alice.toString(),
                "--passphrase-file", dir.resolve("no-such-passphrase").toString());
        finish(status, send, noFile);

        assertOneLineError(status, 1, "wrong passphrase");
        assertOneLineError(send, 1, "wrong passphrase");
        assertOneLineError(noFile, 2, "cannot read the passphrase file");
        assertThat(Files.readAllBytes(alice.resolve("keys.p12"))).isEqualTo(keys);
        PeerProcess right = alice(List.of(), "status");
        assertThat(right.exitCode()).as("%s", right).isZero();
    }

    @Test
    void badOptionsAreBadUsage() throws Exception {
        Path notAFolder = Files.writeString(files.resolve("plain-file"), "x");

        PeerProcess unknownOption = start("send", List.of(), "send", "--home", bob.toString(), "--colour", "--to", "alice",
                notAFolder.toString());
        PeerProcess unknownCommand = start("frobnicate", List.of(), "frobnicate");
        PeerProcess saveDirIsAFile = start("listen bob", List.of(), "listen", "--home", bob.toString(),
                "--save-dir", notAFolder.toString());
        finish(unknownOption, unknownCommand, saveDirIsAFile);

        assertOneLineError(unknownOption, 2, "--colour");
        assertOneLineError(unknownCommand, 2, "frobnicate");
        assertOneLineError(saveDirIsAFile, 2, notAFolder + " is not a folder");
        assertThat(Files.readString(notAFolder)).isEqualTo("x");
    }

    @Test
    void aFullDiskFailsTheTransferWhichResumesOnceThereIsSpace() throws Exception {
        assumeTrue(isRoot(), "mounting a small tmpfs needs root");
        Path save = Files.createDirectories(dir.resolve("bob-small-disk"));
        exec("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", save.toString());
        try (PeerProcess listen = PeerProcess.startThrough("listen bob", List.of(), LOOPBACK, "listen", "--home", bob.toString(),
                "--save-dir", save.toString(), "--json")) {
            listen.awaitLine(l -> l.contains("\"event\":\"listening\""), COMMAND_TIMEOUT);
            byte[] content = new byte[20 * MIB];
            new Random(5).nextBytes(content);
            Path big = Files.write(files.resolve("big.bin"), content);

            PeerProcess full = alice(List.of(), "send", "--to", "bob", "--json", big.toString());

            assertOneLineError(full, 1, "no space left on " + save);
            listen.awaitLine(l -> l.contains("\"state\":\"FAILED\"") && l.contains("no space left"), COMMAND_TIMEOUT);
            assertThat(save.resolve("big.bin")).doesNotExist();
            Path part = save.resolve("big.bin.ngisec-part");
            byte[] written = Files.readAllBytes(part);
            assertThat(written.length).isLessThanOrEqualTo(8 * MIB);
            assertThat(written).isEqualTo(Arrays.copyOf(content, written.length));
            PeerProcess status = start("status bob", List.of(), "status", "--home", bob.toString());

            exec("mount", "-o", "remount,size=64m", save.toString());
            PeerProcess again = startAlice(List.of(), "send", "--to", "bob", "--json", big.toString());
            finish(status, again);

            assertThat(status.exitCode()).as("%s", status).isZero();
            assertThat(again.exitCode()).as("%s", again).isZero();
            listen.awaitLine(l -> l.contains("\"state\":\"COMPLETED\""), COMMAND_TIMEOUT);
            assertThat(Files.readAllBytes(save.resolve("big.bin"))).isEqualTo(content);
            assertThat(save.resolve("big.bin.ngisec-part")).doesNotExist();
            // Only what the full disk did not keep was sent again.
            String done = again.stdout().stream().filter(l -> l.contains("\"state\":\"COMPLETED\"")).findFirst().orElseThrow();
            long resent = number(done, "bytesSent");
            assertThat(resent).as("bytes sent on resume, %s verified before", written.length)
                    .isLessThanOrEqualTo(content.length - written.length + 2L * MIB);
            listen.stop();
            // A clean stop (SIGTERM) says nothing on stderr.
            assertThat(listen.stderr()).as("%s", listen).isEmpty();
        } finally {
            exec("umount", save.toString());
        }
    }

    /** Runs {@code ngisec ARGS} for alice's home (with her passphrase) to its end. */
    private static PeerProcess alice(List<String> prefix, String... args) throws Exception {
        return finish(startAlice(prefix, args))[0];
    }

    private static PeerProcess startAlice(List<String> prefix, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(1, List.of("--home", alice.toString(), "--passphrase-file", alicePassphrase.toString()));
        return start(args[0] + " alice", prefix, all.toArray(String[]::new));
    }

    private static PeerProcess run(String name, List<String> prefix, String... args) throws Exception {
        return finish(start(name, prefix, args))[0];
    }

    /** Starts {@code ngisec ARGS} on loopback; commands that do not depend on each other run side by side, saving JVM starts. */
    private static PeerProcess start(String name, List<String> prefix, String... args) throws IOException {
        return PeerProcess.startThrough(name, prefix, LOOPBACK, args);
    }

    private static PeerProcess[] finish(PeerProcess... processes) throws InterruptedException {
        for (PeerProcess p : processes) {
            p.awaitExit(COMMAND_TIMEOUT);
        }
        return processes;
    }

    /** Exit code {@code code} and exactly one line on stderr, {@code ngisec: ...} containing {@code fragment}, no stack trace. */
    private static void assertOneLineError(PeerProcess p, int code, String fragment) {
        assertThat(p.exitCode()).as("exit code of %s", p).isEqualTo(code);
        assertThat(p.stderr()).as("stderr of %s", p).hasSize(1);
        String line = p.stderr().getFirst();
        assertThat(line).as("%s", p).startsWith("ngisec: ").contains(fragment).doesNotContain("Exception");
        assertThat(p.stdout()).as("stdout of %s", p)
                .noneSatisfy(l -> assertThat(l).containsPattern("^\\s+at |Exception"));
    }

    /**
     * Root reads every folder whatever its permission bits; without CAP_DAC_OVERRIDE and
     * CAP_DAC_READ_SEARCH (dropped from the bounding set, so the exec'd JVM cannot have them) it
     * obeys them like anyone else.
     */
    private static List<String> withoutPermissionOverride() throws IOException {
        if (!isRoot()) {
            return List.of();
        }
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "root without setpriv reads every folder");
        return List.of("/usr/bin/setpriv", "--bounding-set", "-dac_override,-dac_read_search");
    }

    private static boolean isRoot() throws IOException {
        return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long number(String jsonLine, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(jsonLine);
        assertThat(m.find()).as("%s in %s", field, jsonLine).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static void exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), output).isZero();
    }
}
