package io.ngisec.app.transfer;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for files to send and for a folder to save into (the system's dialogs; tests give their own). FX thread. */
public interface FilePicker {

    /** Files to send; empty when the user cancelled. */
    List<Path> files(Window owner, String title);

    /** A folder, starting in {@code initial}; empty when the user cancelled. */
    Optional<Path> folder(Window owner, String title, Path initial);

    /** The platform's file and folder choosers. */
    FilePicker SYSTEM = new FilePicker() {
        @Override
        public List<Path> files(Window owner, String title) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            List<File> chosen = chooser.showOpenMultipleDialog(owner);
            return chosen == null ? List.of() : chosen.stream().map(File::toPath).toList();
        }

        @Override
        public Optional<Path> folder(Window owner, String title, Path initial) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            if (initial != null && initial.toFile().isDirectory()) {
                chooser.setInitialDirectory(initial.toFile());
            }
            return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
        }
    };
}
