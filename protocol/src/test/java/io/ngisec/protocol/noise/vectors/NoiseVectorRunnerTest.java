package io.ngisec.protocol.noise.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoiseVectorRunnerTest {

    // Vector Noise_NN_25519_ChaChaPoly_SHA256 of cacophony (public domain), trimmed to four messages.
    private static final String NN = """
            {"protocol_name": "Noise_NN_25519_ChaChaPoly_SHA256",
             "init_prologue": "4a6f686e2047616c74",
             "init_ephemeral": "893e28b9dc6ca8d611ab664754b8ceb7bac5117349a4439a6b0569da977c464a",
             "resp_prologue": "4a6f686e2047616c74",
             "resp_ephemeral": "bbdb4cdbd309f1a1f2e1456967fe288cadd6f712d65dc7b7793d5e63da6b375b",
             "handshake_hash": "9223fec1b892ec9d0dc2fb3bbeb261f170d1ea679f9c44ccf34aa131b4f5d97e",
             "messages": [
              {"payload": "4c756477696720766f6e204d69736573",
               "ciphertext": "ca35def5ae56cec33dc2036731ab14896bc4c75dbb07a61f879f8e3afa4c79444c756477696720766f6e204d69736573"},
              {"payload": "4d757272617920526f746862617264",
               "ciphertext": "95ebc60d2b1fa672c1f46a8aa265ef51bfe38e7ccb39ec5be34069f144808843a0ff96bdf86b579ef7dbf94e812a7470b903c20a85a87e3a1fe863264ae547"},
              {"payload": "462e20412e20486179656b",
               "ciphertext": "eb1a3e3d80c1792b1bb9cb0e1382f8d8322bfb1ca7c4c8517bb686"},
              {"payload": "4361726c204d656e676572",
               "ciphertext": "c781b198d2a974eb1da2c7d518c000cf6396de87ca540963c03713"}
             ]}
            """;

    @Test
    void aCorrectVectorPasses() throws VectorFileException {
        VectorReport report = run(NN);

        assertThat(report.summaryLine()).isEqualTo("1 passed, 0 failed");
        assertThat(report.outcomes().getFirst().describe()).isEqualTo("#1 Noise_NN_25519_ChaChaPoly_SHA256: passed");
    }

    @Test
    void aWrongHandshakeCiphertextNamesItsMessage() throws VectorFileException {
        VectorReport report = run(NN.replace("a0ff96bdf86b579e", "a0ff96bdf86b579f"));

        assertThat(report.failures()).extracting(VectorOutcome::describe)
                .containsExactly("#1 Noise_NN_25519_ChaChaPoly_SHA256: message 2 ciphertext differs");
    }

    @Test
    void aWrongTransportCiphertextNamesItsMessage() throws VectorFileException {
        VectorReport report = run(NN.replace("c781b198d2a974eb", "c781b198d2a974ec"));

        assertThat(single(report)).isEqualTo("#1 Noise_NN_25519_ChaChaPoly_SHA256: message 4 ciphertext differs");
    }

    @Test
    void aWrongHandshakeHashFails() throws VectorFileException {
        VectorReport report = run(NN.replace("9223fec1", "9223fec2"));

        assertThat(single(report)).isEqualTo("#1 Noise_NN_25519_ChaChaPoly_SHA256: initiator's handshake hash differs");
    }

    @Test
    void badHexAndMissingFieldsFailOneVectorWithoutStoppingTheOthers() throws VectorFileException {
        String badHex = NN.replace("\"init_ephemeral\": \"893e", "\"init_ephemeral\": \"zz3e");
        String noHash = NN.replace("\"handshake_hash\"", "\"handshake_hush\"");
        String noEphemeral = NN.replace("\"resp_ephemeral\"", "\"resp_ephemerel\"");

        VectorReport report = NoiseVectorRunner.run(
                ("{\"vectors\": [" + badHex + "," + noHash + "," + noEphemeral + "," + NN + ", 7]}").getBytes(StandardCharsets.UTF_8));

        assertThat(report.failures()).extracting(VectorOutcome::describe).containsExactly(
                "#1 Noise_NN_25519_ChaChaPoly_SHA256: field init_ephemeral is not valid hex",
                "#2 Noise_NN_25519_ChaChaPoly_SHA256: missing field handshake_hash",
                "#3 Noise_NN_25519_ChaChaPoly_SHA256: missing field resp_ephemeral",
                "#5 (no protocol_name): not a JSON object");
        assertThat(report.summaryLine()).isEqualTo("1 passed, 4 failed");
    }

    @Test
    void unsupportedProtocolsAreSkippedAndMalformedNamesFail() throws VectorFileException {
        VectorReport report = NoiseVectorRunner.run("""
                {"vectors": [
                  {"protocol_name": "Noise_NN_448_AESGCM_SHA256", "messages": []},
                  {"protocol_name": "Noise_NNpsk0_25519_AESGCM_SHA256", "messages": []},
                  {"protocol_name": "Noise-NN"}
                ]}""".getBytes(StandardCharsets.UTF_8));

        assertThat(report.skipped()).isEqualTo(2);
        assertThat(single(report)).startsWith("#3 Noise-NN: invalid Noise protocol name");
        assertThat(report.summaryLine()).isEqualTo("0 passed, 1 failed, 2 skipped");
    }

    @Test
    void keysThePatternDoesNotExpectFailTheVector() throws VectorFileException {
        VectorReport report = run(NN.replace("\"resp_prologue\"",
                "\"init_static\": \"e61ef9919cde45dd5f82166404bd08e38bceb5dfdfded0a34c8df7ed542214d1\", \"resp_prologue\""));

        assertThat(single(report)).contains("initiator setup: UNEXPECTED_KEY");
    }

    @Test
    void aVectorEndingMidHandshakeFails() throws VectorFileException {
        String oneMessage = NN.substring(0, NN.indexOf(",\n  {\"payload\": \"4d75")) + "]}";

        assertThat(single(run(oneMessage))).endsWith("the vector ends before the handshake completes");
    }

    @Test
    void fileLevelProblemsAreVectorFileExceptions() {
        assertThatThrownBy(() -> NoiseVectorRunner.run("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(VectorFileException.class).hasMessageStartingWith("not JSON at line 1");
        assertThatThrownBy(() -> NoiseVectorRunner.run("{\"tests\": []}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(VectorFileException.class).hasMessage("no top-level \"vectors\" array");
        assertThatThrownBy(() -> NoiseVectorRunner.run(new byte[0]))
                .isInstanceOf(VectorFileException.class).hasMessage("no top-level \"vectors\" array");
        assertThat(IOException.class.isAssignableFrom(VectorFileException.class)).isFalse();
    }

    @Test
    void anUnreadableFileIsAnIoException(@TempDir Path dir) {
        assertThatThrownBy(() -> NoiseVectorRunner.runFile(dir.resolve("absent.json"))).isInstanceOf(IOException.class);
    }

    @Test
    void runFileReadsTheFile(@TempDir Path dir) throws IOException, VectorFileException {
        Path file = Files.writeString(dir.resolve("nn.json"), "{\"vectors\": [" + NN + "]}");

        assertThat(NoiseVectorRunner.runFile(file).passed()).isEqualTo(1);
    }

    private static VectorReport run(String vector) throws VectorFileException {
        return NoiseVectorRunner.run(("{\"vectors\": [" + vector + "]}").getBytes(StandardCharsets.UTF_8));
    }

    private static String single(VectorReport report) {
        assertThat(report.failures()).hasSize(1);
        return report.failures().getFirst().describe();
    }
}
