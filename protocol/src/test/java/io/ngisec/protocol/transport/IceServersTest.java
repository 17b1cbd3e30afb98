package io.ngisec.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IceServersTest {

    @Test
    void coturnRestCredentialsAreExpiryColonUserAndBase64HmacSha1() {
        // Expected password computed independently: printf '1700000000:alice' | openssl dgst -sha1 -hmac north -binary | base64
        TurnCredentials c = TurnCredentials.coturnRest(
                "north".getBytes(StandardCharsets.UTF_8), "alice", Instant.ofEpochSecond(1_700_000_000L));

        assertThat(c.username()).isEqualTo("1700000000:alice");
        assertThat(c.password()).isEqualTo("Cd/49soE35ICqcJF/bCTn8Z4OyE=");
        assertThat(c.toString()).doesNotContain(c.password());
    }

    @Test
    void stunAndTurnUrisParseWithDefaultPort() {
        assertThat(IceServerUri.parse("stun:stun.example.org"))
                .isEqualTo(new IceServerUri(IceServerUri.Scheme.STUN, "stun.example.org", 3478));
        assertThat(IceServerUri.parse("turn:[2001:db8::1]:5349?transport=udp"))
                .isEqualTo(new IceServerUri(IceServerUri.Scheme.TURN, "2001:db8::1", 5349));
    }

    @Test
    void unsupportedUrisAreRefused() {
        for (String bad : List.of("turns:relay.example.org", "turn:relay.example.org?transport=tcp",
                "stun:host?transport=udp", "http://stun.example.org", "stun:host:0", "stun:")) {
            assertThatThrownBy(() -> IceServerUri.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void turnServersNeedCredentials() {
        assertThatThrownBy(() -> IceServers.of(List.of("turn:relay.example.org"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
