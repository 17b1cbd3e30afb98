package io.ngisec.protocol.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What fuzz tests rely on: replayable sequences, inclusive ranges that hit their ends, edits that change lengths. */
class FuzzInputsTest {

    @Test
    void theSameNameReplaysTheSameInputs() {
        FuzzInputs a = new FuzzInputs("replay");
        FuzzInputs b = new FuzzInputs("replay");
        byte[] genuine = {1, 2, 3, 4, 5, 6, 7, 8};
        for (int i = 0; i < 100; i++) {
            assertThat(a.next(genuine, 40)).isEqualTo(b.next(genuine, 40));
            assertThat(a.edit(genuine)).isEqualTo(b.edit(genuine));
            assertThat(a.anyLong()).isEqualTo(b.anyLong());
        }
    }

    @Test
    void rangesAreInclusiveAndHitBothEnds() {
        FuzzInputs inputs = new FuzzInputs("ranges");
        Set<Integer> ints = new HashSet<>();
        Set<Long> tops = new HashSet<>();
        Set<Long> wholeRange = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            ints.add(inputs.intBetween(-2, 2));
            tops.add(inputs.longBetween(Long.MAX_VALUE - 1, Long.MAX_VALUE));
            wholeRange.add(inputs.longBetween(Long.MIN_VALUE, Long.MAX_VALUE));
        }
        assertThat(ints).containsExactlyInAnyOrder(-2, -1, 0, 1, 2);
        assertThat(tops).containsExactlyInAnyOrder(Long.MAX_VALUE - 1, Long.MAX_VALUE);
        assertThat(wholeRange).contains(Long.MIN_VALUE, Long.MAX_VALUE).hasSizeGreaterThan(1_000);
        assertThatThrownBy(() -> inputs.longBetween(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anyLongIncludesTheEdgesAndOneOfEveryConstant() {
        FuzzInputs inputs = new FuzzInputs("values");
        Set<Long> longs = new HashSet<>();
        Set<TimeUnit> units = EnumSet.noneOf(TimeUnit.class);
        for (int i = 0; i < 2_000; i++) {
            longs.add(inputs.anyLong());
            units.add(inputs.oneOf(TimeUnit.class));
        }
        assertThat(longs).contains(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE).hasSizeGreaterThan(1_000);
        assertThat(units).containsExactlyInAnyOrder(TimeUnit.values());
    }

    @Test
    void editsChangeLengthsAsWellAsBytes() {
        FuzzInputs inputs = new FuzzInputs("edits");
        byte[] genuine = new byte[32];
        Set<Integer> lengths = new HashSet<>();
        int changed = 0;
        for (int i = 0; i < 1_000; i++) {
            byte[] edited = inputs.edit(genuine);
            lengths.add(edited.length);
            changed += Arrays.equals(edited, genuine) ? 0 : 1;
        }
        assertThat(lengths).contains(31, 32, 33).anyMatch(n -> n < 16);
        assertThat(changed).isGreaterThan(950);
        assertThat(inputs.bytes(7)).hasSize(7);
    }
}
