package io.ngisec.protocol.channel.stream;

import static io.ngisec.protocol.channel.stream.SendStreamTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReceiveStreamTest {

    private final ReceiveStream stream = new ReceiveStream(16, 4);

    @Test
    void reassemblesOutOfOrderAndDuplicateData() throws StreamException {
        stream.onData(5, bytes("fgh"), false);
        assertThat(read(100)).isEmpty();
        stream.onData(0, bytes("abcde"), false);
        stream.onData(3, bytes("XXfg"), false);                 // overlaps: what came first stays
        assertThat(stream.bufferedBytes()).isEqualTo(8);
        assertThat(read(4)).isEqualTo("abcd");
        assertThat(read(100)).isEqualTo("efgh");
        stream.onData(0, bytes("abcdefgh"), false);             // already read: ignored
        assertThat(stream.readableBytes()).isZero();
        assertThat(stream.bufferedBytes()).isZero();
    }

    @Test
    void readLeavesTheSourceBufferAlone() throws StreamException {
        ByteBuffer data = bytes("abc");
        stream.onData(0, data, false);
        assertThat(data.position()).isZero();
    }

    @Test
    void refusesDataBeyondTheCredit() throws StreamException {
        assertThat(stream.maxOffset()).isEqualTo(16);
        stream.onData(10, bytes("abcdef"), false);               // up to 16 exactly: fine
        assertReason(() -> stream.onData(10, bytes("abcdefg"), false), StreamException.Reason.FLOW_CONTROL);
        assertReason(() -> stream.onData(Long.MAX_VALUE - 1, bytes("ab"), false),
                StreamException.Reason.FLOW_CONTROL);
        assertReason(() -> stream.onData(-1, bytes("a"), false), StreamException.Reason.FLOW_CONTROL);
    }

    @Test
    void advertisesMoreCreditOnceHalfTheWindowIsRead() throws StreamException {
        stream.onData(0, bytes("0123456789abcdef"), false);
        assertThat(read(7)).isEqualTo("0123456");
        assertThat(stream.pendingCreditUpdate()).isEmpty();
        assertThat(read(1)).isEqualTo("7");
        assertThat(stream.pendingCreditUpdate()).hasValue(8 + 16);
        assertThat(stream.pendingCreditUpdate()).isEmpty();       // once
        assertThat(stream.maxOffset()).isEqualTo(24);
        stream.onData(16, bytes("ghijklmn"), false);              // wraps the ring
        assertThat(stream.bufferedBytes()).isEqualTo(16);
        assertThat(read(100)).isEqualTo("89abcdefghijklmn");
        assertThat(stream.pendingCreditUpdate()).hasValue(32 + 8);
    }

    @Test
    void finishesWhenEverythingUpToTheFinIsRead() throws StreamException {
        stream.onData(3, bytes("def"), true);
        assertThat(stream.finalSize()).hasValue(6);
        assertThat(stream.isFinished()).isFalse();
        stream.onData(0, bytes("abc"), false);
        assertThat(read(100)).isEqualTo("abcdef");
        assertThat(stream.isFinished()).isTrue();
        assertThat(stream.read(ByteBuffer.allocate(1))).isEqualTo(-1);
        stream.onData(3, bytes("def"), true);                    // a repeated fin is fine
    }

    @Test
    void refusesDataContradictingTheFinalSize() throws StreamException {
        stream.onData(0, bytes("abcdef"), false);
        assertReason(() -> stream.onData(0, bytes("abc"), true), StreamException.Reason.FINAL_SIZE);
        stream.onData(6, bytes("g"), true);
        assertReason(() -> stream.onData(6, bytes("gh"), false), StreamException.Reason.FINAL_SIZE);
        assertReason(() -> stream.onData(8, bytes(""), true), StreamException.Reason.FINAL_SIZE);
        assertReason(() -> stream.onData(2, bytes("c"), true), StreamException.Reason.FINAL_SIZE);
        assertThat(stream.finalSize()).hasValue(7);
        assertThat(read(100)).isEqualTo("abcdefg");
    }

    @Test
    void refusesFragmentationBeyondTheRangeLimitWithoutLosingData() throws StreamException {
        for (int i = 0; i < 4; i++) {
            stream.onData(2 * i + 1, bytes("x"), false);
        }
        assertReason(() -> stream.onData(9, bytes("y"), false), StreamException.Reason.TOO_FRAGMENTED);
        stream.onData(0, bytes("a"), false);                     // merges: room again
        assertThat(read(100)).isEqualTo("ax");
    }

    @Test
    void memoryStaysWithinTheWindow() throws StreamException {
        ReceiveStream s = new ReceiveStream(1024, 64);
        for (int offset = 0; offset + 100 <= 1024; offset += 100) {
            s.onData(offset, ByteBuffer.allocate(100), false);
        }
        assertReason(() -> s.onData(1000, ByteBuffer.allocate(100), false), StreamException.Reason.FLOW_CONTROL);
        assertThat(s.bufferedBytes()).isLessThanOrEqualTo(1024);
    }

    @Test
    void theRingStartsSmallAndGrowsForDataFarAheadKeepingWrappedBytes() throws StreamException {
        ReceiveStream s = new ReceiveStream(1 << 20, 64);
        assertThat(s.capacity()).isEqualTo(ByteRing.INITIAL_CAPACITY);
        int k = 1024;
        s.onData(0, SendStreamTest.pattern(0, 12 * k), false);
        s.read(ByteBuffer.allocate(10 * k));
        s.onData(12 * k, SendStreamTest.pattern(12 * k, 8 * k), false);   // wraps in the 16 KiB ring
        assertThat(s.capacity()).isEqualTo(16 * k);
        s.onData(100 * k, SendStreamTest.pattern(100 * k, k), false);     // far ahead, inside the window
        assertThat(s.capacity()).isEqualTo(91 * k);
        s.onData(20 * k, SendStreamTest.pattern(20 * k, 80 * k), false);
        ByteBuffer got = ByteBuffer.allocate(91 * k);
        assertThat(s.read(got)).isEqualTo(91 * k);
        assertThat(got.flip()).isEqualTo(SendStreamTest.pattern(10 * k, 91 * k));
        assertThat(s.window()).isEqualTo(1 << 20);
    }

    @Test
    void anIdleStreamHoldsOnlyTheInitialRing() throws StreamException {
        ReceiveStream s = new ReceiveStream(4 << 20, 64);
        for (int i = 0; i < 1000; i++) {
            s.onData(i * 100L, ByteBuffer.allocate(100), false);
            s.read(ByteBuffer.allocate(100));
        }
        assertThat(s.capacity()).isEqualTo(ByteRing.INITIAL_CAPACITY);
    }

    private String read(int max) {
        ByteBuffer dst = ByteBuffer.allocate(max);
        int n = stream.read(dst);
        return new String(dst.array(), 0, Math.max(n, 0), StandardCharsets.US_ASCII);
    }

    private static void assertReason(ThrowingRunnable r, StreamException.Reason reason) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(StreamException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
