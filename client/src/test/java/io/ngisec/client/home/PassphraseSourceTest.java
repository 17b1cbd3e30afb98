package io.ngisec.client.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassphraseSourceTest {

    @TempDir
    Path temp;

    @Test
    void givenBeatsEnvironmentWhichBeatsTheGeneratedKey() throws Exception {
        Map<String, String> environment = Map.of(PassphraseSource.ENVIRONMENT_VARIABLE, "env secret");
        assertThat(Passphrases.resolve(PassphraseSource.choose(Optional.of("given".toCharArray()), environment), temp, false))
                .containsExactly("given".toCharArray());
        assertThat(Passphrases.resolve(PassphraseSource.choose(Optional.empty(), environment), temp, false))
                .containsExactly("env secret".toCharArray());
        assertThat(PassphraseSource.choose(Optional.empty(), Map.of(PassphraseSource.ENVIRONMENT_VARIABLE, "")))
                .isInstanceOf(PassphraseSource.GeneratedKey.class);
        assertThat(PassphraseSource.choose(Optional.empty(), Map.of())).isInstanceOf(PassphraseSource.GeneratedKey.class);
    }

    @Test
    void theGeneratedKeyIsMadeOnceAndThenReused() throws Exception {
        assertThatThrownBy(() -> Passphrases.resolve(PassphraseSource.generatedKey(), temp, false))
                .isInstanceOf(HomeException.class);
        char[] first = Passphrases.resolve(PassphraseSource.generatedKey(), temp, true);
        char[] again = Passphrases.resolve(PassphraseSource.generatedKey(), temp, true);
        assertThat(again).isEqualTo(first);
        assertThat(Passphrases.resolve(PassphraseSource.generatedKey(), temp, false)).isEqualTo(first);
    }

    @Test
    void aPassphraseFileGivesItsFirstLine() throws Exception {
        Path file = Files.writeString(temp.resolve("pass"), "pässword with spaces\r\nsecond line\n");
        assertThat(PassphraseSource.readFile(file)).containsExactly("pässword with spaces".toCharArray());
        Path empty = Files.writeString(temp.resolve("empty"), "\n");
        assertThatThrownBy(() -> PassphraseSource.readFile(empty)).isInstanceOf(HomeException.class)
                .hasMessage("the passphrase file " + empty + " is empty");
        assertThatThrownBy(() -> PassphraseSource.readFile(temp.resolve("missing"))).isInstanceOf(HomeException.class)
                .hasMessage("cannot read the passphrase file " + temp.resolve("missing") + ": no such file");
    }

    @Test
    void theGivenPassphraseIsNotPrinted() {
        assertThat(PassphraseSource.of("s3cret".toCharArray()).toString()).doesNotContain("s3cret");
    }
}
