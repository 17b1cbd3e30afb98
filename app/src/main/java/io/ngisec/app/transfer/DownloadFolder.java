package io.ngisec.app.transfer;

import io.ngisec.client.store.PeerDatabase;
import io.ngisec.client.store.SettingsTable;
import io.ngisec.client.store.StoreException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The download folder setting, kept in the home's settings table so it survives restarts; the
 * home's own {@code downloads/} (where {@code ngisec listen} saves too) until the user picks
 * another. Blocking: call off the UI thread.
 */
public final class DownloadFolder {

    static final String SETTING = "app.downloadFolder";

    private final PeerDatabase database;
    private final Path fallback;

    public DownloadFolder(PeerDatabase database, Path fallback) {
        this.database = Objects.requireNonNull(database, "database");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** The folder set, or the fallback when none is (or the setting cannot be read). */
    public Path get() {
        try {
            return database.transaction(c -> SettingsTable.get(c, SETTING)).map(Path::of).orElse(fallback);
        } catch (StoreException | java.nio.file.InvalidPathException e) {
            return fallback;
        }
    }

    public void set(Path folder) throws StoreException {
        String value = folder.toAbsolutePath().normalize().toString();
        database.transaction(c -> {
            SettingsTable.put(c, SETTING, value);
            return null;
        });
    }
}
