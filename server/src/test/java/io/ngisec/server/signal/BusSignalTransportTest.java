package io.ngisec.server.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.StoreException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two hubs as two instances on one database and one bus, as on PostgreSQL, here on H2 and a local bus. */
class BusSignalTransportTest {

    @TempDir
    Path dir;

    private final DeviceId alice = DeviceId.random();
    private final DeviceId bob = DeviceId.random();
    private JdbcServerStore store;
    private LocalSignalBus bus;
    private BusSignalTransport first;
    private BusSignalTransport second;
    private SignalingHub one;
    private SignalingHub two;

    @BeforeEach
    void open() throws StoreException {
        store = JdbcServerStore.open(JdbcServerStore.h2FileUrl(dir.resolve("db")), "sa", "");
        bus = new LocalSignalBus();
        first = new BusSignalTransport(bus, store, "host-a:8443");
        second = new BusSignalTransport(bus, store, "host-b:8443");
        one = new SignalingHub(first, (from, to) -> true);
        two = new SignalingHub(second, (from, to) -> true);
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
        bus.close();
        store.close();
    }

    @Test
    void relaysToADeviceOnTheOtherInstanceAndNotBackToItself() {
        RecordingSink aliceSink = new RecordingSink();
        RecordingSink bobSink = new RecordingSink();
        one.connect(alice, aliceSink);
        two.connect(bob, bobSink);
        aliceSink.sent.clear();
        bobSink.sent.clear();

        assertThat(one.relay(alice, bob, "{\"candidate\":\"1 1 udp\"}")).isEqualTo(RelayOutcome.DELIVERED);

        assertThat(bobSink.sent).hasSize(1);
        assertThat(bobSink.sent.getFirst()).contains("\"from\":\"" + alice + "\"").contains("1 1 udp");
        assertThat(aliceSink.sent).isEmpty();
    }

    @Test
    void presenceIsSharedThroughTheStore() throws StoreException {
        SignalingHub.Connection connection = two.connect(bob, new RecordingSink());
        assertThat(one.isOnline(bob)).isTrue();
        assertThat(store.online()).containsExactly(bob);

        connection.close();
        assertThat(one.isOnline(bob)).isFalse();
        assertThat(one.relay(alice, bob, "{}")).isEqualTo(RelayOutcome.OFFLINE);
    }

    @Test
    void tellsDevicesOnTheOtherInstanceWhenAPeerComesOnline() {
        RecordingSink aliceSink = new RecordingSink();
        one.connect(alice, aliceSink);
        aliceSink.sent.clear();

        two.connect(bob, new RecordingSink());

        assertThat(aliceSink.sent).anySatisfy(frame -> assertThat(frame)
                .contains("\"type\":\"presence\"").contains(bob.toString()).contains("\"online\":true"));
    }

    @Test
    void aRestartedInstanceForgetsThePresenceItLeftBehind() throws StoreException {
        two.connect(bob, new RecordingSink());
        // host-b dies without closing; it comes back under the same id.
        new BusSignalTransport(bus, store, "host-b:8443");
        assertThat(store.isOnline(bob)).isFalse();
    }

    @Test
    void ignoresBusMessagesItCannotRead() {
        RecordingSink bobSink = new RecordingSink();
        two.connect(bob, bobSink);
        bobSink.sent.clear();
        bus.publish(new SignalEnvelope(bob.toString(), "signal", "not json"));
        bus.publish(new SignalEnvelope(bob.toString(), "signal", "{\"frame\":{}}"));
        bus.publish(new SignalEnvelope(bob.toString(), "signal", "{\"origin\":\"x\",\"frame\":\"text\"}"));
        assertThat(bobSink.sent).isEmpty();
    }

    @Test
    void theLargestSignalFitsOnePostgresNotificationEvenWhenEscapingDoublesIt() throws StoreException {
        List<SignalEnvelope> published = new CopyOnWriteArrayList<>();
        SignalBus recording = new SignalBus() {
            @Override
            public void publish(SignalEnvelope envelope) {
                published.add(envelope);
            }

            @Override
            public AutoCloseable subscribe(java.util.function.Consumer<SignalEnvelope> listener) {
                return () -> { };
            }

            @Override
            public void close() {
            }
        };
        BusSignalTransport transport = new BusSignalTransport(recording, store, "a-long-host-name.example.org:8443");
        // Every quote in the compact body is escaped once there and twice on the bus.
        String prefix = "{\"s\":\"";
        int quotes = (SignalMessages.MAX_BODY_BYTES - prefix.length() - 2) / 2;
        String body = prefix + "\\\"".repeat(quotes) + "\"}";
        assertThat(body.length()).isLessThanOrEqualTo(SignalMessages.MAX_BODY_BYTES);

        transport.publish(bob.toString(), SignalTransport.SIGNAL, SignalMessages.signal(alice, body));

        assertThat(published).hasSize(1);
        assertThat(PostgresSignalBus.payload(published.getFirst()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hasSizeLessThanOrEqualTo(PostgresSignalBus.MAX_PAYLOAD_BYTES);
    }
}
