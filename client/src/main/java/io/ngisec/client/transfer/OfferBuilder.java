package io.ngisec.client.transfer;

import io.ngisec.client.system.LowPriority;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The entries of an offer from files and folders: a file is offered under its own name, a folder's
 * regular files under {@code folder/sub/.../name} (sorted; symbolic links and empty folders are not
 * sent), each hashed before the offer.
 */
final class OfferBuilder {

    private OfferBuilder() {
    }

    /** Builds the entries; throws a one-line FAILED refusal for a missing or unreadable file or a bad name. */
    static List<OfferEntry> build(List<Path> paths) throws TransferException {
        if (paths.isEmpty()) {
            throw new TransferException(TransferState.FAILED, "nothing to send");
        }
        List<Path> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path path : paths) {
            collect(path.toAbsolutePath().normalize(), files, names);
        }
        if (files.isEmpty()) {
            throw new TransferException(TransferState.FAILED, "no files to send in " + paths);
        }
        if (files.size() > TransferLimits.MAX_ENTRIES) {
            throw new TransferException(TransferState.FAILED, "too many files (" + files.size() + ", at most " + TransferLimits.MAX_ENTRIES + ")");
        }
        try {
            // Hashing is the bulk of it (seconds a gigabyte): behind the UI and calls (LowPriority).
            return LowPriority.call("transfer-hash", () -> entries(files, names));
        } catch (TransferException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferException(TransferState.FAILED, "interrupted while hashing the files to send", e);
        } catch (Exception e) {
            throw new TransferException(TransferState.FAILED, "cannot hash the files to send: " + e.getMessage(), e);
        }
    }

    private static List<OfferEntry> entries(List<Path> files, List<String> names) throws TransferException {
        Set<String> seen = new HashSet<>();
        List<OfferEntry> entries = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String name = names.get(i);
            var problem = SafeNames.problem(name);
            if (problem.isPresent()) {
                throw new TransferException(TransferState.FAILED, "cannot send " + files.get(i) + ": " + problem.get());
            }
            if (!seen.add(name)) {
                throw new TransferException(TransferState.FAILED, "two files would arrive as " + name);
            }
            try {
                entries.add(new OfferEntry(i, name, files.get(i), FileDigest.of(files.get(i))));
            } catch (IOException e) {
                throw new TransferException(TransferState.FAILED, "cannot read " + files.get(i) + ": " + IoErrors.describe(e), e);
            }
        }
        return entries;
    }

    private static void collect(Path path, List<Path> files, List<String> names) throws TransferException {
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            files.add(path);
            names.add(fileName(path));
            return;
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new TransferException(TransferState.FAILED, "no such file or folder: " + path);
        }
        String root = fileName(path);
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path file : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                files.add(file);
                names.add(root + "/" + path.relativize(file).toString().replace(path.getFileSystem().getSeparator(), "/"));
            }
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            String what = cause instanceof NoSuchFileException ? "it vanished" : IoErrors.describe(cause);
            throw new TransferException(TransferState.FAILED, "cannot read folder " + path + ": " + what, cause);
        }
    }

    private static String fileName(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
