package io.ngisec.client.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.identity.DeviceId;
import org.junit.jupiter.api.Test;

class SignalingFramesTest {

    private static final DeviceId PEER = DeviceId.parse("6f1c2a9e-0b7d-4c53-9a51-2f0e8d7c4b10");

    @Test
    void aSignalCarriesTheBodyCompact() {
        assertThat(SignalingFrames.signal(PEER, "{ \"a\" : [1, 2] }"))
                .isEqualTo("{\"type\":\"signal\",\"to\":\"" + PEER + "\",\"body\":{\"a\":[1,2]}}");
    }

    @Test
    void bodiesMustBeObjectsOfAtMost3KiBCompact() {
        String fits = "{\"p\":\"" + "x".repeat(3072 - 8) + "\"}";
        assertThat(SignalingFrames.signal(PEER, fits)).contains(fits);
        assertThatThrownBy(() -> SignalingFrames.signal(PEER, "{\"p\":\"" + "x".repeat(3072 - 7) + "\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignalingFrames.signal(PEER, "\"text\"")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignalingFrames.signal(PEER, "{")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverFramesBecomeEvents() {
        assertThat(SignalingFrames.decode("{\"type\":\"signal\",\"from\":\"" + PEER + "\",\"body\":{\"k\":1}}"))
                .contains(new SignalingEvent.Signal(PEER, "{\"k\":1}"));
        assertThat(SignalingFrames.decode("{\"type\":\"presence\",\"deviceId\":\"" + PEER + "\",\"online\":true}"))
                .contains(new SignalingEvent.Presence(PEER, true));
        assertThat(SignalingFrames.decode("{\"type\":\"revoked\",\"deviceId\":\"" + PEER + "\"}"))
                .contains(new SignalingEvent.Revoked(PEER));
        assertThat(SignalingFrames.decode("{\"type\":\"policy\",\"version\":7}"))
                .contains(new SignalingEvent.PolicyChanged(7));
        assertThat(SignalingFrames.decode("{\"type\":\"offline\",\"to\":\"" + PEER + "\"}"))
                .contains(new SignalingEvent.Offline(PEER));
        assertThat(SignalingFrames.decode("{\"type\":\"denied\",\"to\":\"" + PEER + "\",\"reason\":\"no rule\"}"))
                .contains(new SignalingEvent.Denied(PEER, "no rule"));
        assertThat(SignalingFrames.decode("{\"type\":\"error\",\"code\":\"body_too_large\"}"))
                .contains(new SignalingEvent.Error("body_too_large"));
    }

    @Test
    void pongsUnknownTypesAndBrokenFramesAreDropped() {
        assertThat(SignalingFrames.decode("{\"type\":\"pong\"}")).isEmpty();
        assertThat(SignalingFrames.decode("{\"type\":\"future\"}")).isEmpty();
        assertThat(SignalingFrames.decode("{\"type\":\"presence\",\"deviceId\":\"nope\"}")).isEmpty();
        assertThat(SignalingFrames.decode("not json")).isEmpty();
    }
}
