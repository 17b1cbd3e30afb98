package io.ngisec.client.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.client.testing.TestOrg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyVaultTest {

    private static final TestOrg ACME = new TestOrg("acme");
    private static final char[] PASSPHRASE = "vault passphrase".toCharArray();

    @TempDir
    Path temp;

    @Test
    void keysAndChainRoundTrip() throws Exception {
        EnrolledIdentity alice = ACME.enroll("alice");
        KeyVault vault = new KeyVault(temp.resolve(KeyVault.FILE_NAME));
        assertThat(vault.exists()).isFalse();
        vault.save(alice.keys(), List.of(alice.deviceCertificate(), alice.caCertificate()), PASSPHRASE);

        KeyVault.Contents contents = new KeyVault(temp.resolve(KeyVault.FILE_NAME)).load(PASSPHRASE);
        assertThat(contents.keys().signing().getPrivate().getEncoded()).isEqualTo(alice.keys().signing().getPrivate().getEncoded());
        assertThat(contents.keys().signing().getPublic().getEncoded()).isEqualTo(alice.keys().signing().getPublic().getEncoded());
        assertThat(contents.keys().noise().privateKey()).isEqualTo(alice.keys().noise().privateKey());
        assertThat(contents.certificateChain()).containsExactly(alice.deviceCertificate(), alice.caCertificate());
        assertThat(temp).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aSaveKilledBeforeItsRenameLeavesTheOldKeysReadable() throws Exception {
        EnrolledIdentity alice = ACME.enroll("alice");
        EnrolledIdentity renewed = ACME.renew(alice);
        Path file = temp.resolve(KeyVault.FILE_NAME);
        KeyVault vault = new KeyVault(file);
        vault.save(alice.keys(), List.of(alice.deviceCertificate(), alice.caCertificate()), PASSPHRASE);

        // What a save does up to the moment a kill could strike: the new store, cut short, beside the file.
        Path other = temp.resolve("other");
        Files.createDirectory(other);
        new KeyVault(other.resolve(KeyVault.FILE_NAME))
                .save(renewed.keys(), List.of(renewed.deviceCertificate(), renewed.caCertificate()), PASSPHRASE);
        byte[] newStore = Files.readAllBytes(other.resolve(KeyVault.FILE_NAME));
        Path partial = PrivateFiles.writeTemporary(file, Arrays.copyOf(newStore, newStore.length / 2));

        assertThat(vault.load(PASSPHRASE).keys().noise().privateKey()).isEqualTo(alice.keys().noise().privateKey());
        vault.save(renewed.keys(), List.of(renewed.deviceCertificate(), renewed.caCertificate()), PASSPHRASE);
        assertThat(vault.load(PASSPHRASE).keys().noise().privateKey()).isEqualTo(renewed.keys().noise().privateKey());
        assertThat(partial).as("the left-over temporary file is not the store").exists();
    }

    @Test
    void aDamagedFileIsReportedAsDamaged() throws Exception {
        Path file = temp.resolve(KeyVault.FILE_NAME);
        Files.write(file, new byte[] {0x30, (byte) 0x82, 0x10});
        assertThatThrownBy(() -> new KeyVault(file).load(PASSPHRASE)).isInstanceOf(HomeException.class)
                .hasMessage("the keys in " + temp.toAbsolutePath() + " are unreadable (keys.p12 is damaged)");
    }

    @Test
    void aMissingFileSaysSo() {
        assertThatThrownBy(() -> new KeyVault(temp.resolve(KeyVault.FILE_NAME)).load(PASSPHRASE))
                .isInstanceOf(HomeException.class).hasMessage("there are no keys in " + temp.toAbsolutePath());
    }
}
