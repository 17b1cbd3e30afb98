package io.ngisec.protocol.record;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Two record layers that talk to each other, as two peers would after a handshake, on one manual clock. */
final class SessionPair {

    static final long ALICE_CID = 0x1111_2222_3333_4444L;
    static final long BOB_CID = 0x5555_6666_7777_8888L;

    final ManualClock clock = new ManualClock();
    final RecordLayer alice;
    final RecordLayer bob;

    SessionPair() {
        this(RekeyPolicy.DEFAULT);
    }

    SessionPair(RekeyPolicy policy) {
        byte[] aliceToBob = secret(0x0a);
        byte[] bobToAlice = secret(0x0b);
        alice = new RecordLayer(ALICE_CID, BOB_CID, aliceToBob, bobToAlice, policy, clock);
        bob = new RecordLayer(BOB_CID, ALICE_CID, bobToAlice, aliceToBob, policy, clock);
    }

    static byte[] secret(int fill) {
        byte[] s = new byte[Limits.SECRET_BYTES];
        Arrays.fill(s, (byte) fill);
        return s;
    }

    static byte[] payload(int length, int seed) {
        byte[] p = new byte[length];
        for (int i = 0; i < length; i++) {
            p[i] = (byte) (seed * 31 + i);
        }
        return p;
    }

    /** Alice seals {@code payload} as DATA; returns exactly the packet bytes. */
    byte[] aliceSeals(QosClass qos, Service service, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(payload.length + Limits.OVERHEAD_BYTES + 7);
        try {
            alice.seal(qos, service, ByteBuffer.wrap(payload), out);
        } catch (RecordException e) {
            throw new AssertionError(e);
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    byte[] aliceSeals(byte[] payload) {
        return aliceSeals(QosClass.INTERACTIVE, Service.CHAT, payload);
    }

    /** Bob opens {@code packet}; on acceptance the payload is in {@link Opened#payload}. */
    Opened bobOpens(byte[] packet) {
        ByteBuffer out = ByteBuffer.allocate(packet.length);
        OpenResult r = bob.open(ByteBuffer.wrap(packet), out);
        return new Opened(r.dropReason(), r.accepted() ? r.header() : null,
                Arrays.copyOf(out.array(), out.position()));
    }

    /** An immutable copy of one open's outcome. */
    record Opened(DropReason drop, RecordHeader header, byte[] payload) {
        boolean accepted() {
            return drop == null;
        }
    }
}
