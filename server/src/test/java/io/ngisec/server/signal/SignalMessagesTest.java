package io.ngisec.server.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngisec.protocol.identity.DeviceId;
import org.junit.jupiter.api.Test;

class SignalMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DeviceId device = DeviceId.parse("11111111-2222-3333-4444-555555555555");

    @Test
    void framesAreTheDocumentedJson() throws Exception {
        String id = device.toString();
        assertThat(JSON.readTree(SignalMessages.signal(device, "{\"a\":[1,2]}")))
                .isEqualTo(JSON.readTree("{\"type\":\"signal\",\"from\":\"" + id + "\",\"body\":{\"a\":[1,2]}}"));
        assertThat(JSON.readTree(SignalMessages.offline(device)))
                .isEqualTo(JSON.readTree("{\"type\":\"offline\",\"to\":\"" + id + "\"}"));
        assertThat(JSON.readTree(SignalMessages.denied(device, "no \"call\"")))
                .isEqualTo(JSON.readTree("{\"type\":\"denied\",\"to\":\"" + id + "\",\"reason\":\"no \\\"call\\\"\"}"));
        assertThat(JSON.readTree(SignalMessages.presence(device, false)))
                .isEqualTo(JSON.readTree("{\"type\":\"presence\",\"deviceId\":\"" + id + "\",\"online\":false}"));
        assertThat(JSON.readTree(SignalMessages.revoked(device)))
                .isEqualTo(JSON.readTree("{\"type\":\"revoked\",\"deviceId\":\"" + id + "\"}"));
        assertThat(JSON.readTree(SignalMessages.policy(9)))
                .isEqualTo(JSON.readTree("{\"type\":\"policy\",\"version\":9}"));
        assertThat(JSON.readTree(SignalMessages.error("malformed_json")))
                .isEqualTo(JSON.readTree("{\"type\":\"error\",\"code\":\"malformed_json\"}"));
        assertThat(JSON.readTree(SignalMessages.pong())).isEqualTo(JSON.readTree("{\"type\":\"pong\"}"));
    }
}
