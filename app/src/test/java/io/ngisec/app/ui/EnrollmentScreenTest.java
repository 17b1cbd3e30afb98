package io.ngisec.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.testing.AppUnderTest;
import io.ngisec.app.testing.ServerFixture;
import io.ngisec.client.home.PeerHome;
import io.ngisec.client.identity.DeviceKeys;
import io.ngisec.client.server.PolicyServerClient;
import io.ngisec.client.store.StoredIdentity;
import io.ngisec.client.testing.EnrolledHomes;
import io.ngisec.client.testing.PolicyServerProcess;
import io.ngisec.protocol.enroll.Invite;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first-run screen against a real policy server, headless: what a good invite shows before
 * enrolling and that enrolling opens the main window; the one-line errors of a malformed, used,
 * expired invite and of an unreachable server.
 */
class EnrollmentScreenTest {

    @TempDir
    static Path dir;

    @AutoClose
    private static PolicyServerProcess server;
    @AutoClose
    private AppUnderTest app;

    @BeforeAll
    static void startServer() throws Exception {
        server = ServerFixture.start(dir);
    }

    @Test
    void aGoodInviteFromTheCommandLineShowsItsOrganizationAndEnrollingOpensTheMainWindow(@TempDir Path home)
            throws Exception {
        app = AppUnderTest.launch("--home", home.toString(), server.invite("alice"));

        app.awaitText("#organizationValue", "Test");
        assertThat(app.text("#serverValue")).isEqualTo(server.url().toString());
        assertThat(app.text("#caValue")).isEqualTo(server.caFingerprint().toString());
        assertThat(app.title()).startsWith("NGISec Communicator");
        assertThat(app.find("#mainView")).as("nothing enrolled before Enroll").isNull();
        app.snapshot(Path.of("target", "screenshots", "enroll.png"));

        app.robot().clickOn("#deviceNameField").eraseText(app.text("#deviceNameField").length()).write("laptop");
        app.robot().clickOn("#enrollButton");

        app.await("the main window", () -> app.find("#mainView") != null, () -> app.text("#enrollError"));
        assertThat(app.text("#identityStatus")).isEqualTo("alice / laptop");
        assertThat(app.title()).isEqualTo("NGISec Communicator - alice / laptop");
        app.awaitText("#connectionStatus", "Online");
        try (PeerHome opened = EnrolledHomes.open(home)) {
            StoredIdentity stored = opened.storedIdentity().orElseThrow();
            assertThat(stored.user()).isEqualTo("alice");
            assertThat(stored.deviceName()).isEqualTo("laptop");
            assertThat(opened.identity()).as("keys readable with the generated key").isPresent();
        }
    }

    @Test
    void keysSavedWithAPassphraseAreAskedForAtTheNextStart(@TempDir Path home) throws Exception {
        app = AppUnderTest.launch("--home", home.toString(), server.invite("erin"));
        app.awaitText("#organizationValue", "Test");
        app.robot().clickOn("#passphraseChoice");
        app.robot().clickOn("#passphraseField").write("open sesame");
        app.robot().clickOn("#confirmField").write("open sesam");
        app.awaitText("#passphraseProblem", "the passphrases differ");
        assertThat(app.disabled("#enrollButton")).isTrue();
        app.robot().write("e");
        app.robot().clickOn("#enrollButton");
        app.await("the main window", () -> app.find("#mainView") != null, () -> app.text("#enrollError"));
        app.awaitText("#connectionStatus", "Online");
        app.close();
        assertThat(home.resolve("secrets").resolve("home.key")).as("no key file beside passphrase-protected keys")
                .doesNotExist();

        app = AppUnderTest.launch("--home", home.toString());
        app.await("the unlock screen", () -> app.find("#unlockPassphrase") != null, () -> app.title());
        app.robot().clickOn("#unlockPassphrase").write("open sesam");
        app.robot().clickOn("#unlockButton");
        app.await("the wrong passphrase's error", () -> String.valueOf(app.text("#unlockError")).startsWith("wrong passphrase"),
                () -> app.text("#unlockError"));
        app.robot().clickOn("#unlockPassphrase").write("open sesame");
        app.robot().clickOn("#unlockButton");

        app.await("the main window", () -> app.find("#mainView") != null, () -> app.text("#unlockError"));
        assertThat(app.text("#identityStatus")).startsWith("erin / ");
        app.awaitText("#connectionStatus", "Online");
    }

    @Test
    void textThatIsNoInviteSaysSoAndEnrollStaysDisabled(@TempDir Path home) throws Exception {
        app = AppUnderTest.launch("--home", home.toString());
        app.await("the enrollment screen", () -> app.find("#inviteField") != null, () -> "");

        app.paste("#inviteField", "ngisec:invite?v=1&server=https%3A%2F%2F127.0.0.1%3A1");

        app.awaitText("#inviteProblem", "invalid invite: invite lacks \"ca\"");
        assertThat(app.disabled("#enrollButton")).isTrue();
        assertThat(app.text("#serverValue")).isEmpty();
    }

    @Test
    void aUsedInviteSaysItWasUsed(@TempDir Path home) throws Exception {
        String invite = server.invite("bob");
        PolicyServerClient.enroll(Invite.parse(invite), "other", DeviceKeys.generate(new SecureRandom()));
        app = AppUnderTest.launch("--home", home.toString());
        app.await("the enrollment screen", () -> app.find("#inviteField") != null, () -> "");
        app.paste("#inviteField", invite);
        app.awaitText("#organizationValue", "Test");

        app.robot().clickOn("#enrollButton");

        app.awaitText("#enrollError", "this invite was already used");
        assertThat(app.find("#mainView")).isNull();
        assertThat(app.disabled("#enrollButton")).as("a corrected invite can be tried").isFalse();
    }

    @Test
    void anExpiredInviteSaysItExpired(@TempDir Path home) throws Exception {
        String invite = PolicyServerProcess.admin("invite", "--home", server.home().toString(), "--user", "carol",
                "--ttl", "1s").strip();
        // The server truncates expiry to whole seconds: two seconds on, it has passed.
        Thread.sleep(2_100);
        app = AppUnderTest.launch("--home", home.toString(), invite);
        app.awaitText("#organizationValue", "Test");

        app.robot().clickOn("#enrollButton");

        app.awaitText("#enrollError", "this invite has expired; ask for a new one");
    }

    @Test
    void anUnreachableServerSaysItCannotBeReached(@TempDir Path home) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Invite real = Invite.parse(server.invite("dave"));
        URI nowhere = URI.create("https://127.0.0.1:" + closedPort);
        String invite = new Invite(nowhere, real.caFingerprint(), real.code()).encoded();
        app = AppUnderTest.launch("--home", home.toString(), invite);

        String expected = "cannot reach the policy server at " + nowhere + ": ";
        app.await("the preview's error", () -> String.valueOf(app.text("#enrollError")).startsWith(expected),
                () -> app.text("#enrollError"));
        assertThat(app.text("#organizationValue")).isEqualTo("unknown");
        app.robot().clickOn("#enrollButton");
        app.await("the enrollment's error", () -> !app.disabled("#enrollButton")
                && String.valueOf(app.text("#enrollError")).startsWith(expected), () -> app.text("#enrollError"));
        assertThat(app.text("#enrollError")).doesNotContain("\n").doesNotContain("Exception");
        assertThat(app.find("#mainView")).isNull();
    }
}
