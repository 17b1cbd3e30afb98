package io.ngisec.app.call;

import static io.ngisec.app.call.CallSamples.quality;
import static io.ngisec.app.call.CallSamples.stats;
import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.service.CallQuality;
import io.ngisec.client.call.CallStats;
import io.ngisec.protocol.qos.QosClass;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QualityDisplayTest {

    @Test
    void aVoiceCallOnAHostPathReadsAsTheViewShowsIt() {
        QualityDisplay d = QualityDisplay.of(quality(stats(65, 4.36, 12.4, "host", QosClass.VOICE, false)));

        assertThat(d.mos()).isEqualTo("4.4 (good)");
        assertThat(d.rtt()).isEqualTo("12 ms");
        assertThat(d.jitter()).isEqualTo("1.3 ms");
        assertThat(d.loss()).isEqualTo("2.0% / 0.1% after recovery");
        assertThat(d.buffer()).isEqualTo("40 ms");
        assertThat(d.path()).isEqualTo(PathBadge.DIRECT_HOST);
        assertThat(d.path().label()).isEqualTo("direct/host");
        assertThat(d.qos()).isEqualTo("VOICE / DSCP 46");
        assertThat(d.cipher()).isEqualTo("ChaCha20-Poly1305");
        assertThat(d.codec()).isEqualTo("opus 48 kHz mono, 32 kbit/s, FEC");
        assertThat(d.duration()).isEqualTo("01:05");
        assertThat(d.inputLevel()).isEqualTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(d.outputLevel()).isEqualTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aCappedClassSaysSoAndNoRttYetIsADash() {
        QualityDisplay d = QualityDisplay.of(new CallQuality(stats(0, 3.7, -1, "relay", QosClass.INTERACTIVE, true),
                Optional.empty(), -96));

        assertThat(d.qos()).isEqualTo("INTERACTIVE / DSCP 18, capped by policy");
        assertThat(d.rtt()).isEqualTo("-");
        assertThat(d.mos()).isEqualTo("3.7 (fair)");
        assertThat(d.cipher()).isEqualTo("-");
        assertThat(d.path().label()).isEqualTo("relayed");
        assertThat(d.outputLevel()).isZero();
    }

    @Test
    void theBadgeFollowsTheCandidateType() {
        assertThat(PathBadge.of("host")).isEqualTo(PathBadge.DIRECT_HOST);
        assertThat(PathBadge.of("srflx").label()).isEqualTo("direct/NAT");
        assertThat(PathBadge.of("prflx").label()).isEqualTo("direct/NAT");
        assertThat(PathBadge.of("relay")).isEqualTo(PathBadge.RELAYED);
        assertThat(PathBadge.of("memory")).isEqualTo(PathBadge.MEMORY);
        assertThat(PathBadge.of("carrier-pigeon")).isEqualTo(PathBadge.UNKNOWN);
        assertThat(PathBadge.of(null)).isEqualTo(PathBadge.UNKNOWN);
    }

    @Test
    void aPoorCallAndAMutedMicrophone() {
        CallStats s = stats(3, 2.9, 250, "srflx", QosClass.VOICE, false);
        CallStats muted = new CallStats(s.codec(), 16_000, false, s.frameMillis(), s.durationMillis(), s.rttMillis(),
                s.jitterMillis(), s.framesSent(), s.framesReceived(), s.lossBeforeRecovery(), s.lossAfterRecovery(),
                s.fecRecovered(), s.concealed(), s.late(), s.jitterBufferMillis(), s.mouthToEarMillis(), s.rating(),
                s.mos(), s.path(), s.qosClass(), s.dscp(), s.classCapped(), s.malformed(), -6, true);
        QualityDisplay d = QualityDisplay.of(quality(muted));

        assertThat(d.mos()).isEqualTo("2.9 (poor)");
        assertThat(d.codec()).isEqualTo("opus 48 kHz mono, 16 kbit/s");
        assertThat(d.inputLevel()).as("muted reads empty").isZero();
    }

    @Test
    void metersAndClock() {
        assertThat(QualityDisplay.meter(-96)).isZero();
        assertThat(QualityDisplay.meter(-60)).isZero();
        assertThat(QualityDisplay.meter(-30)).isEqualTo(0.5);
        assertThat(QualityDisplay.meter(0)).isEqualTo(1.0);
        assertThat(QualityDisplay.meter(3)).isEqualTo(1.0);
        assertThat(QualityDisplay.clock(Duration.ZERO)).isEqualTo("00:00");
        assertThat(QualityDisplay.clock(Duration.ofSeconds(59 * 60 + 59))).isEqualTo("59:59");
        assertThat(QualityDisplay.clock(Duration.ofSeconds(3661))).isEqualTo("1:01:01");
    }
}
