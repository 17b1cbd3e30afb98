package io.ngisec.client.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a received entry's files go inside a save folder: its folders created below the save
 * folder (refusing any that leads outside it, such as through a symbolic link), a fresh
 * {@code <name>.ngisec-part} file, and at the end a final name that overwrites nothing.
 */
final class SaveFolder {

    static final String PART_SUFFIX = ".ngisec-part";

    private SaveFolder() {
    }

    /** Creates and returns a new, empty part file for {@code relativePath} (already checked by {@link SafeNames}). */
    static Path createPart(Path saveDir, String relativePath) throws IOException {
        Path root = saveDir.toAbsolutePath().normalize();
        Files.createDirectories(root);
        Path realRoot = root.toRealPath();
        String[] segments = relativePath.split("/");
        Path dir = realRoot;
        for (int i = 0; i < segments.length - 1; i++) {
            // One level at a time, checked before going deeper: a symbolic link already in the save
            // folder must not lead us to create folders outside it.
            dir = dir.resolve(segments[i]);
            if (!Files.exists(dir)) {
                Files.createDirectory(dir);
            }
            if (!dir.toRealPath().startsWith(realRoot)) {
                throw new IOException("folder " + relativePath + " would be outside the save folder");
            }
        }
        String name = segments[segments.length - 1];
        for (int attempt = 0; ; attempt++) {
            Path part = UniqueNames.free(dir, name + PART_SUFFIX);
            try {
                return Files.createFile(part);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                if (attempt > 100) {
                    throw raced;
                }
            }
        }
    }

    /** Renames a finished part file to its entry's name, or {@code name (n).ext} if that exists. */
    static Path finish(Path part, String relativePath) throws IOException {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        for (int attempt = 0; ; attempt++) {
            Path target = UniqueNames.free(part.getParent(), name);
            try {
                // Without REPLACE_EXISTING the move refuses to overwrite a file that appeared meanwhile.
                return Files.move(part, target);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                if (attempt > 100) {
                    throw raced;
                }
            }
        }
    }
}
