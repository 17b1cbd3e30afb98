package io.ngisec.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.server.api.ApiException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClientFrameTest {

    private static final String BOB = "66666666-7777-8888-9999-aaaaaaaaaaaa";

    private static String codeOf(String text) {
        try {
            ClientFrame.parse(text);
            return "accepted";
        } catch (ApiException e) {
            return e.code();
        }
    }

    @Test
    void parsesPingAndSignal() throws Exception {
        assertThat(ClientFrame.parse("{\"type\":\"ping\"}")).isEqualTo(new ClientFrame.Ping());
        assertThat(ClientFrame.parse("{\"type\":\"signal\",\"to\":\"" + BOB + "\",\"body\":{ \"sdp\" : \"v=0\" }}"))
                .isEqualTo(new ClientFrame.Signal(DeviceId.parse(BOB), "{\"sdp\":\"v=0\"}"));
    }

    @Test
    void refusalsCarryTheirCode() {
        assertThat(codeOf("{")).isEqualTo("malformed_json");
        assertThat(codeOf("")).isEqualTo("malformed_json");
        assertThat(codeOf("{\"type\":\"ping\"} {}")).isEqualTo("malformed_json");
        assertThat(codeOf("{\"type\":\"ping\",\"type\":\"ping\"}")).isEqualTo("malformed_json");
        assertThat(codeOf("[]")).isEqualTo("invalid_frame");
        assertThat(codeOf("{\"type\":1}")).isEqualTo("invalid_frame");
        assertThat(codeOf("{\"type\":\"ping\",\"x\":1}")).isEqualTo("invalid_frame");
        assertThat(codeOf("{\"type\":\"signal\",\"to\":\"bob\",\"body\":{}}")).isEqualTo("invalid_frame");
        assertThat(codeOf("{\"type\":\"signal\",\"to\":7,\"body\":{}}")).isEqualTo("invalid_frame");
        assertThat(codeOf("{\"type\":\"signal\",\"to\":\"" + BOB + "\"}")).isEqualTo("invalid_frame");
        assertThat(codeOf("{\"type\":\"signal\",\"to\":\"" + BOB + "\",\"body\":\"text\"}")).isEqualTo("invalid_frame");
        assertThat(codeOf("{\"type\":\"teleport\"}")).isEqualTo("unknown_type");
    }

    @Test
    void bodyIsLimitedTo16KiB() {
        String fits = "x".repeat(HttpSpec.MAX_SIGNAL_BODY_BYTES - "{\"s\":\"\"}".length());
        assertThat(codeOf("{\"type\":\"signal\",\"to\":\"" + BOB + "\",\"body\":{\"s\":\"" + fits + "\"}}"))
                .isEqualTo("accepted");
        assertThat(codeOf("{\"type\":\"signal\",\"to\":\"" + BOB + "\",\"body\":{\"s\":\"" + fits + "x\"}}"))
                .isEqualTo("body_too_large");
    }

    @Test
    void randomInputOnlyEverGetsApiException() {
        String valid = "{\"type\":\"signal\",\"to\":\"" + BOB + "\",\"body\":{\"a\":[1,{\"b\":null}]}}";
        SplittableRandom random = new SplittableRandom(4003);
        for (int i = 0; i < 20_000; i++) {
            char[] text = valid.toCharArray();
            for (int j = random.nextInt(1, 5); j > 0; j--) {
                text[random.nextInt(text.length)] = (char) random.nextInt(0, 0x250);
            }
            String input = new String(text, 0, random.nextInt(text.length + 1));
            assertThatCodeIsAcceptedOrApiException(input);
        }
    }

    private static void assertThatCodeIsAcceptedOrApiException(String input) {
        try {
            ClientFrame.parse(input);
        } catch (ApiException e) {
            assertThat(e.code()).isIn("malformed_json", "invalid_frame", "unknown_type", "body_too_large");
        } catch (RuntimeException e) {
            throw new AssertionError("unexpected " + e + " for " + input, e);
        }
    }

    @Test
    void nonObjectBodiesAreRefused() {
        assertThatThrownBy(() -> ClientFrame.parse("{\"type\":\"signal\",\"to\":\"" + BOB + "\",\"body\":[1]}"))
                .isInstanceOf(ApiException.class);
    }
}
