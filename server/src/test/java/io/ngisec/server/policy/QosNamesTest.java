package io.ngisec.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.qos.QosClass;
import org.junit.jupiter.api.Test;

class QosNamesTest {

    @Test
    void everyClassHasAUseNameAndADscpName() {
        assertThat(QosNames.parse("EF")).hasValue(QosClass.VOICE);
        assertThat(QosNames.parse("af31")).hasValue(QosClass.CONTROL);
        assertThat(QosNames.parse("AF21")).hasValue(QosClass.INTERACTIVE);
        assertThat(QosNames.parse("Af11")).hasValue(QosClass.BULK);
        assertThat(QosNames.parse("cs0")).hasValue(QosClass.BEST_EFFORT);
        for (QosClass c : QosClass.values()) {
            assertThat(QosNames.parse(QosNames.policyName(c))).hasValue(c);
            assertThat(QosNames.parse(QosNames.dscpName(c))).hasValue(c);
        }
        assertThat(QosNames.parse("best-effort")).hasValue(QosClass.BEST_EFFORT);
        assertThat(QosNames.describe(QosClass.VOICE)).isEqualTo("voice (EF)");
    }

    @Test
    void otherNamesAreUnknown() {
        assertThat(QosNames.parse("AF41")).isEmpty();
        assertThat(QosNames.parse("gold")).isEmpty();
        assertThat(QosNames.parse("")).isEmpty();
    }
}
