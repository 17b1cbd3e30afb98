package io.ngisec.protocol.noise.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public cacophony test vectors: every 25519 vector without PSKs must pass. The file lives
 * outside the project (../shared/vectors/noise/cacophony.json from the project root) or where
 * the system property or environment variable NGISEC_VECTORS points; without it the test is skipped.
 */
class CacophonyVectorsTest {

    private static final String RELATIVE = "shared/vectors/noise/cacophony.json";

    @Test
    void all25519VectorsWithoutPskPass() throws Exception {
        Path file = locate();
        assumeTrue(file != null, "cacophony.json not found: set NGISEC_VECTORS or place it at ../" + RELATIVE);

        VectorReport report = NoiseVectorRunner.runFile(file);

        assertThat(report.failures()).extracting(VectorOutcome::describe).isEmpty();
        assertThat(report.passed()).isEqualTo(304);
        assertThat(report.failed()).isZero();
        assertThat(report.skipped()).isEqualTo(944 - 304);
        assertThat(report.summaryLine()).isEqualTo("304 passed, 0 failed, 640 skipped");
    }

    private static Path locate() {
        String configured = System.getProperty("NGISEC_VECTORS", System.getenv("NGISEC_VECTORS"));
        Stream<Path> candidates = Stream.of(Path.of("..", "..", RELATIVE), Path.of("..", RELATIVE));
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            candidates = Stream.concat(Stream.of(path, path.resolve("cacophony.json")), candidates);
        }
        return candidates.filter(Files::isRegularFile).findFirst().orElse(null);
    }
}
