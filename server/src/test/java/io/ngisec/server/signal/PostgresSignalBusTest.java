package io.ngisec.server.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.server.store.PostgresTestDatabase;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two {@link PostgresSignalBus}es on one database, as two server instances: what one publishes
 * reaches the other's subscribers. Skipped without NGISEC_TEST_PG_URL. Waits for deliveries are
 * bounded only so that a lost message fails the test instead of hanging it.
 */
class PostgresSignalBusTest {

    private static final long DELIVERY_BOUND_SECONDS = 20;

    private PostgresTestDatabase db;
    private String channel;
    private PostgresSignalBus a;
    private PostgresSignalBus b;
    private final BlockingQueue<SignalEnvelope> atA = new LinkedBlockingQueue<>();
    private final BlockingQueue<SignalEnvelope> atB = new LinkedBlockingQueue<>();

    @BeforeEach
    void openTwoInstances() throws SQLException {
        db = PostgresTestDatabase.create();
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        channel = "ngisec_test_" + HexFormat.of().formatHex(random); // runs sharing a database stay apart
        a = PostgresSignalBus.open(db.baseUrl(), db.user(), db.password(), channel);
        b = PostgresSignalBus.open(db.baseUrl(), db.user(), db.password(), channel);
        a.subscribe(atA::add);
        b.subscribe(atB::add);
    }

    @AfterEach
    void close() throws SQLException {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private static SignalEnvelope next(BlockingQueue<SignalEnvelope> queue) throws InterruptedException {
        SignalEnvelope e = queue.poll(DELIVERY_BOUND_SECONDS, TimeUnit.SECONDS);
        assertThat(e).as("a message within %d s", DELIVERY_BOUND_SECONDS).isNotNull();
        return e;
    }

    private static SignalEnvelope message(int n) {
        return new SignalEnvelope("00000000-0000-0000-0000-" + String.format("%012d", n), SignalEnvelope.SIGNAL,
                "{\"n\":" + n + "}");
    }

    @Test
    void aMessagePublishedOnOneInstanceReachesBoth() throws Exception {
        SignalEnvelope offer = SignalEnvelope.to(DeviceId.random(), SignalEnvelope.SIGNAL,
                "{\"type\":\"offer\",\"sdp\":\"v=0 ☎\"}");

        a.publish(offer);

        assertThat(next(atB)).isEqualTo(offer);
        assertThat(next(atA)).isEqualTo(offer);

        SignalEnvelope revoked = SignalEnvelope.broadcast(SignalEnvelope.REVOKED, "{\"device\":\"x\"}");
        b.publish(revoked);
        assertThat(next(atA)).isEqualTo(revoked);
        assertThat(next(atB)).isEqualTo(revoked);
    }

    @Test
    void messagesFromOnePublisherArriveInOrder() throws Exception {
        for (int i = 0; i < 200; i++) {
            a.publish(message(i));
        }
        List<SignalEnvelope> got = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            got.add(next(atB));
        }
        assertThat(got).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 200)
                .mapToObj(PostgresSignalBusTest::message).toList());
    }

    @Test
    void foreignPayloadsOnTheChannelAreDropped() throws Exception {
        try (Connection c = DriverManager.getConnection(db.baseUrl(), db.user(), db.password());
                PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            for (String junk : new String[] {"garbage", "{}", "[1,2]", "{\"target\":\"*\",\"kind\":\"x\"}"}) {
                s.setString(1, channel);
                s.setString(2, junk);
                s.execute();
            }
            s.setString(1, channel);
            s.setString(2, PostgresSignalBus.encode(message(1)));
            s.execute();
        }

        assertThat(next(atB)).isEqualTo(message(1));
        assertThat(next(atA)).isEqualTo(message(1));
    }

    @Test
    void oversizedMessagesAreRefusedAndTheBusGoesOn() throws Exception {
        SignalEnvelope huge = SignalEnvelope.broadcast("signal", "x".repeat(PostgresSignalBus.MAX_PAYLOAD_BYTES));

        assertThatThrownBy(() -> a.publish(huge)).isInstanceOf(IllegalArgumentException.class);
        a.publish(message(2));

        assertThat(next(atB)).isEqualTo(message(2));
    }

    @Test
    void aClosedSubscriptionGetsNothingMore() throws Exception {
        BlockingQueue<SignalEnvelope> late = new LinkedBlockingQueue<>();
        AutoCloseable subscription = b.subscribe(late::add);
        a.publish(message(1));
        assertThat(next(late)).isEqualTo(message(1));

        subscription.close();
        a.publish(message(2));
        a.publish(message(3));

        // b's listeners are called in turn, message by message: once the still-subscribed one has
        // message 3, the closed one would have had message 2 already.
        assertThat(next(atB)).isEqualTo(message(1));
        assertThat(next(atB)).isEqualTo(message(2));
        assertThat(next(atB)).isEqualTo(message(3));
        assertThat(late).isEmpty();
    }

    @Test
    void bothConnectionsComeBackAfterTheServerDropsThem() throws Exception {
        a.publish(message(1));
        assertThat(next(atB)).isEqualTo(message(1));

        assertThat(terminate("ngisec signal listener " + channel)).isEqualTo(2);
        assertThat(terminate("ngisec signal publisher " + channel)).isEqualTo(1);

        // Messages sent while b is reconnecting are lost; keep probing until one arrives.
        SignalEnvelope arrived = null;
        for (int i = 0; i < 100 && arrived == null; i++) {
            a.publish(message(100 + i));
            arrived = atB.poll(200, TimeUnit.MILLISECONDS);
        }
        assertThat(arrived).as("a message after b reconnected").isNotNull();
        assertThat(arrived.kind()).isEqualTo(SignalEnvelope.SIGNAL);
    }

    @Test
    void aClosedBusRefusesToPublish() {
        a.close();
        a.close();

        assertThatThrownBy(() -> a.publish(message(1))).isInstanceOf(IllegalStateException.class);
    }

    /** Has the server end the connections with this application name; returns how many. */
    private int terminate(String applicationName) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.baseUrl(), db.user(), db.password());
                PreparedStatement s = c.prepareStatement("SELECT COUNT(pg_terminate_backend(pid))"
                        + " FROM pg_stat_activity WHERE application_name = ?")) {
            s.setString(1, applicationName);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
