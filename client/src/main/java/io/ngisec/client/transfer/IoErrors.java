package io.ngisec.client.transfer;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** One-line descriptions of file errors for users ("no space left on /data", "permission denied"). */
final class IoErrors {

    private IoErrors() {
    }

    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Why writing under {@code dir} failed, naming the folder when the disk is full. */
    static String writeFailure(Path dir, IOException e) {
        String detail = describe(e);
        if (detail.toLowerCase(java.util.Locale.ROOT).contains("no space left") || detail.contains("ENOSPC")) {
            return "no space left on " + dir;
        }
        return "cannot write in " + dir + ": " + detail;
    }
}
