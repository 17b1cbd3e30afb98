package io.ngisec.server.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.identity.DeviceId;
import org.junit.jupiter.api.Test;

class SignalEnvelopeTest {

    @Test
    void addressesOneDeviceOrAll() {
        DeviceId id = DeviceId.random();

        SignalEnvelope one = SignalEnvelope.to(id, SignalEnvelope.SIGNAL, "{\"sdp\":\"x\"}");
        SignalEnvelope all = SignalEnvelope.broadcast(SignalEnvelope.POLICY, "{}");

        assertThat(one.targetDevice()).isEqualTo(id.toString());
        assertThat(one.isBroadcast()).isFalse();
        assertThat(one.device()).isEqualTo(id);
        assertThat(all.targetDevice()).isEqualTo("*");
        assertThat(all.isBroadcast()).isTrue();
        assertThatThrownBy(all::device).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesTargetsThatAreNotCanonicalDeviceIds() {
        String id = DeviceId.random().toString();
        for (String bad : new String[] {"", "**", "1-1-1-1-1", id.toUpperCase(), id + " ", "x" + id.substring(1),
                "00000000-0000-0000-0000-00000000000g"}) {
            assertThatThrownBy(() -> new SignalEnvelope(bad, "signal", "{}")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesOddKindsAndNulls() {
        String id = DeviceId.random().toString();
        for (String bad : new String[] {"", "Signal", "sig-nal", "a".repeat(33), "signal\n"}) {
            assertThatThrownBy(() -> new SignalEnvelope(id, bad, "{}")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new SignalEnvelope(id, "a".repeat(32), "").kind()).hasSize(32);
        assertThatThrownBy(() -> new SignalEnvelope(null, "signal", "{}")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SignalEnvelope(id, null, "{}")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SignalEnvelope(id, "signal", null)).isInstanceOf(NullPointerException.class);
    }
}
