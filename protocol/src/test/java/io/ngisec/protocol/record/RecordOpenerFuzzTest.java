package io.ngisec.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.fuzz.FuzzInputs;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bounded fuzzing of {@link RecordOpener#open}: whatever arrives, the outcome is either the
 * untouched record or a drop counted under exactly one reason, and never an exception. 200,000
 * inputs from a seeded {@link FuzzInputs}; outcome tallies show the fuzz reaches the tag check.
 */
class RecordOpenerFuzzTest {

    private final SessionPair pair = new SessionPair(
            new RekeyPolicy(64, Duration.ofSeconds(120), Duration.ofSeconds(3)));
    private final Map<String, Integer> outcomes = new HashMap<>();

    @Test
    void mutatedSealedPacketsOpenOnlyWhenUnchanged() {
        FuzzInputs inputs = new FuzzInputs("record opener edits");
        int tries = 100_000;
        for (int i = 0; i < tries; i++) {
            byte[] payload = inputs.randomBytes(120);
            QosClass qos = inputs.oneOf(QosClass.class);
            Service service = inputs.oneOf(Service.class);
            byte[] original = pair.aliceSeals(qos, service, payload);
            byte[] packet = mutate(original, inputs);

            String what = inputs.describe(i, packet);
            Outcome outcome = open(packet, what);
            if (Arrays.equals(packet, original)) {
                assertThat(outcome.result.dropReason()).as(what).isNull();
                assertThat(outcome.payload).as(what).isEqualTo(payload);
                assertThat(outcome.result.qosClass()).as(what).isEqualTo(qos);
                assertThat(outcome.result.service()).as(what).isEqualTo(service);
            } else {
                assertThat(outcome.result.accepted()).as("changed packet accepted: %s", what).isFalse();
                assertThat(outcome.payload).as(what).isEmpty();
            }
        }
        assertThat(share("ACCEPTED", tries)).as(outcomes.toString()).isGreaterThan(0.05);
        assertThat(share(DropReason.AUTH_FAILED.name(), tries)).as(outcomes.toString()).isGreaterThan(0.20);
        assertThat(share(DropReason.MALFORMED.name(), tries)).as(outcomes.toString()).isGreaterThan(0.05);
    }

    @Test
    void randomPacketsAreDroppedAndCounted() {
        FuzzInputs inputs = new FuzzInputs("record opener random packets");
        int tries = 100_000;
        for (int i = 0; i < tries; i++) {
            byte[] bytes = inputs.randomBytes(100);
            if (inputs.random().nextBoolean() && bytes.length >= RecordHeader.LENGTH) {
                // Reach the replay window and the tag check, not just the header checks.
                RecordHeader.write(ByteBuffer.wrap(bytes), 0, PacketType.DATA, inputs.oneOf(QosClass.class),
                        inputs.random().nextBoolean(), inputs.oneOf(Service.class), SessionPair.BOB_CID,
                        inputs.intBetween(0, 1 << 20));
            }

            String what = inputs.describe(i, bytes);
            Outcome outcome = open(bytes, what);

            assertThat(outcome.result.accepted()).as(what).isFalse();
            assertThat(outcome.payload).as(what).isEmpty();
        }
        assertThat(share(DropReason.AUTH_FAILED.name(), tries)).as(outcomes.toString()).isGreaterThan(0.20);
    }

    /**
     * The packet with zero to three changes: XOR of a random byte anywhere (half the changes), a
     * flipped header bit (two in five), or a cut by up to 40 bytes or growth by up to 8.
     */
    private static byte[] mutate(byte[] original, FuzzInputs inputs) {
        byte[] packet = original.clone();
        for (int n = inputs.random().nextInt(4); n > 0; n--) {
            int kind = inputs.random().nextInt(10);
            if (kind < 5) {
                xor(packet, inputs.intBetween(0, 200), (byte) inputs.random().nextInt(256));
            } else if (kind < 9) {
                xor(packet, inputs.intBetween(0, RecordHeader.LENGTH - 1), (byte) (1 << inputs.random().nextInt(8)));
            } else {
                int change = inputs.random().nextInt(48) - 40;
                change = change >= 0 ? change + 1 : change;
                packet = Arrays.copyOf(packet, Math.max(0, packet.length + change));
            }
        }
        return packet;
    }

    private static void xor(byte[] packet, int position, byte xor) {
        if (packet.length > 0) {
            packet[Math.floorMod(position, packet.length)] ^= xor;
        }
    }

    private double share(String outcome, int tries) {
        return outcomes.getOrDefault(outcome, 0) / (double) tries;
    }

    /** Bob opens {@code packet}; checks that exactly one outcome was counted, and tallies it. */
    private Outcome open(byte[] packet, String what) {
        ReceiveStats before = pair.bob.stats().receive();
        ByteBuffer in = ByteBuffer.wrap(packet);
        ByteBuffer out = ByteBuffer.allocate(packet.length);
        OpenResult result;
        try {
            result = pair.bob.open(in, out);
        } catch (RuntimeException e) {
            throw new AssertionError(e + " escaped: " + what, e);
        }
        ReceiveStats after = pair.bob.stats().receive();
        Outcome outcome = new Outcome(result, Arrays.copyOf(out.array(), out.position()));
        outcomes.merge(outcome.label(), 1, Integer::sum);

        assertThat(in.remaining()).as(what).isZero();
        if (result.accepted()) {
            assertThat(after.records()).as(what).isEqualTo(before.records() + 1);
            assertThat(after.totalDrops()).as(what).isEqualTo(before.totalDrops());
            assertThat(out.position()).as(what).isEqualTo(result.payloadLength());
        } else {
            DropReason reason = result.dropReason();
            assertThat(after.drops().get(reason)).as(what).isEqualTo(before.drops().get(reason) + 1);
            assertThat(after.totalDrops()).as(what).isEqualTo(before.totalDrops() + 1);
            assertThat(after.records()).as(what).isEqualTo(before.records());
            assertThat(out.position()).as(what).isZero();
        }
        return outcome;
    }

    private record Outcome(OpenResult result, byte[] payload) {
        String label() {
            return result.accepted() ? "ACCEPTED" : result.dropReason().name();
        }
    }
}
