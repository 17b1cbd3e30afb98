package io.ngisec.client.peer;

import io.ngisec.client.server.DirectoryEntry;
import io.ngisec.client.store.Contact;
import io.ngisec.client.store.ContactTable;
import io.ngisec.client.store.PeerDatabase;
import io.ngisec.client.store.StoreException;
import java.time.Instant;
import java.util.List;

/**
 * The directory as last seen, in the peer database: what {@code status} and the app show while
 * the policy server is unreachable (presence then unknown: every entry reads offline).
 */
public final class ContactsCache {

    private ContactsCache() {
    }

    /** Replaces the cache with {@code directory} as seen at {@code now}. */
    public static void save(PeerDatabase database, List<DirectoryEntry> directory, Instant now) throws StoreException {
        List<Contact> contacts = directory.stream().map(e -> new Contact(e.deviceId(), e.user(), e.deviceName(),
                e.online(), e.services(), e.online() ? now : null)).toList();
        database.transaction(c -> {
            ContactTable.replaceAll(c, contacts);
            return null;
        });
    }

    /** The cached directory, every device offline. */
    public static List<DirectoryEntry> load(PeerDatabase database) throws StoreException {
        return database.transaction(ContactTable::all).stream()
                .map(c -> new DirectoryEntry(c.user(), c.deviceId(), c.deviceName(), false, c.services())).toList();
    }
}
