package io.ngisec.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RecordHeaderPropertyTest {

    @Property
    void everyHeaderRoundTrips(@ForAll("headers") RecordHeader header, @ForAll @IntRange(max = 9) int offset)
            throws RecordException {
        ByteBuffer buf = ByteBuffer.allocate(offset + RecordHeader.LENGTH + 3);
        buf.position(offset);
        header.write(buf);
        buf.flip().position(offset);

        assertThat(RecordHeader.parse(buf)).isEqualTo(header);
        assertThat(buf.position()).isEqualTo(offset + RecordHeader.LENGTH);
    }

    @Property(tries = 100_000)
    void arbitraryBytesParseOnlyToTheHeaderThatWritesThemBack(@ForAll @Size(max = 24) byte[] bytes) {
        assertParsesCanonicallyOrRejects(bytes);
    }

    @Property(tries = 100_000)
    void mutatedHeadersParseOnlyToTheHeaderThatWritesThemBack(
            @ForAll("headers") RecordHeader header,
            @ForAll @IntRange(max = RecordHeader.LENGTH - 1) int index,
            @ForAll byte value,
            @ForAll @IntRange(min = RecordHeader.LENGTH - 2, max = RecordHeader.LENGTH + 2) int length) {
        ByteBuffer buf = ByteBuffer.allocate(RecordHeader.LENGTH);
        header.write(buf);
        byte[] bytes = Arrays.copyOf(buf.array(), length);
        if (index < length) {
            bytes[index] = value;
        }
        assertParsesCanonicallyOrRejects(bytes);
    }

    private static void assertParsesCanonicallyOrRejects(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        RecordHeader parsed;
        try {
            parsed = RecordHeader.parse(in);
        } catch (RecordException e) {
            assertThat(e.reason()).isNotNull();
            assertThat(in.position()).isZero();
            return;
        }
        // Parsing is exact: no two byte strings give the same header.
        ByteBuffer rewritten = ByteBuffer.allocate(RecordHeader.LENGTH);
        parsed.write(rewritten);
        assertThat(rewritten.array()).isEqualTo(Arrays.copyOf(bytes, RecordHeader.LENGTH));
        assertThat(in.position()).isEqualTo(RecordHeader.LENGTH);
    }

    @Provide
    Arbitrary<RecordHeader> headers() {
        return Combinators.combine(
                        Arbitraries.of(PacketType.class),
                        Arbitraries.of(QosClass.class),
                        Arbitraries.of(true, false),
                        Arbitraries.of(Service.class),
                        Arbitraries.longs(),
                        Arbitraries.longs())
                .as((type, qos, phase, service, cid, pn) -> type == PacketType.HANDSHAKE_INIT
                        ? new RecordHeader(type, qos, phase, service, 0, 0)
                        : new RecordHeader(type, qos, phase, service, cid, pn));
    }
}
