package io.ngisec.client.audio;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Turns a file's I/O failure into one line for users, naming the file. */
final class FileErrors {

    private FileErrors() {
    }

    static AudioException of(Path file, IOException e, AudioException.Reason reason) {
        return of(file.toString(), e, reason);
    }

    static AudioException of(String file, IOException e, AudioException.Reason reason) {
        String why = switch (e) {
            case NoSuchFileException ignored -> "no such file or directory";
            case AccessDeniedException ignored -> "permission denied";
            case FileSystemException f when f.getReason() != null -> f.getReason().toLowerCase(java.util.Locale.ROOT);
            default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
        return new AudioException(reason, file + ": " + why, e);
    }
}
