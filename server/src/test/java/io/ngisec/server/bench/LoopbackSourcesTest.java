package io.ngisec.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoopbackSourcesTest {

    @Test
    void roundRobinsOverLoopbackAddressesFromOne() {
        LoopbackSources sources = new LoopbackSources(3);
        assertThat(sources.next().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(sources.next().getAddress().getHostAddress()).isEqualTo("127.0.0.2");
        assertThat(sources.next().getAddress().getHostAddress()).isEqualTo("127.0.0.3");
        assertThat(sources.next().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(sources.next().getPort()).isZero();
    }

    @Test
    void everyAddressIsLoopback() {
        LoopbackSources sources = new LoopbackSources(LoopbackSources.MAX);
        for (int i = 0; i < sources.size(); i++) {
            assertThat(sources.next().getAddress().isLoopbackAddress()).isTrue();
        }
    }

    @Test
    void refusesCountsOutsideOneTo254() {
        assertThatThrownBy(() -> new LoopbackSources(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoopbackSources(255)).isInstanceOf(IllegalArgumentException.class);
    }
}
