package io.ngisec.protocol.channel.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ngisec.protocol.fuzz.FuzzInputs;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.SplittableRandom;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class ByteRingTest {

    @Test
    void startsAtTheInitialCapacityOrTheLimitIfSmaller() {
        assertThat(new ByteRing(8 << 20).capacity()).isEqualTo(ByteRing.INITIAL_CAPACITY);
        assertThat(new ByteRing(100).capacity()).isEqualTo(100);
        assertThat(new ByteRing(100).limit()).isEqualTo(100);
    }

    @Test
    void bytesCrossTheWrapPoint() {
        ByteRing ring = new ByteRing(8, 8);
        ring.ensure(5, 11);
        ring.put(5, ByteBuffer.wrap(bytes(1, 2, 3, 4, 5, 6)), 6);
        assertThat(get(ring, 5, 6)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(ring.contiguous(5)).isEqualTo(3);
        assertThat(ring.contiguous(8)).isEqualTo(8);
    }

    @Test
    void growingMovesWrappedBytesToTheirNewSlots() {
        ByteRing ring = new ByteRing(64, 8);
        ring.ensure(5, 13);
        ring.put(5, ByteBuffer.wrap(bytes(1, 2, 3, 4, 5, 6, 7, 8)), 8);   // slots 5..7 then 0..4
        ring.ensure(5, 20);
        assertThat(ring.capacity()).isEqualTo(16);                        // doubled
        assertThat(get(ring, 5, 8)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        ring.put(13, ByteBuffer.wrap(bytes(9, 10, 11, 12, 13, 14, 15)), 7); // wraps at 16 now
        assertThat(get(ring, 5, 15)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    }

    @Test
    void growsAtLeastToWhatIsNeededAndNoFurtherThanTheLimit() {
        ByteRing ring = new ByteRing(64, 8);
        ring.ensure(3, 43);
        assertThat(ring.capacity()).isEqualTo(40);
        ring.ensure(3, 50);
        assertThat(ring.capacity()).isEqualTo(64);                        // doubling capped
        ring.ensure(100, 164);
        assertThat(ring.capacity()).isEqualTo(64);
        assertThatIllegalArgumentException().isThrownBy(() -> ring.ensure(100, 165));
        assertThatIllegalArgumentException().isThrownBy(() -> ring.ensure(10, 9));
    }

    @Test
    void neverShrinks() {
        ByteRing ring = new ByteRing(64, 8);
        ring.ensure(0, 32);
        ring.ensure(32, 33);
        assertThat(ring.capacity()).isEqualTo(32);
    }

    @Test
    void aViewIsReadOnlyStopsAtTheWrapPointAndSurvivesGrowth() {
        ByteRing ring = new ByteRing(64, 8);
        ring.ensure(6, 10);
        ring.put(6, ByteBuffer.wrap(bytes(1, 2, 3, 4)), 4);
        ByteBuffer view = ring.view(6, 2);
        assertThatIllegalArgumentException().isThrownBy(() -> ring.view(6, 3));
        Assertions.assertThatThrownBy(() -> view.duplicate().put((byte) 0)).isInstanceOf(ReadOnlyBufferException.class);
        ring.ensure(6, 30);
        ring.put(10, ByteBuffer.wrap(new byte[20]), 20);
        assertThat(content(view)).containsExactly(1, 2);
    }

    @Test
    void absolutePutLeavesTheSourcePositionAlone() {
        ByteRing ring = new ByteRing(16, 16);
        ByteBuffer src = ByteBuffer.wrap(bytes(9, 9, 1, 2, 3));
        ring.ensure(0, 3);
        ring.put(0, src, 2, 3);
        assertThat(src.position()).isZero();
        assertThat(get(ring, 0, 3)).containsExactly(1, 2, 3);
    }

    /** A sliding live range over a stream, with random appends, rewrites, reads and releases, against a plain array. */
    @Test
    void randomOperationsMatchAPlainArray() {
        FuzzInputs inputs = new FuzzInputs("ByteRingTest.randomOperations");
        SplittableRandom random = inputs.random();
        for (int trial = 0; trial < 50; trial++) {
            int limit = 1 + random.nextInt(300);
            ByteRing ring = new ByteRing(limit, 1 + random.nextInt(16));
            byte[] model = new byte[20_000];
            long low = 0;
            long high = 0;
            int lastCapacity = ring.capacity();
            for (int op = 0; op < 400 && high < model.length - limit; op++) {
                String at = "seed " + System.getProperty("ngisec.fuzz.seed", "default") + " trial " + trial + " op " + op;
                switch (random.nextInt(4)) {
                    case 0 -> {                                           // append within the limit
                        int n = random.nextInt((int) (limit - (high - low)) + 1);
                        ring.ensure(low, high + n);
                        byte[] b = inputs.bytes(n);
                        System.arraycopy(b, 0, model, (int) high, n);
                        ByteBuffer src = ByteBuffer.wrap(b);
                        ring.put(high, src, n);
                        assertThat(src.hasRemaining()).as(at).isFalse();
                        high += n;
                    }
                    case 1 -> {                                           // rewrite some live bytes
                        if (high > low) {
                            long from = low + random.nextLong(high - low);
                            int n = (int) (1 + random.nextLong(high - from));
                            byte[] b = inputs.bytes(n + 3);
                            System.arraycopy(b, 3, model, (int) from, n);
                            ring.put(from, ByteBuffer.wrap(b), 3, n);
                        }
                    }
                    case 2 -> low += random.nextLong(high - low + 1);       // release a prefix
                    default -> {
                        if (high > low) {                                 // view a piece
                            long from = low + random.nextLong(high - low);
                            int n = (int) Math.min(high - from, ring.contiguous(from));
                            assertThat(content(ring.view(from, n))).as(at)
                                    .containsExactly(slice(model, from, n));
                        }
                    }
                }
                assertThat(get(ring, low, (int) (high - low))).as(at).containsExactly(slice(model, low, (int) (high - low)));
                assertThat(ring.capacity()).as(at).isGreaterThanOrEqualTo(lastCapacity).isLessThanOrEqualTo(limit);
                lastCapacity = ring.capacity();
            }
        }
    }

    private static byte[] get(ByteRing ring, long offset, int length) {
        ByteBuffer dst = ByteBuffer.allocate(length);
        ring.get(offset, dst, length);
        return dst.array();
    }

    private static byte[] content(ByteBuffer view) {
        byte[] b = new byte[view.remaining()];
        view.duplicate().get(b);
        return b;
    }

    private static byte[] slice(byte[] model, long from, int length) {
        byte[] b = new byte[length];
        System.arraycopy(model, (int) from, b, 0, length);
        return b;
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
