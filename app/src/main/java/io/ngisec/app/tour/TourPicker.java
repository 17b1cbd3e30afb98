package io.ngisec.app.tour;

import io.ngisec.app.transfer.FilePicker;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Window;

/** The app's file chooser during the tour: answers the files a step queued once, otherwise asks as usual. */
final class TourPicker implements FilePicker {

    private final FilePicker otherwise;
    private final AtomicReference<List<Path>> next = new AtomicReference<>();

    TourPicker(FilePicker otherwise) {
        this.otherwise = otherwise;
    }

    void next(List<Path> files) {
        next.set(List.copyOf(files));
    }

    @Override
    public List<Path> files(Window owner, String title) {
        List<Path> queued = next.getAndSet(null);
        return queued != null ? queued : otherwise.files(owner, title);
    }

    @Override
    public Optional<Path> folder(Window owner, String title, Path initial) {
        return otherwise.folder(owner, title, initial);
    }
}
