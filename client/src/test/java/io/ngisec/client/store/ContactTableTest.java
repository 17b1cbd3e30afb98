package io.ngisec.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContactTableTest {

    private static final Instant NOON = Instant.parse("2030-03-01T12:00:00Z");

    private final PeerDatabase database;

    ContactTableTest() throws StoreException {
        database = PeerDatabase.inMemory("contacts-" + System.nanoTime());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void replaceAllMakesTheCacheTheListingAndKeepsKnownLastSeen() throws Exception {
        Contact bobLaptop = new Contact(DeviceId.random(), "bob", "laptop", true,
                Map.of(Service.FILE, QosClass.BULK, Service.CHAT, QosClass.INTERACTIVE), NOON);
        Contact bobPhone = new Contact(DeviceId.random(), "bob", "phone", false, Map.of(), null);
        Contact carol = new Contact(DeviceId.random(), "carol", "desktop", false, Map.of(Service.CALL, QosClass.VOICE), null);
        database.transaction(c -> {
            ContactTable.replaceAll(c, List.of(carol, bobPhone, bobLaptop));
            return null;
        });
        assertThat(database.transaction(ContactTable::all)).containsExactly(bobLaptop, bobPhone, carol);
        assertThat(byUser("bob")).containsExactly(bobLaptop, bobPhone);

        Contact bobLaptopOffline = new Contact(bobLaptop.deviceId(), "bob", "laptop", false, Map.of(Service.FILE, QosClass.BULK), null);
        database.transaction(c -> {
            ContactTable.replaceAll(c, List.of(bobLaptopOffline));
            return null;
        });
        assertThat(database.transaction(ContactTable::all)).containsExactly(
                new Contact(bobLaptop.deviceId(), "bob", "laptop", false, Map.of(Service.FILE, QosClass.BULK), NOON));
    }

    @Test
    void setOnlineRecordsThePresenceChange() throws Exception {
        Contact bob = new Contact(DeviceId.random(), "bob", "laptop", false, Map.of(), null);
        database.transaction(c -> {
            ContactTable.replaceAll(c, List.of(bob));
            return null;
        });
        boolean known = database.transaction(c -> ContactTable.setOnline(c, bob.deviceId(), true, NOON));
        boolean unknown = database.transaction(c -> ContactTable.setOnline(c, DeviceId.random(), true, NOON));
        assertThat(known).isTrue();
        assertThat(unknown).isFalse();
        assertThat(byUser("bob")).containsExactly(new Contact(bob.deviceId(), "bob", "laptop", true, Map.of(), NOON));
        assertThat(byUser("nobody")).isEmpty();
    }

    @Test
    void servicesAreWrittenInServiceOrder() throws Exception {
        assertThat(ContactTable.services(Map.of(Service.CHAT, QosClass.INTERACTIVE, Service.FILE, QosClass.BULK)))
                .isEqualTo("FILE=BULK,CHAT=INTERACTIVE");
        assertThat(ContactTable.services("FILE=BULK,CHAT=INTERACTIVE"))
                .isEqualTo(Map.of(Service.FILE, QosClass.BULK, Service.CHAT, QosClass.INTERACTIVE));
        assertThat(ContactTable.services(Map.of())).isEmpty();
        assertThat(ContactTable.services("")).isEmpty();
    }


    private List<Contact> byUser(String user) throws StoreException {
        return database.transaction(c -> ContactTable.byUser(c, user));
    }
}
