package io.ngisec.server.instance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.server.signal.LocalSignalTransport;
import io.ngisec.server.signal.RecordingSink;
import io.ngisec.server.signal.SignalingHub;
import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.StoreException;
import io.ngisec.server.store.StoredDevice;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeWatcherTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path dir;

    private JdbcServerStore store;
    private final SignalingHub hub = new SignalingHub(new LocalSignalTransport(), (from, to) -> true);
    private final AtomicInteger refreshes = new AtomicInteger();

    @BeforeEach
    void open() throws StoreException {
        store = JdbcServerStore.open(JdbcServerStore.h2FileUrl(dir.resolve("db")), "sa", "");
        store.savePolicy("{\"rules\": []}", "test", NOW);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private StoredDevice enroll(String user) throws StoreException {
        StoredDevice device = new StoredDevice(DeviceId.random(), user, "laptop", new byte[44], new byte[32],
                BigInteger.TEN, NOW.plus(Duration.ofDays(7)), NOW, null);
        store.addDevice(device);
        return device;
    }

    @Test
    void oldNewsIsNoNews() throws StoreException {
        StoredDevice early = enroll("eve");
        store.revokeDevice(early.id(), NOW);
        ChangeWatcher watcher = new ChangeWatcher(store, hub, refreshes::incrementAndGet);
        assertThat(watcher.poll()).isFalse();
        assertThat(refreshes).hasValue(0);
    }

    @Test
    void aRevocationRefreshesClosesTheDevicesConnectionsAndTellsItsPeers() throws StoreException {
        StoredDevice alice = enroll("alice");
        StoredDevice bob = enroll("bob");
        RecordingSink aliceSink = new RecordingSink();
        RecordingSink bobSink = new RecordingSink();
        hub.connect(alice.id(), aliceSink);
        hub.connect(bob.id(), bobSink);
        ChangeWatcher watcher = new ChangeWatcher(store, hub, refreshes::incrementAndGet);

        store.revokeDevice(bob.id(), NOW);

        assertThat(watcher.poll()).isTrue();
        assertThat(refreshes).hasValue(1);
        assertThat(bobSink.closeCode).isEqualTo(SignalingHub.CLOSE_REVOKED);
        assertThat(aliceSink.sent).anySatisfy(f -> assertThat(f).contains("\"revoked\"").contains(bob.id().toString()));
        assertThat(watcher.poll()).isFalse();
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void aNewPolicyVersionIsAnnounced() throws StoreException {
        RecordingSink sink = new RecordingSink();
        hub.connect(enroll("alice").id(), sink);
        ChangeWatcher watcher = new ChangeWatcher(store, hub, refreshes::incrementAndGet);

        store.savePolicy("{\"rules\": []} // v2", "admin", NOW);

        assertThat(watcher.poll()).isTrue();
        assertThat(sink.sent).anySatisfy(f -> assertThat(f).contains("\"policy\"").contains("\"version\":2"));
    }

    @Test
    void pollsOnItsOwnOnceStarted() throws Exception {
        StoredDevice bob = enroll("bob");
        RecordingSink bobSink = new RecordingSink();
        hub.connect(bob.id(), bobSink);
        try (ChangeWatcher watcher = new ChangeWatcher(store, hub, refreshes::incrementAndGet)
                .start(Duration.ofMillis(20))) {
            store.revokeDevice(bob.id(), NOW);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (bobSink.closeCode == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertThat(bobSink.closeCode).isEqualTo(SignalingHub.CLOSE_REVOKED);
    }
}
