package io.ngisec.protocol.noise.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VectorReportTest {

    @Test
    void summaryMentionsSkippedOnlyWhenThereAreAny() {
        VectorOutcome ok = VectorOutcome.passed(1, "Noise_NN_25519_AESGCM_SHA256");
        VectorOutcome bad = VectorOutcome.failed(2, "Noise_XX_25519_AESGCM_SHA256", "message 2 ciphertext differs");
        VectorOutcome skip = VectorOutcome.skipped(3, "Noise_XX_448_AESGCM_SHA256", "448 is not supported");

        assertThat(new VectorReport(List.of(ok, bad)).summaryLine()).isEqualTo("1 passed, 1 failed");
        assertThat(new VectorReport(List.of(ok, bad, skip, skip)).summaryLine()).isEqualTo("1 passed, 1 failed, 2 skipped");
        assertThat(new VectorReport(List.of()).summaryLine()).isEqualTo("0 passed, 0 failed");
    }

    @Test
    void failuresAreTheFailedOutcomesInOrder() {
        VectorOutcome first = VectorOutcome.failed(2, "Noise_XX_25519_AESGCM_SHA256", "message 2 ciphertext differs");
        VectorOutcome second = VectorOutcome.failed(5, "Noise_IK_25519_AESGCM_SHA256", "handshake hash differs");

        VectorReport report = new VectorReport(List.of(first, VectorOutcome.passed(3, "Noise_NN_25519_AESGCM_SHA256"), second));

        assertThat(report.failures()).containsExactly(first, second);
        assertThat(first.describe()).isEqualTo("#2 Noise_XX_25519_AESGCM_SHA256: message 2 ciphertext differs");
        assertThat(report.passed()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(2);
        assertThat(report.skipped()).isZero();
    }
}
