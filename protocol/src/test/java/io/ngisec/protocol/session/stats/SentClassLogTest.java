package io.ngisec.protocol.session.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.qos.QosClass;
import org.junit.jupiter.api.Test;

class SentClassLogTest {

    @Test
    void remembersTheClassOfEachRecentPacketNumber() {
        SentClassLog log = new SentClassLog();
        log.record(0, QosClass.VOICE);
        log.record(1, QosClass.BULK);
        log.record(2, QosClass.CONTROL);
        assertThat(log.classOf(0)).isEqualTo(QosClass.VOICE);
        assertThat(log.classOf(1)).isEqualTo(QosClass.BULK);
        assertThat(log.classOf(2)).isEqualTo(QosClass.CONTROL);
    }

    @Test
    void unknownForNumbersNeverSentOrTooOld() {
        SentClassLog log = new SentClassLog();
        assertThat(log.classOf(0)).isNull();
        for (long pn = 0; pn <= SentClassLog.CAPACITY; pn++) {
            log.record(pn, pn == SentClassLog.CAPACITY ? QosClass.VOICE : QosClass.BULK);
        }
        assertThat(log.classOf(-1)).isNull();
        assertThat(log.classOf(SentClassLog.CAPACITY + 1)).isNull();
        assertThat(log.classOf(0)).as("overwritten by the same slot's newer number").isNull();
        assertThat(log.classOf(1)).isEqualTo(QosClass.BULK);
        assertThat(log.classOf(SentClassLog.CAPACITY)).isEqualTo(QosClass.VOICE);
    }
}
