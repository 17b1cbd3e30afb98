package io.ngisec.server.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.identity.DeviceId;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The NOTIFY payload format of {@link PostgresSignalBus}; needs no database. */
class PostgresSignalBusCodecTest {

    private final SignalEnvelope envelope = SignalEnvelope.to(DeviceId.random(), SignalEnvelope.SIGNAL,
            "{\"sdp\":\"v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\",\"who\":\"Zoë ☎ \\\"q\\\"\"}");

    @Test
    void roundTrips() {
        assertThat(PostgresSignalBus.decode(PostgresSignalBus.encode(envelope))).isEqualTo(envelope);
        SignalEnvelope odd = SignalEnvelope.broadcast("policy", "not json at all \u0000 \u2028 '\"");
        assertThat(PostgresSignalBus.decode(PostgresSignalBus.encode(odd))).isEqualTo(odd);
        assertThat(PostgresSignalBus.encode(odd)).doesNotContain("\u0000"); // PostgreSQL text cannot hold NUL
    }

    @Test
    void dropsPayloadsThatAreNotEnvelopes() {
        String target = DeviceId.random().toString();
        String[] bad = {
            null, "", "garbage", "[]", "null", "42", "{}",
            "{\"target\":\"" + target + "\",\"kind\":\"signal\"}",
            "{\"target\":\"" + target + "\",\"kind\":\"signal\",\"json\":{}}",
            "{\"target\":\"" + target + "\",\"kind\":\"signal\",\"json\":\"{}\",\"extra\":1}",
            "{\"target\":\"nobody\",\"kind\":\"signal\",\"json\":\"{}\"}",
            "{\"target\":\"" + target + "\",\"kind\":\"SIGNAL\",\"json\":\"{}\"}",
            "{\"target\":\"" + target + "\",\"kind\":7,\"json\":\"{}\"}",
            "{\"target\":\"" + target + "\",\"kind\":\"signal\",\"json\":\"{}\"",
        };
        for (String payload : bad) {
            assertThat(PostgresSignalBus.decode(payload)).as(String.valueOf(payload)).isNull();
        }
    }

    @Test
    void mangledPayloadsNeverThrow() {
        byte[] valid = PostgresSignalBus.encode(envelope).getBytes(StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(20250301);
        int decoded = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] mangled = valid.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                mangled[random.nextInt(mangled.length)] = (byte) random.nextInt(256);
            }
            int length = random.nextInt(4) == 0 ? random.nextInt(mangled.length + 1) : mangled.length;
            SignalEnvelope e = PostgresSignalBus.decode(new String(mangled, 0, length, StandardCharsets.UTF_8));
            decoded += e == null ? 0 : 1;
        }
        assertThat(decoded).isLessThan(20_000);
    }

    @Test
    void refusesPayloadsOfEightThousandBytesOrMore() {
        String target = DeviceId.random().toString();
        int overhead = PostgresSignalBus.encode(new SignalEnvelope(target, "signal", "")).length();
        int room = PostgresSignalBus.MAX_PAYLOAD_BYTES - overhead;

        String fits = PostgresSignalBus.payload(new SignalEnvelope(target, "signal", "x".repeat(room)));
        assertThat(fits.getBytes(StandardCharsets.UTF_8)).hasSize(7999);

        assertThatThrownBy(() -> PostgresSignalBus.payload(new SignalEnvelope(target, "signal", "x".repeat(room + 1))))
                .isInstanceOf(IllegalArgumentException.class);
        // Bytes, not characters: "é" is two bytes in UTF-8.
        assertThatThrownBy(() -> PostgresSignalBus.payload(new SignalEnvelope(target, "signal",
                "x".repeat(room - 1) + "é"))).isInstanceOf(IllegalArgumentException.class);
    }
}
