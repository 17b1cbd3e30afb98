package io.ngisec.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Bounded fuzzing of {@link RecordOpener#open}: whatever arrives, the outcome is either the
 * untouched record or a drop counted under exactly one reason, and never an exception.
 */
class RecordOpenerFuzzTest {

    /** One change to a sealed packet: XOR a byte, or cut or grow the packet. */
    record Mutation(int position, byte xor, int lengthChange) {
    }

    private final SessionPair pair = new SessionPair(
            new RekeyPolicy(64, Duration.ofSeconds(120), Duration.ofSeconds(3)));

    @Property(tries = 100_000)
    void mutatedSealedPacketsOpenOnlyWhenUnchanged(
            @ForAll @Size(max = 120) byte[] payload,
            @ForAll QosClass qos,
            @ForAll Service service,
            @ForAll("mutations") List<Mutation> mutations) {
        byte[] original = pair.aliceSeals(qos, service, payload);
        byte[] packet = original.clone();
        for (Mutation m : mutations) {
            packet = apply(m, packet);
        }

        Outcome outcome = open(packet);
        Statistics.label("outcome").collect(outcome.label());
        Statistics.label("outcome").coverage(c -> {
            c.check("ACCEPTED").percentage(p -> p > 5);
            c.check(DropReason.AUTH_FAILED.name()).percentage(p -> p > 20);
            c.check(DropReason.MALFORMED.name()).percentage(p -> p > 5);
        });

        if (Arrays.equals(packet, original)) {
            assertThat(outcome.result.dropReason()).isNull();
            assertThat(outcome.payload).isEqualTo(payload);
            assertThat(outcome.result.qosClass()).isEqualTo(qos);
            assertThat(outcome.result.service()).isEqualTo(service);
        } else {
            assertThat(outcome.result.accepted()).as("changed packet accepted").isFalse();
            assertThat(outcome.payload).isEmpty();
        }
    }

    @Property(tries = 100_000)
    void randomPacketsAreDroppedAndCounted(
            @ForAll @Size(max = 100) byte[] bytes,
            @ForAll boolean validHeader,
            @ForAll boolean phase,
            @ForAll @IntRange(max = 1 << 20) int packetNumber,
            @ForAll QosClass qos,
            @ForAll Service service) {
        if (validHeader && bytes.length >= RecordHeader.LENGTH) {
            // Reach the replay window and the tag check, not just the header checks.
            RecordHeader.write(ByteBuffer.wrap(bytes), 0, PacketType.DATA, qos, phase, service,
                    SessionPair.BOB_CID, packetNumber);
        }

        Outcome outcome = open(bytes);
        Statistics.label("outcome").collect(outcome.label());
        Statistics.label("outcome").coverage(c -> c.check(DropReason.AUTH_FAILED.name()).percentage(p -> p > 20));

        assertThat(outcome.result.accepted()).isFalse();
        assertThat(outcome.payload).isEmpty();
    }

    private Outcome open(byte[] packet) {
        ReceiveStats before = pair.bob.stats().receive();
        ByteBuffer in = ByteBuffer.wrap(packet);
        ByteBuffer out = ByteBuffer.allocate(packet.length);
        OpenResult result = pair.bob.open(in, out);
        ReceiveStats after = pair.bob.stats().receive();

        assertThat(in.remaining()).isZero();
        if (result.accepted()) {
            assertThat(after.records()).isEqualTo(before.records() + 1);
            assertThat(after.totalDrops()).isEqualTo(before.totalDrops());
            assertThat(out.position()).isEqualTo(result.payloadLength());
        } else {
            DropReason reason = result.dropReason();
            assertThat(after.drops().get(reason)).isEqualTo(before.drops().get(reason) + 1);
            assertThat(after.totalDrops()).isEqualTo(before.totalDrops() + 1);
            assertThat(after.records()).isEqualTo(before.records());
            assertThat(out.position()).isZero();
        }
        return new Outcome(result, Arrays.copyOf(out.array(), out.position()));
    }

    private record Outcome(OpenResult result, byte[] payload) {
        String label() {
            return result.accepted() ? "ACCEPTED" : result.dropReason().name();
        }
    }

    private static byte[] apply(Mutation m, byte[] packet) {
        if (m.lengthChange() != 0) {
            return Arrays.copyOf(packet, Math.max(0, packet.length + m.lengthChange()));
        }
        if (packet.length > 0) {
            packet[Math.floorMod(m.position(), packet.length)] ^= m.xor();
        }
        return packet;
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> flip = Combinators.combine(
                        Arbitraries.integers().between(0, 200), Arbitraries.bytes())
                .as((position, xor) -> new Mutation(position, xor, 0));
        Arbitrary<Mutation> headerFlip = Combinators.combine(
                        Arbitraries.integers().between(0, RecordHeader.LENGTH - 1),
                        Arbitraries.integers().between(0, 7))
                .as((position, bit) -> new Mutation(position, (byte) (1 << bit), 0));
        Arbitrary<Mutation> resize = Arbitraries.integers().between(-40, 8).filter(d -> d != 0)
                .map(d -> new Mutation(0, (byte) 0, d));
        return Arbitraries.frequencyOf(Tuple.of(5, flip), Tuple.of(4, headerFlip), Tuple.of(1, resize))
                .list().ofMaxSize(3);
    }
}
