package io.ngisec.client.home;

import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.client.store.ContactTable;
import io.ngisec.client.store.IdentityTable;
import io.ngisec.client.store.PeerDatabase;
import io.ngisec.client.store.StoreException;
import io.ngisec.client.store.StoredIdentity;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.IdentityException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The peer's folder: {@code keys.p12} (the device keys, encrypted), {@code secrets/home.key} (the
 * generated passphrase, when no other is given), {@code db/} (the H2 database) and
 * {@code downloads/} (where received files go by default). Folders it creates are owner-only on
 * POSIX systems.
 *
 * <p>Several processes may open the same home at once (the database runs in H2's mixed mode and
 * key files are replaced atomically), so {@code ngisec status} works while {@code ngisec listen}
 * runs. Thread safe as far as its database is; {@link #saveIdentity} is meant for one writer.
 */
public final class PeerHome implements AutoCloseable {

    private final Path directory;
    private final PassphraseSource passphrase;
    private final PeerDatabase database;
    private final KeyVault vault;
    private final Clock clock;
    // The keys as last read, with the key file's stamp then: reading them runs PBKDF2 three times,
    // which a cold JVM takes most of a second over, and both the app's start and its peer ask.
    private KeyVault.Contents loaded;
    private KeyVault.Stamp loadedFrom;

    private PeerHome(Path directory, PassphraseSource passphrase, PeerDatabase database, Clock clock) {
        this.directory = directory;
        this.passphrase = passphrase;
        this.database = database;
        this.vault = new KeyVault(directory.resolve(KeyVault.FILE_NAME));
        this.clock = clock;
    }

    /** The per-user data folder of this machine's operating system and user, see {@link #defaultDirectory(String, Map, Path)}. */
    public static Path defaultDirectory() {
        return defaultDirectory(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * The default home for operating system {@code osName} (as {@code os.name} names it), with
     * {@code environment} and the user's home folder: {@code %APPDATA%\NGISec} on Windows,
     * {@code ~/Library/Application Support/NGISec} on macOS, and elsewhere
     * {@code $XDG_DATA_HOME/ngisec}, or {@code ~/.local/share/ngisec} when that is unset or not
     * absolute (as the XDG base directory specification says).
     */
    public static Path defaultDirectory(String osName, Map<String, String> environment, Path userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            Path roaming = appData == null || appData.isBlank()
                    ? userHome.resolve("AppData").resolve("Roaming") : Path.of(appData);
            return roaming.resolve("NGISec");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("NGISec");
        }
        String xdg = environment.get("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : userHome.resolve(".local").resolve("share");
        return data.resolve("ngisec");
    }

    /** Opens the home in {@code directory}, creating its folders and database if needed. */
    public static PeerHome open(Path directory, PassphraseSource passphrase) throws HomeException {
        return open(directory, passphrase, Clock.systemUTC());
    }

    static PeerHome open(Path directory, PassphraseSource passphrase, Clock clock) throws HomeException {
        Objects.requireNonNull(passphrase, "passphrase");
        try {
            PrivateFiles.createDirectories(directory);
            PrivateFiles.createDirectories(directory.resolve("db"));
            PrivateFiles.createDirectories(directory.resolve("downloads"));
        } catch (IOException e) {
            throw new HomeException("cannot create the peer home " + directory + ": " + e.getMessage(), e);
        }
        try {
            return new PeerHome(directory, passphrase, PeerDatabase.open(directory.resolve("db").resolve("peer")), clock);
        } catch (StoreException e) {
            throw new HomeException(e.getMessage(), e);
        }
    }

    /** The enrolled identity without its keys (needs no passphrase), or empty if this home has not enrolled. */
    public Optional<StoredIdentity> storedIdentity() throws HomeException {
        try {
            return database.transaction(IdentityTable::load);
        } catch (StoreException e) {
            throw new HomeException(e.getMessage(), e);
        }
    }

    /**
     * The enrolled identity with its keys, or empty if this home has not enrolled. HomeException
     * for a wrong passphrase ({@code wrong passphrase for the keys in DIR}) or missing or damaged keys.
     */
    public synchronized Optional<EnrolledIdentity> identity() throws HomeException {
        Optional<StoredIdentity> stored = storedIdentity();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!vault.exists()) {
            throw new HomeException("the keys of the enrolled device are missing from " + directory);
        }
        KeyVault.Contents contents = keys();
        // The key store and the database row are written one after the other: the certificate
        // stored with the keys is the one that matches them, even if a crash came in between.
        byte[] certificate = contents.certificateChain().getFirst();
        if (!deviceOf(certificate).equals(stored.get().deviceId())) {
            throw new HomeException("the keys in " + directory + " belong to another device than the enrolled one"
                    + " (an interrupted enrollment): enroll again");
        }
        return Optional.of(stored.get().withKeys(contents.keys(), certificate));
    }

    /** The vault's contents: read once, again only when the file changed (a renewal, another process). */
    private KeyVault.Contents keys() throws HomeException {
        KeyVault.Stamp now = vault.stamp();
        if (loaded != null && now.equals(loadedFrom)) {
            return loaded;
        }
        char[] secret = Passphrases.resolve(passphrase, directory, false);
        try {
            loaded = vault.load(secret);
            loadedFrom = now;
            return loaded;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /**
     * Whether the keys can be opened without asking anyone: a passphrase was given, or the key file
     * the home generated is there. False means an unlock prompt (the keys were saved under a passphrase).
     */
    public boolean opensKeysWithoutAsking() {
        return switch (passphrase) {
            case PassphraseSource.Given _ -> true;
            case PassphraseSource.GeneratedKey _ -> Files.exists(directory.resolve(Passphrases.KEY_FILE));
        };
    }

    /** Stores {@code identity} (after enrollment or renewal), refusing to replace another enrolled device. */
    public void saveIdentity(EnrolledIdentity identity) throws HomeException {
        saveIdentity(identity, false);
    }

    /**
     * Stores {@code identity}: its keys in the key store, the rest in the database. The same device
     * (same id and CA) is a renewal and always allowed; a different one replaces the enrolled
     * device only if {@code replace}, and then starts with an empty contacts cache.
     */
    public synchronized void saveIdentity(EnrolledIdentity identity, boolean replace) throws HomeException {
        Optional<StoredIdentity> existing = storedIdentity();
        boolean sameDevice = existing.isEmpty() || existing.get().isSameDevice(identity);
        if (!sameDevice && !replace) {
            StoredIdentity other = existing.get();
            throw new HomeException(directory + " already holds the enrolled device " + other.user() + "/"
                    + other.deviceName() + " (" + other.deviceId() + ") of " + other.server()
                    + "; use another home or replace it");
        }
        char[] secret = Passphrases.resolve(passphrase, directory, true);
        try {
            vault.save(identity.keys(), List.of(identity.deviceCertificate(), identity.caCertificate()), secret);
            loaded = null;
        } finally {
            Arrays.fill(secret, '\0');
        }
        try {
            database.transaction(c -> {
                if (!sameDevice) {
                    ContactTable.replaceAll(c, List.of());
                }
                return IdentityTable.save(c, identity, clock.instant());
            });
        } catch (StoreException e) {
            throw new HomeException(e.getMessage(), e);
        }
    }

    /** The peer's database (contacts, transfers, chat, settings). */
    public PeerDatabase database() {
        return database;
    }

    /** Where received files go unless told otherwise. */
    public Path downloads() {
        return directory.resolve("downloads");
    }

    /** The home folder itself. */
    public Path directory() {
        return directory;
    }

    /** Closes the database; the home's files stay as they are. */
    @Override
    public void close() {
        database.close();
    }

    private DeviceId deviceOf(byte[] certificate) throws HomeException {
        try {
            return DeviceCertificate.parse(certificate).deviceId();
        } catch (IdentityException e) {
            throw new HomeException("the device certificate in " + directory + " is unreadable: " + e.getMessage(), e);
        }
    }
}
