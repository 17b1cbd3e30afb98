package io.ngisec.protocol.session;

import io.ngisec.protocol.record.Limits;
import io.ngisec.protocol.record.RecordLayer;
import io.ngisec.protocol.record.RekeyPolicy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Two {@link SessionCore}s with swapped record secrets, joined by a {@link SimulatedLink} each way
 * on one {@link EventLoop}, each driven as a real driver would: poll after every delivery and
 * application action, and again at {@link SessionCore#nextTimeout}. Each side's datagrams go
 * through its {@link PathMigrator}; {@link #addPath} joins them by a second pair of links.
 */
final class SimulatedSessions {

    /** One side: its session, record layer, outgoing link and driver state. */
    static final class Endpoint {
        final SessionCore session;
        final RecordLayer record;
        final SimulatedLink out;
        final PathMigrator migrator;
        /** Moves and failed validations, in order, as "migrated" or "failed". */
        final List<String> pathEvents = new ArrayList<>();
        private final EventLoop loop;
        private long wakeAt = Long.MAX_VALUE;
        /** Runs after each delivered datagram and each wake-up, before polling (the application). */
        Consumer<Endpoint> application = e -> { };

        Endpoint(EventLoop loop, RecordLayer record, SimulatedLink out, SessionConfig config, long seed) {
            this.loop = loop;
            this.record = record;
            this.out = out;
            this.session = new SessionCore(record, out, config, new SplittableRandom(seed));
            this.migrator = new PathMigrator(session, config.maxAckDelayNanos(), new SplittableRandom(seed + 1),
                    new PathMigrator.Listener() {
                        @Override
                        public void onMigrated(PacketLink from, PacketLink to) {
                            pathEvents.add("migrated");
                        }

                        @Override
                        public void onValidationFailed(PacketLink path) {
                            pathEvents.add("failed");
                        }
                    });
        }

        void onDatagram(ByteBuffer bytes) {
            onDatagram(bytes, out);
        }

        /** A datagram that came by the path on which this side sends with {@code path}. */
        void onDatagram(ByteBuffer bytes, PacketLink path) {
            migrator.onDatagram(loop.now(), bytes, path);
            kick();
        }

        /** Lets the application act, then polls and re-arms the wake-up. */
        void kick() {
            application.accept(this);
            migrator.poll(loop.now());
            session.poll(loop.now());
            long t = Math.min(session.nextTimeout(loop.now()).orElse(Long.MAX_VALUE),
                    migrator.nextTimeout().orElse(Long.MAX_VALUE));
            if (t != wakeAt) {
                wakeAt = t;
                if (t != Long.MAX_VALUE) {
                    long at = Math.max(t, loop.now() + 1); // never spin at one instant
                    loop.at(at, () -> {
                        if (wakeAt == t) {
                            wakeAt = Long.MAX_VALUE;
                            kick();
                        }
                    });
                }
            }
        }
    }

    /** A second path between the two: the link each side sends on. */
    record Path(SimulatedLink toBob, SimulatedLink toAlice) {
    }

    final EventLoop loop = new EventLoop();
    final Endpoint alice;
    final Endpoint bob;
    private final SplittableRandom pathRandom;

    SimulatedSessions(SimulatedLink.Profile aliceToBob, SimulatedLink.Profile bobToAlice, SessionConfig config, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] a2b = secret(0x0a);
        byte[] b2a = secret(0x0b);
        RecordLayer aliceRecord = new RecordLayer(1, 2, a2b, b2a, RekeyPolicy.DEFAULT, loop::now);
        RecordLayer bobRecord = new RecordLayer(2, 1, b2a, a2b, RekeyPolicy.DEFAULT, loop::now);
        SimulatedLink toBob = new SimulatedLink(loop, aliceToBob, random.split());
        SimulatedLink toAlice = new SimulatedLink(loop, bobToAlice, random.split());
        alice = new Endpoint(loop, aliceRecord, toBob, config, random.nextLong());
        bob = new Endpoint(loop, bobRecord, toAlice, config, random.nextLong());
        toBob.connect(bob::onDatagram);
        toAlice.connect(alice::onDatagram);
        pathRandom = random.split();
    }

    /** Another path between alice and bob, with its own links; datagrams on it are tagged with it. */
    Path addPath(SimulatedLink.Profile aliceToBob, SimulatedLink.Profile bobToAlice) {
        SimulatedLink toBob = new SimulatedLink(loop, aliceToBob, pathRandom.split());
        SimulatedLink toAlice = new SimulatedLink(loop, bobToAlice, pathRandom.split());
        toBob.connect(d -> bob.onDatagram(d, toAlice));
        toAlice.connect(d -> alice.onDatagram(d, toBob));
        return new Path(toBob, toAlice);
    }

    static byte[] secret(int fill) {
        byte[] s = new byte[Limits.SECRET_BYTES];
        Arrays.fill(s, (byte) fill);
        return s;
    }
}
