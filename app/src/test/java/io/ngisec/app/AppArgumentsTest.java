package io.ngisec.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppArgumentsTest {

    @Test
    void homeAndInviteInEitherOrder() {
        AppArguments a = AppArguments.parse(List.of("ngisec:invite?v=1", "--home", "/tmp/h"));
        assertThat(a.home()).contains(Path.of("/tmp/h"));
        assertThat(a.invite()).contains("ngisec:invite?v=1");
        assertThat(AppArguments.parse(List.of("--home=/tmp/x")).home()).contains(Path.of("/tmp/x"));
        assertThat(AppArguments.parse(List.of())).isEqualTo(new AppArguments(java.util.Optional.empty(),
                java.util.Optional.empty(), false));
    }

    @Test
    void badArgumentsSayWhatIsWrongInOneLine() {
        assertThatThrownBy(() -> AppArguments.parse(List.of("--home"))).hasMessage("--home needs a folder");
        assertThatThrownBy(() -> AppArguments.parse(List.of("--verbose"))).hasMessage("unknown option --verbose");
        assertThatThrownBy(() -> AppArguments.parse(List.of("hello")))
                .hasMessage("unexpected argument 'hello' (an invite link starts with ngisec:)");
        assertThatThrownBy(() -> AppArguments.parse(List.of("ngisec:a", "ngisec:b"))).hasMessage("more than one invite link");
        assertThatThrownBy(() -> AppArguments.parse(List.of("--home", "a", "--home", "b"))).hasMessage("--home given twice");
    }

    @Test
    void helpWins() {
        assertThat(AppArguments.parse(List.of("--home", "x", "--help")).help()).isTrue();
    }
}
