package io.ngisec.client.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a.txt", "folder/sub/file.tar.gz", "été/日本.txt", ".hidden", "CONSOLE.txt", "a b"})
    void acceptsOrdinaryNames(String name) {
        assertThat(SafeNames.problem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../x", "a/../../x", "a//b", "a/", "./a", "a\u0000b", "a\nb", "CON", "nul.txt",
        "dir/Com1.log", "lpt9", "trailing.", "trailing ", "c:evil", "a\\b", "what?", "x|y", "\"q\""})
    void refusesUnsafeNames(String name) {
        assertThat(SafeNames.problem(name)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 300})
    void refusesOverlongSegments(int length) {
        assertThat(SafeNames.problem("a".repeat(length))).hasValue("name too long in '" + "a".repeat(length) + "'");
    }
}
