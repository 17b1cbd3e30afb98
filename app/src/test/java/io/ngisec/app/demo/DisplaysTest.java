package io.ngisec.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the demo may open a window. */
class DisplaysTest {

    @Test
    void linuxNeedsAnXOrWaylandDisplay() {
        assertThat(Displays.available("Linux", Map.of())).isFalse();
        assertThat(Displays.available("Linux", Map.of("DISPLAY", " "))).isFalse();
        assertThat(Displays.available("Linux", Map.of("DISPLAY", ":0"))).isTrue();
        assertThat(Displays.available("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"))).isTrue();
        assertThat(Displays.available("FreeBSD", Map.of())).isFalse();
    }

    @Test
    void windowsAndMacSessionsHaveOne() {
        assertThat(Displays.available("Windows 11", Map.of())).isTrue();
        assertThat(Displays.available("Mac OS X", Map.of())).isTrue();
    }
}
