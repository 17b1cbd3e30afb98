package io.ngisec.protocol.channel.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SendStreamTest {

    private final SendStream stream = new SendStream(16, 100);

    @Test
    void writeTakesOnlyWhatFitsInTheBuffer() {
        ByteBuffer src = bytes("abcdefghijklmnopqrstuvwxyz");
        assertThat(stream.write(src)).isEqualTo(16);
        assertThat(src.position()).isEqualTo(16);
        assertThat(stream.write(src)).isZero();
        assertThat(stream.bufferedBytes()).isEqualTo(16);
        assertThat(stream.writableBytes()).isZero();
    }

    @Test
    void sendsNewDataInChunksOfAtMostMaxBytes() throws StreamException {
        stream.write(bytes("hello world"));
        StreamChunk first = stream.nextChunk(5).orElseThrow();
        StreamChunk second = stream.nextChunk(100).orElseThrow();
        assertChunk(first, 0, "hello", false);
        assertChunk(second, 5, " world", false);
        assertThat(stream.nextChunk(100)).isEmpty();
        assertThat(stream.bytesSent()).isEqualTo(11);
        assertThat(stream.hasSomethingToSend()).isFalse();
    }

    @Test
    void ackedBytesFreeTheBufferOnlyOnceEverythingBelowIsAcked() throws StreamException {
        stream.write(bytes("0123456789abcdef"));
        stream.nextChunk(8);
        stream.nextChunk(8);
        stream.onAcked(8, 8);
        assertThat(stream.bufferedBytes()).isEqualTo(16);
        assertThat(stream.bytesAcked()).isEqualTo(8);
        stream.onAcked(0, 8);
        stream.onAcked(0, 8);                                    // a duplicate ack counts once
        assertThat(stream.bufferedBytes()).isZero();
        assertThat(stream.bytesAcked()).isEqualTo(16);
        assertThat(stream.write(bytes("ABCDEFGHIJ"))).isEqualTo(10);
        // Offset 16 reuses slot 0 of the ring, freed by the acks.
        assertChunk(stream.nextChunk(100).orElseThrow(), 16, "ABCDEFGHIJ", false);
    }

    @Test
    void chunksAreCutWhereTheRingWraps() throws StreamException {
        stream.write(bytes("0123456789"));
        stream.nextChunk(10);
        stream.onAcked(0, 10);
        stream.write(bytes("ABCDEFGHIJ"));
        assertChunk(stream.nextChunk(100).orElseThrow(), 10, "ABCDEF", false);
        assertChunk(stream.nextChunk(100).orElseThrow(), 16, "GHIJ", false);
    }

    @Test
    void lostRangesGoFirstAndSkipWhatWasAckedMeanwhile() throws StreamException {
        SendStream s = new SendStream(64, 1000);
        s.write(bytes("0123456789abcdefghij"));
        s.nextChunk(10);
        s.nextChunk(5);
        s.onLost(0, 10);
        s.onAcked(3, 4);                                         // a late ack for part of the lost chunk
        s.write(bytes("KLMNO"));
        assertChunk(s.nextChunk(100).orElseThrow(), 0, "012", false);
        assertChunk(s.nextChunk(100).orElseThrow(), 7, "789", false);
        assertChunk(s.nextChunk(100).orElseThrow(), 15, "fghijKLMNO", false);
        assertThat(s.bytesRetransmitted()).isEqualTo(6);
        assertThat(s.bytesSent()).isEqualTo(25);
    }

    @Test
    void lossOfAnAckedRangeResendsNothing() throws StreamException {
        stream.write(bytes("abcdef"));
        stream.nextChunk(6);
        stream.onAcked(0, 6);
        stream.onLost(0, 6);
        assertThat(stream.nextChunk(100)).isEmpty();
        assertThat(stream.bytesRetransmitted()).isZero();
    }

    @Test
    void neverSendsBeyondTheCreditWhichOnlyRises() throws StreamException {
        SendStream s = new SendStream(64, 4);
        s.write(bytes("abcdefghij"));
        assertChunk(s.nextChunk(100).orElseThrow(), 0, "abcd", false);
        assertThat(s.nextChunk(100)).isEmpty();
        assertThat(s.isBlocked()).isTrue();
        s.updateCredit(7);
        s.updateCredit(5);                                       // stale: ignored
        assertThat(s.credit()).isEqualTo(7);
        assertChunk(s.nextChunk(100).orElseThrow(), 4, "efg", false);
        assertThat(s.nextChunk(100)).isEmpty();
        s.onLost(0, 4);
        assertChunk(s.nextChunk(100).orElseThrow(), 0, "abcd", false); // below the credit: fine
    }

    @Test
    void finRidesOnTheLastChunkAndIsResentWhenLost() throws StreamException {
        stream.write(bytes("abc"));
        stream.finish();
        assertChunk(stream.nextChunk(100).orElseThrow(), 0, "abc", true);
        assertThat(stream.nextChunk(100)).isEmpty();
        stream.onLost(0, 3, true);
        assertChunk(stream.nextChunk(100).orElseThrow(), 0, "abc", true);
        stream.onAcked(0, 3, false);
        assertThat(stream.isDone()).isFalse();
        stream.onAcked(0, 3, true);
        assertThat(stream.isDone()).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> stream.write(bytes("x")));
    }

    @Test
    void finAfterAllDataWasSentGoesAloneAndCanBeResent() throws StreamException {
        stream.write(bytes("abc"));
        stream.nextChunk(100);
        stream.onAcked(0, 3);
        assertThat(stream.isDone()).isFalse();
        stream.finish();
        assertChunk(stream.nextChunk(100).orElseThrow(), 3, "", true);
        stream.onLost(3, 0, true);
        assertChunk(stream.nextChunk(0).orElseThrow(), 3, "", true);
        stream.onAcked(3, 0, true);
        assertThat(stream.isDone()).isTrue();
        assertThat(stream.nextChunk(100)).isEmpty();
    }

    @Test
    void finWaitsForTheDataHeldBackByCredit() throws StreamException {
        SendStream s = new SendStream(64, 2);
        s.write(bytes("abcd"));
        s.finish();
        assertChunk(s.nextChunk(100).orElseThrow(), 0, "ab", false);
        assertThat(s.nextChunk(100)).isEmpty();
        s.updateCredit(4);
        assertChunk(s.nextChunk(100).orElseThrow(), 2, "cd", true);
    }

    @Test
    void refusesReportsAboutWhatWasNeverSent() throws StreamException {
        stream.write(bytes("abcdef"));
        stream.nextChunk(3);
        assertThatIllegalArgumentException().isThrownBy(() -> stream.onAcked(0, 4));
        assertThatIllegalArgumentException().isThrownBy(() -> stream.onLost(2, 2));
        assertThatIllegalArgumentException().isThrownBy(() -> stream.onAcked(0, 3, true));
        assertThatIllegalArgumentException().isThrownBy(() -> stream.nextChunk(-1));
    }

    @Test
    void chunkDataIsAReadOnlyViewThatReadingDoesNotConsume() throws StreamException {
        stream.write(bytes("abc"));
        StreamChunk chunk = stream.nextChunk(100).orElseThrow();
        assertThat(chunk.data().isReadOnly()).isTrue();
        chunk.data().get(new byte[3]);                           // consuming one view leaves the chunk whole
        assertThat(chunk.length()).isEqualTo(3);
        assertThat(chunk.data().remaining()).isEqualTo(3);
        assertThat(chunk.end()).isEqualTo(3);
    }

    @Test
    void theBufferStartsSmallAndGrowsKeepingWrappedUnackedBytes() throws StreamException {
        SendStream s = new SendStream(1 << 20, Long.MAX_VALUE);
        assertThat(s.capacity()).isEqualTo(ByteRing.INITIAL_CAPACITY);
        int k = 1024;
        s.write(pattern(0, 12 * k));
        sendAll(s);
        s.onAcked(0, 10 * k);
        s.write(pattern(12 * k, 8 * k));                          // wraps in the 16 KiB ring
        assertThat(s.capacity()).isEqualTo(16 * k);
        StreamChunk held = s.nextChunk(100).orElseThrow();        // sent before the ring grows
        sendAll(s);
        s.onLost(10 * k, 10 * k);
        assertThat(s.write(pattern(20 * k, 20 * k))).isEqualTo(20 * k);   // 30 KiB unacked: grows
        assertThat(s.capacity()).isEqualTo(32 * k);
        assertThat(s.bufferLimit()).isEqualTo(1 << 20);
        assertThat(s.writableBytes()).isEqualTo((1 << 20) - 30 * k);
        assertThat(held.data()).isEqualTo(pattern(12 * k, 100));
        long expected = 10 * k;
        for (StreamChunk c = s.nextChunk(3000).orElseThrow(); ; c = s.nextChunk(3000).orElseThrow()) {
            assertThat(c.offset()).isEqualTo(expected);
            assertThat(c.data()).isEqualTo(pattern(c.offset(), c.length()));
            expected = c.end();
            if (expected == 40 * k) {
                break;
            }
        }
    }

    @Test
    void theBufferNeverGrowsBeyondItsLimit() {
        SendStream s = new SendStream(40_000, 0);
        assertThat(s.write(ByteBuffer.allocate(100_000))).isEqualTo(40_000);
        assertThat(s.capacity()).isEqualTo(40_000);
    }

    private static void sendAll(SendStream s) {
        while (s.nextChunk(1000).isPresent()) {
            // in flight
        }
    }

    static ByteBuffer pattern(long offset, int length) {
        ByteBuffer b = ByteBuffer.allocate(length);
        for (int i = 0; i < length; i++) {
            long at = offset + i;
            b.put((byte) (at * 31 + (at >>> 8)));
        }
        return b.flip();
    }

    static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    static void assertChunk(StreamChunk chunk, long offset, String data, boolean fin) {
        ByteBuffer copy = chunk.data();
        byte[] got = new byte[copy.remaining()];
        copy.get(got);
        assertThat(new String(got, StandardCharsets.US_ASCII)).isEqualTo(data);
        assertThat(chunk.offset()).isEqualTo(offset);
        assertThat(chunk.fin()).as("fin").isEqualTo(fin);
    }
}
