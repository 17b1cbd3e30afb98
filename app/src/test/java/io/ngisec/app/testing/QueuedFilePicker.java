package io.ngisec.app.testing;

import io.ngisec.app.transfer.FilePicker;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.stage.Window;

/** A {@link FilePicker} that answers what the test queued (the system's choosers cannot be driven headless); nothing queued is a cancel. */
public final class QueuedFilePicker implements FilePicker {

    private final ConcurrentLinkedQueue<List<Path>> files = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Path> folders = new ConcurrentLinkedQueue<>();

    public void nextFiles(Path... paths) {
        files.add(List.of(paths));
    }

    public void nextFolder(Path folder) {
        folders.add(folder);
    }

    @Override
    public List<Path> files(Window owner, String title) {
        List<Path> next = files.poll();
        return next == null ? List.of() : next;
    }

    @Override
    public Optional<Path> folder(Window owner, String title, Path initial) {
        return Optional.ofNullable(folders.poll());
    }
}
