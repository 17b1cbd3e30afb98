package io.ngisec.protocol.qos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QosPolicyTest {

    private final QosPolicy policy = QosPolicy.of(Map.of(Service.CALL, QosClass.VOICE, Service.FILE, QosClass.BULK));

    @Test
    void grantAllowsItsClassAndEveryLowerOne() {
        assertThat(policy.permits(Service.CALL, QosClass.VOICE)).isTrue();
        assertThat(policy.permits(Service.CALL, QosClass.BEST_EFFORT)).isTrue();
        assertThat(policy.permits(Service.FILE, QosClass.BULK)).isTrue();
        assertThat(policy.permits(Service.FILE, QosClass.BEST_EFFORT)).isTrue();
    }

    @Test
    void classAboveTheGrantIsRefused() {
        assertThat(policy.permits(Service.FILE, QosClass.INTERACTIVE)).isFalse();
        assertThat(policy.permits(Service.FILE, QosClass.VOICE)).isFalse();
    }

    @Test
    void serviceWithoutAGrantIsRefusedAtEveryClass() {
        for (QosClass c : QosClass.values()) {
            assertThat(policy.permits(Service.CHAT, c)).as("chat at %s", c).isFalse();
        }
    }

    @Test
    void sessionControlIsAlwaysAllowedUpToControl() {
        QosPolicy none = QosPolicy.of(Map.of());
        assertThat(none.permits(Service.CONTROL, QosClass.CONTROL)).isTrue();
        assertThat(none.permits(Service.CONTROL, QosClass.VOICE)).isFalse();
    }

    @Test
    void unrestrictedAllowsEverything() {
        for (Service s : Service.values()) {
            for (QosClass c : QosClass.values()) {
                assertThat(QosPolicy.UNRESTRICTED.permits(s, c)).isTrue();
            }
        }
    }
}
