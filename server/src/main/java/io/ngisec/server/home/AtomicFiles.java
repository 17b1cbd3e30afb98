package io.ngisec.server.home;

import io.ngisec.server.home.HomeException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that a crash or kill leaves either the old file or the whole new one: write a
 * temporary file beside the target, flush it to disk, rename it over the target, flush the
 * directory. Secret files and directories are created owner-only where the file system is POSIX.
 */
final class AtomicFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private AtomicFiles() {
    }

    /** Writes {@code data} to {@code target}, mode 0600 if {@code secret} else 0644 (POSIX). */
    static void write(Path target, byte[] data, boolean secret) throws HomeException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            // createTempFile makes the file 0600 on POSIX before any byte is in it.
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            if (POSIX && !secret) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new HomeException(Reason.IO, "could not write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Only a stray temporary file is left; the target is untouched.
                }
            }
        }
    }

    /** Creates {@code dir} (and parents), owner-only if {@code secret} (POSIX). */
    static void createDirectory(Path dir, boolean secret) throws HomeException {
        try {
            if (POSIX && secret) {
                FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
                Files.createDirectories(dir, ownerOnly);
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new HomeException(Reason.IO, "could not create " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Reads a whole file, saying which one is missing. */
    static byte[] read(Path file, HomeLayout layout) throws HomeException {
        try {
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new HomeException(Reason.NOT_A_HOME, layout.show(file) + " is missing from " + layout.dir());
        } catch (IOException e) {
            throw new HomeException(Reason.IO, "could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void syncDirectory(Path dir) {
        // Makes the rename itself durable on Linux; other systems refuse to open a directory.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Best effort: the data is already on disk under the temporary name.
        }
    }
}
