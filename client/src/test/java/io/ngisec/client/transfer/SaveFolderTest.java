package io.ngisec.client.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaveFolderTest {

    @TempDir
    Path dir;

    @Test
    void aSymbolicLinkInTheSaveFolderLeadsNowhereOutsideIt() throws IOException {
        Path save = Files.createDirectories(dir.resolve("inbox"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(save.resolve("evil"), outside);
        assertThatThrownBy(() -> SaveFolder.createPart(save, "evil/sub/f.txt"))
                .isInstanceOf(IOException.class).hasMessageContaining("outside the save folder");
        try (var listing = Files.list(outside)) {
            assertThat(listing).as("nothing created outside").isEmpty();
        }
    }

    @Test
    void nestedFoldersAreCreatedInsideAndTheFinalNameOverwritesNothing() throws IOException {
        Path save = Files.createDirectories(dir.resolve("inbox"));
        Path part = SaveFolder.createPart(save, "a/b/report.pdf");
        assertThat(part).isEqualTo(save.toRealPath().resolve("a/b/report.pdf" + SaveFolder.PART_SUFFIX));
        Files.writeString(save.resolve("a/b/report.pdf"), "already here");
        Path done = SaveFolder.finish(part, "a/b/report.pdf");
        assertThat(done.getFileName().toString()).isEqualTo("report (1).pdf");
        assertThat(Files.readString(save.resolve("a/b/report.pdf"))).isEqualTo("already here");
    }
}
