package io.ngisec.client.transfer;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Names that do not overwrite: {@code name.ext}, else {@code name (1).ext}, {@code name (2).ext}, ... */
final class UniqueNames {

    private UniqueNames() {
    }

    /** The first of {@code dir/name}, {@code dir/name (1).ext}, ... that does not exist. */
    static Path free(Path dir, String name) {
        Path candidate = dir.resolve(name);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = dir.resolve(base + " (" + n + ")" + ext);
        }
        return candidate;
    }
}
