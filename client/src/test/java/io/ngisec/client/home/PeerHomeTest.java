package io.ngisec.client.home;

import static io.ngisec.client.home.Identities.assertSame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.client.testing.TestOrg;
import io.ngisec.client.store.Contact;
import io.ngisec.client.store.ContactTable;
import io.ngisec.client.store.StoredIdentity;
import io.ngisec.protocol.identity.DeviceId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerHomeTest {

    private static final TestOrg ACME = new TestOrg("acme");

    @TempDir
    Path temp;

    @Test
    void defaultDirectoryFollowsEachOperatingSystem() {
        Path user = Path.of("/home/alice");
        assertThat(PeerHome.defaultDirectory("Linux", Map.of(), user)).isEqualTo(Path.of("/home/alice/.local/share/ngisec"));
        assertThat(PeerHome.defaultDirectory("Linux", Map.of("XDG_DATA_HOME", "/data/alice"), user))
                .isEqualTo(Path.of("/data/alice/ngisec"));
        assertThat(PeerHome.defaultDirectory("Linux", Map.of("XDG_DATA_HOME", "relative/data"), user))
                .as("a relative XDG_DATA_HOME is ignored").isEqualTo(Path.of("/home/alice/.local/share/ngisec"));
        assertThat(PeerHome.defaultDirectory("FreeBSD", Map.of(), user)).isEqualTo(Path.of("/home/alice/.local/share/ngisec"));
        assertThat(PeerHome.defaultDirectory("Mac OS X", Map.of("XDG_DATA_HOME", "/x"), Path.of("/Users/alice")))
                .isEqualTo(Path.of("/Users/alice/Library/Application Support/NGISec"));
        assertThat(PeerHome.defaultDirectory("Windows 11", Map.of("APPDATA", "C:\\Users\\alice\\AppData\\Roaming"), user))
                .isEqualTo(Path.of("C:\\Users\\alice\\AppData\\Roaming").resolve("NGISec"));
        assertThat(PeerHome.defaultDirectory("Windows 11", Map.of(), Path.of("C:\\Users\\alice")))
                .isEqualTo(Path.of("C:\\Users\\alice").resolve("AppData").resolve("Roaming").resolve("NGISec"));
    }

    @Test
    void opensAnEmptyHomeWithItsFolders() throws Exception {
        Path dir = temp.resolve("a/home");
        try (PeerHome home = PeerHome.open(dir, PassphraseSource.generatedKey())) {
            assertThat(home.directory()).isEqualTo(dir);
            assertThat(home.downloads()).isDirectory().isEqualTo(dir.resolve("downloads"));
            assertThat(dir.resolve("db/peer.mv.db")).exists();
            assertThat(home.identity()).isEmpty();
            assertThat(home.storedIdentity()).isEmpty();
            assertThat(dir.resolve("secrets/home.key")).as("the key is generated at the first save only").doesNotExist();
        }
    }

    @Test
    void identityAndKeysSurviveCloseAndReopen() throws Exception {
        Path dir = temp.resolve("home");
        EnrolledIdentity alice = ACME.enroll("alice");
        try (PeerHome home = PeerHome.open(dir, PassphraseSource.of("correct horse".toCharArray()))) {
            home.saveIdentity(alice);
            assertSame(home.identity().orElseThrow(), alice);
        }
        try (PeerHome home = PeerHome.open(dir, PassphraseSource.of("correct horse".toCharArray()))) {
            assertSame(home.identity().orElseThrow(), alice);
            assertThat(home.storedIdentity().orElseThrow().deviceId()).isEqualTo(alice.deviceId());
        }
        assertThat(Files.readString(dir.resolve("keys.p12"), StandardCharsets.ISO_8859_1))
                .as("no raw key in the file").doesNotContain(new String(alice.keys().noise().privateKey(),
                        StandardCharsets.ISO_8859_1));
    }

    @Test
    void wrongPassphraseIsOneLineAndLeavesTheKeysAlone() throws Exception {
        Path dir = temp.resolve("home");
        EnrolledIdentity alice = ACME.enroll("alice");
        try (PeerHome home = PeerHome.open(dir, PassphraseSource.of("right".toCharArray()))) {
            home.saveIdentity(alice);
        }
        byte[] before = Files.readAllBytes(dir.resolve("keys.p12"));
        try (PeerHome home = PeerHome.open(dir, PassphraseSource.of("wrong".toCharArray()))) {
            assertThatThrownBy(home::identity).isInstanceOf(HomeException.class)
                    .hasMessage("wrong passphrase for the keys in " + dir.toAbsolutePath());
            assertThat(home.storedIdentity()).as("the identity without keys needs no passphrase").isPresent();
        }
        assertThat(dir.resolve("keys.p12")).hasBinaryContent(before);
        try (PeerHome home = PeerHome.open(dir, PassphraseSource.of("right".toCharArray()))) {
            assertSame(home.identity().orElseThrow(), alice);
        }
    }

    @Test
    void generatedKeyIsOwnerOnlyAndUnlocksTheKeysLater() throws Exception {
        assumeTrue(PrivateFiles.POSIX, "POSIX permissions");
        Path dir = temp.resolve("home");
        EnrolledIdentity alice = ACME.enroll("alice");
        try (PeerHome home = PeerHome.open(dir, PassphraseSource.generatedKey())) {
            home.saveIdentity(alice);
        }
        Path key = dir.resolve("secrets/home.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys.p12")))).isEqualTo("rw-------");
        assertThat(Files.readString(key).strip()).hasSize(43);
        try (PeerHome home = PeerHome.open(dir, PassphraseSource.generatedKey())) {
            assertSame(home.identity().orElseThrow(), alice);
        }
        Files.delete(key);
        try (PeerHome home = PeerHome.open(dir, PassphraseSource.generatedKey())) {
            assertThatThrownBy(home::identity).isInstanceOf(HomeException.class)
                    .hasMessageStartingWith("the key file " + key + " that unlocks the keys in " + dir + " is missing");
        }
    }

    @Test
    void environmentPassphraseComesBeforeTheGeneratedKey() throws Exception {
        Path dir = temp.resolve("home");
        EnrolledIdentity alice = ACME.enroll("alice");
        PassphraseSource fromEnvironment = PassphraseSource.choose(Optional.empty(),
                Map.of(PassphraseSource.ENVIRONMENT_VARIABLE, "from the environment"));
        try (PeerHome home = PeerHome.open(dir, fromEnvironment)) {
            home.saveIdentity(alice);
        }
        assertThat(dir.resolve("secrets")).doesNotExist();
        try (PeerHome home = PeerHome.open(dir, PassphraseSource.of("from the environment".toCharArray()))) {
            assertSame(home.identity().orElseThrow(), alice);
        }
    }

    @Test
    void renewalKeepsTheEnrollmentTimeAndTakesTheNewKeys() throws Exception {
        Path dir = temp.resolve("home");
        EnrolledIdentity alice = ACME.enroll("alice");
        EnrolledIdentity renewed = ACME.renew(alice);
        Instant enrolled = Instant.parse("2030-01-01T00:00:00Z");
        try (PeerHome home = PeerHome.open(dir, PassphraseSource.generatedKey(), Clock.fixed(enrolled, ZoneOffset.UTC))) {
            home.saveIdentity(alice);
            assertThat(home.storedIdentity().orElseThrow().renewedAt()).isNull();
        }
        Instant later = enrolled.plusSeconds(86_400);
        try (PeerHome home = PeerHome.open(dir, PassphraseSource.generatedKey(), Clock.fixed(later, ZoneOffset.UTC))) {
            home.saveIdentity(renewed);
            assertSame(home.identity().orElseThrow(), renewed);
            StoredIdentity stored = home.storedIdentity().orElseThrow();
            assertThat(stored.enrolledAt()).isEqualTo(enrolled);
            assertThat(stored.renewedAt()).isEqualTo(later);
        }
    }

    @Test
    void keysReadOnceServeLaterCallsUntilTheKeyStoreChanges() throws Exception {
        Path dir = temp.resolve("home");
        EnrolledIdentity alice = ACME.enroll("alice");
        EnrolledIdentity renewed = ACME.renew(alice);
        try (PeerHome home = PeerHome.open(dir, PassphraseSource.generatedKey())) {
            home.saveIdentity(alice);
            assertSame(home.identity().orElseThrow(), alice);
            assertSame(home.identity().orElseThrow(), alice);
            home.saveIdentity(renewed);
            assertSame(home.identity().orElseThrow(), renewed);
            // Another open of the same home (another process) renews: this one reads the new file.
            try (PeerHome other = PeerHome.open(dir, PassphraseSource.generatedKey())) {
                other.saveIdentity(alice);
            }
            assertSame(home.identity().orElseThrow(), alice);
        }
    }

    @Test
    void saysWhetherTheKeysOpenWithoutAsking() throws Exception {
        Path dir = temp.resolve("home");
        try (PeerHome home = PeerHome.open(dir, PassphraseSource.generatedKey())) {
            assertThat(home.opensKeysWithoutAsking()).as("no key file yet").isFalse();
            home.saveIdentity(ACME.enroll("alice"));
            assertThat(home.opensKeysWithoutAsking()).as("the generated key file").isTrue();
        }
        try (PeerHome home = PeerHome.open(temp.resolve("other"), PassphraseSource.of("typed".toCharArray()))) {
            assertThat(home.opensKeysWithoutAsking()).as("a given passphrase").isTrue();
        }
    }

    @Test
    void anotherDeviceIsRefusedUnlessReplacing() throws Exception {
        Path dir = temp.resolve("home");
        EnrolledIdentity alice = ACME.enroll("alice");
        EnrolledIdentity bob = ACME.enroll("bob");
        EnrolledIdentity elsewhere = new TestOrg("other org").enroll("alice");
        try (PeerHome home = PeerHome.open(dir, PassphraseSource.generatedKey())) {
            home.saveIdentity(alice);
            home.database().transaction(c -> {
                ContactTable.replaceAll(c, List.of(new Contact(DeviceId.random(), "carol", "phone", true, Map.of(), null)));
                return null;
            });
            byte[] keys = Files.readAllBytes(dir.resolve("keys.p12"));
            assertThatThrownBy(() -> home.saveIdentity(bob)).isInstanceOf(HomeException.class)
                    .hasMessage(dir + " already holds the enrolled device alice/alice-laptop (" + alice.deviceId()
                            + ") of https://127.0.0.1:1; use another home or replace it");
            assertThatThrownBy(() -> home.saveIdentity(elsewhere)).isInstanceOf(HomeException.class);
            assertThat(dir.resolve("keys.p12")).hasBinaryContent(keys);
            assertSame(home.identity().orElseThrow(), alice);

            home.saveIdentity(bob, true);
            assertSame(home.identity().orElseThrow(), bob);
            assertThat(home.database().transaction(ContactTable::all)).as("contacts of the old device are gone").isEmpty();
        }
    }

    @Test
    void twoOpenHomesShareTheDatabase() throws Exception {
        Path dir = temp.resolve("home");
        EnrolledIdentity alice = ACME.enroll("alice");
        try (PeerHome listening = PeerHome.open(dir, PassphraseSource.generatedKey());
                PeerHome status = PeerHome.open(dir, PassphraseSource.generatedKey())) {
            listening.saveIdentity(alice);
            assertSame(status.identity().orElseThrow(), alice);
        }
    }

    @Test
    void anotherProcessReadsTheHomeWhileItIsOpen() throws Exception {
        Path dir = temp.resolve("home");
        try (PeerHome listening = PeerHome.open(dir, PassphraseSource.generatedKey())) {
            listening.saveIdentity(ACME.enroll("alice"));
            Process status = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), HomeProbe.class.getName(), dir.toString())
                    .redirectErrorStream(true).start();
            String output = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(status.waitFor()).as(output).isZero();
            assertThat(output.strip()).isEqualTo("alice");
        }
    }

    @Test
    void aFileWhereTheHomeShouldBeIsOneLineError() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> PeerHome.open(file, PassphraseSource.generatedKey()))
                .isInstanceOf(HomeException.class)
                .hasMessageStartingWith("cannot create the peer home " + file)
                .hasMessageNotContaining("\n");
    }
}
