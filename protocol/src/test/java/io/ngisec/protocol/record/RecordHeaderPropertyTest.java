package io.ngisec.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.fuzz.FuzzInputs;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Record headers: every header round-trips at any buffer offset, and no byte string parses except
 * the exact encoding of the header it parses to. Random headers and bounded fuzzing from a seeded
 * {@link FuzzInputs}.
 */
class RecordHeaderPropertyTest {

    /** How many inputs parsed, and for each refusal reason how many were refused. */
    private final Map<RecordException.Reason, Integer> refusals = new EnumMap<>(RecordException.Reason.class);
    private int parsed;

    @Test
    void everyHeaderRoundTrips() throws RecordException {
        FuzzInputs inputs = new FuzzInputs("record header round trip");
        for (int i = 0; i < 10_000; i++) {
            RecordHeader header = header(inputs);
            int offset = inputs.intBetween(0, 9);
            ByteBuffer buf = ByteBuffer.allocate(offset + RecordHeader.LENGTH + 3);
            buf.position(offset);
            header.write(buf);
            buf.flip().position(offset);

            String what = header + " at " + offset + ", " + inputs.describe(i, buf.array());
            assertThat(RecordHeader.parse(buf)).as(what).isEqualTo(header);
            assertThat(buf.position()).as(what).isEqualTo(offset + RecordHeader.LENGTH);
        }
    }

    @Test
    void arbitraryBytesParseOnlyToTheHeaderThatWritesThemBack() {
        FuzzInputs inputs = new FuzzInputs("record header random bytes");
        for (int i = 0; i < 100_000; i++) {
            byte[] bytes = inputs.randomBytes(24);
            assertParsesCanonicallyOrRejects(bytes, inputs, i);
        }
        // Random bytes rarely get past the first byte; they need only show the early checks work.
        assertThat(refusals).as(refusals.toString())
                .containsKeys(RecordException.Reason.TRUNCATED, RecordException.Reason.WRONG_VERSION);
    }

    @Test
    void mutatedHeadersParseOnlyToTheHeaderThatWritesThemBack() {
        FuzzInputs inputs = new FuzzInputs("record header edits");
        for (int i = 0; i < 100_000; i++) {
            ByteBuffer buf = ByteBuffer.allocate(RecordHeader.LENGTH);
            header(inputs).write(buf);
            int length = inputs.intBetween(RecordHeader.LENGTH - 2, RecordHeader.LENGTH + 2);
            byte[] bytes = Arrays.copyOf(buf.array(), length);
            int index = inputs.intBetween(0, RecordHeader.LENGTH - 1);
            if (index < length) {
                bytes[index] = (byte) inputs.random().nextInt(256);
            }
            assertParsesCanonicallyOrRejects(bytes, inputs, i);
        }
        // One changed byte in a valid header must be able to trip every check, and often pass them all.
        assertThat(refusals).as(refusals.toString()).containsKeys(RecordException.Reason.TRUNCATED,
                RecordException.Reason.WRONG_VERSION, RecordException.Reason.UNKNOWN_TYPE,
                RecordException.Reason.RESERVED_BITS_SET, RecordException.Reason.UNKNOWN_QOS_CLASS,
                RecordException.Reason.UNKNOWN_SERVICE,
                RecordException.Reason.BAD_HANDSHAKE_INIT);
        assertThat(parsed).as(refusals.toString()).isGreaterThan(25_000);
    }

    private void assertParsesCanonicallyOrRejects(byte[] bytes, FuzzInputs inputs, int attempt) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        RecordHeader header;
        try {
            header = RecordHeader.parse(in);
        } catch (RecordException e) {
            assertThat(e.reason()).as(inputs.describe(attempt, bytes)).isNotNull();
            assertThat(in.position()).as(inputs.describe(attempt, bytes)).isZero();
            refusals.merge(e.reason(), 1, Integer::sum);
            return;
        } catch (RuntimeException e) {
            throw new AssertionError(e + " escaped: " + inputs.describe(attempt, bytes), e);
        }
        parsed++;
        // Parsing is exact: no two byte strings give the same header.
        ByteBuffer rewritten = ByteBuffer.allocate(RecordHeader.LENGTH);
        header.write(rewritten);
        assertThat(rewritten.array()).as(inputs.describe(attempt, bytes))
                .isEqualTo(Arrays.copyOf(bytes, RecordHeader.LENGTH));
        assertThat(in.position()).as(inputs.describe(attempt, bytes)).isEqualTo(RecordHeader.LENGTH);
    }

    /** An arbitrary valid header; a handshake init always carries connection id 0 and packet number 0. */
    private static RecordHeader header(FuzzInputs inputs) {
        PacketType type = inputs.oneOf(PacketType.class);
        QosClass qos = inputs.oneOf(QosClass.class);
        boolean phase = inputs.random().nextBoolean();
        Service service = inputs.oneOf(Service.class);
        long cid = inputs.anyLong();
        long pn = inputs.anyLong();
        return type == PacketType.HANDSHAKE_INIT
                ? new RecordHeader(type, qos, phase, service, 0, 0)
                : new RecordHeader(type, qos, phase, service, cid, pn);
    }
}
