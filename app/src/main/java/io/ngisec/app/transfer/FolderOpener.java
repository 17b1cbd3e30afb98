package io.ngisec.app.transfer;

import java.nio.file.Path;

/** Opens a folder in the system's file manager, where the platform lets the app do that. */
public interface FolderOpener {

    /** Whether {@link #open} can work here. */
    boolean available();

    /** Shows {@code folder}; returns at once (the work happens off the UI thread). */
    void open(Path folder);

    /** The desktop's file manager through AWT's {@link java.awt.Desktop}, when the platform has one. */
    static FolderOpener desktop() {
        return new FolderOpener() {
            @Override
            public boolean available() {
                return !java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
                        && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN);
            }

            @Override
            public void open(Path folder) {
                Thread.ofVirtual().name("app-open-folder").start(() -> {
                    try {
                        java.awt.Desktop.getDesktop().open(folder.toFile());
                    } catch (java.io.IOException | RuntimeException e) {
                        java.util.logging.Logger.getLogger(FolderOpener.class.getName())
                                .info("cannot open " + folder + ": " + e.getMessage());
                    }
                });
            }
        };
    }

    /** For platforms without a file manager the app can reach. */
    FolderOpener NONE = new FolderOpener() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public void open(Path folder) {
            throw new IllegalStateException("cannot open folders here");
        }
    };
}
