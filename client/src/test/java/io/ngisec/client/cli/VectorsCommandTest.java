package io.ngisec.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorsCommandTest {

    private static final String CACOPHONY = "shared/vectors/noise/cacophony.json";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void captureOutput() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test
    void cacophonyVectorsAllPass() {
        Path file = Stream.of(Path.of("..", "..", CACOPHONY), Path.of("..", CACOPHONY))
                .filter(Files::isRegularFile).findFirst().orElse(null);
        assumeTrue(file != null, "cacophony.json not found at ../" + CACOPHONY);

        int exit = Main.run("vectors", file.toString());

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(lines(out)).containsExactly("304 passed, 0 failed, 640 skipped");
        assertThat(lines(err)).isEmpty();
    }

    @Test
    void aFailingVectorIsListedAndExitsOne(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"),
                "{\"vectors\": [{\"protocol_name\": \"Noise_NN_25519_AESGCM_SHA256\"}]}");

        int exit = Main.run("vectors", file.toString());

        assertThat(exit).isEqualTo(ExitCodes.FAILED);
        assertThat(lines(out)).containsExactly(
                "FAIL #1 Noise_NN_25519_AESGCM_SHA256: missing field messages",
                "0 passed, 1 failed");
    }

    @Test
    void aMissingFileIsOneLineAndExitsTwo(@TempDir Path dir) {
        int exit = Main.run("vectors", dir.resolve("absent.json").toString());

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(lines(err)).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("ngisec: no such file: ").endsWith("absent.json");
        assertThat(lines(out)).isEmpty();
    }

    @Test
    void aFileThatIsNotJsonIsOneLineAndExitsTwo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "these are not\ntest vectors\n");

        int exit = Main.run("vectors", file.toString());

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(lines(err)).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("ngisec: " + file + ": not JSON");
        assertThat(lines(out)).isEmpty();
    }

    private static String[] lines(ByteArrayOutputStream stream) {
        String text = stream.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? new String[0] : text.split("\\R");
    }
}
