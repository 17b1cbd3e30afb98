package io.ngisec.protocol.channel.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.fuzz.FuzzInputs;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RangeSetTest {

    private final RangeSet set = new RangeSet(16);

    @Test
    void emptySet() {
        assertThat(set.isEmpty()).isTrue();
        assertThat(set.rangeCount()).isZero();
        assertThat(set.length()).isZero();
        assertThat(set.contains(0)).isFalse();
        assertThat(set.firstGap(7)).isEqualTo(7);
        assertThat(set.nextCovered(0)).isEqualTo(Long.MAX_VALUE);
        assertThat(set).hasToString("{}");
    }

    @Test
    void addKeepsRangesSortedAndMergesTouchingOnes() throws StreamException {
        set.add(10, 20);
        set.add(30, 40);
        set.add(0, 5);
        assertThat(set).hasToString("{[0, 5), [10, 20), [30, 40)}");
        set.add(20, 30);                                 // touches both neighbours
        assertThat(set).hasToString("{[0, 5), [10, 40)}");
        set.add(5, 6);                                   // touches the left one only
        assertThat(set).hasToString("{[0, 6), [10, 40)}");
        set.add(12, 15);                                 // already inside
        set.add(7, 7);                                   // empty
        assertThat(set).hasToString("{[0, 6), [10, 40)}");
        set.add(3, 50);                                  // swallows everything from 3
        assertThat(set).hasToString("{[0, 50)}");
        assertThat(set.length()).isEqualTo(50);
    }

    @Test
    void removeTrimsSplitsAndDeletes() throws StreamException {
        set.add(0, 100);
        set.remove(40, 60);
        assertThat(set).hasToString("{[0, 40), [60, 100)}");
        set.remove(0, 10);
        set.remove(90, 200);
        assertThat(set).hasToString("{[10, 40), [60, 90)}");
        set.remove(40, 60);                              // exactly the gap: no change
        assertThat(set).hasToString("{[10, 40), [60, 90)}");
        set.remove(30, 70);                              // trims both
        assertThat(set).hasToString("{[10, 30), [70, 90)}");
        set.remove(0, 1000);
        assertThat(set.isEmpty()).isTrue();
        assertThat(set.length()).isZero();
    }

    @Test
    void removeBelowCutsOffAPrefixEvenWhenFull() throws StreamException {
        RangeSet full = new RangeSet(2);
        full.add(10, 20);
        full.add(30, 40);
        full.removeBelow(15);
        assertThat(full).hasToString("{[15, 20), [30, 40)}");
        full.removeBelow(25);
        assertThat(full).hasToString("{[30, 40)}");
        full.removeBelow(30);
        assertThat(full).hasToString("{[30, 40)}");
        full.removeBelow(100);
        assertThat(full.isEmpty()).isTrue();
        assertThat(full.length()).isZero();
    }

    @Test
    void queries() throws StreamException {
        set.add(10, 20);
        set.add(30, 40);
        assertThat(set.contains(9)).isFalse();
        assertThat(set.contains(10)).isTrue();
        assertThat(set.contains(19)).isTrue();
        assertThat(set.contains(20)).isFalse();
        assertThat(set.containsAll(10, 20)).isTrue();
        assertThat(set.containsAll(15, 31)).isFalse();
        assertThat(set.containsAll(25, 25)).isTrue();
        assertThat(set.firstGap(0)).isZero();
        assertThat(set.firstGap(10)).isEqualTo(20);
        assertThat(set.firstGap(35)).isEqualTo(40);
        assertThat(set.nextCovered(0)).isEqualTo(10);
        assertThat(set.nextCovered(15)).isEqualTo(15);
        assertThat(set.nextCovered(20)).isEqualTo(30);
        assertThat(set.nextCovered(40)).isEqualTo(Long.MAX_VALUE);
        assertThat(set.start(1)).isEqualTo(30);
        assertThat(set.end(1)).isEqualTo(40);
        assertThatThrownBy(() -> set.start(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void worksAtTheTopOfTheOffsetSpace() throws StreamException {
        set.add(Long.MAX_VALUE - 10, Long.MAX_VALUE);
        assertThat(set.contains(Long.MAX_VALUE - 1)).isTrue();
        assertThat(set.firstGap(Long.MAX_VALUE - 10)).isEqualTo(Long.MAX_VALUE);
        set.remove(Long.MAX_VALUE - 5, Long.MAX_VALUE);
        assertThat(set).hasToString("{[" + (Long.MAX_VALUE - 10) + ", " + (Long.MAX_VALUE - 5) + ")}");
    }

    @Test
    void refusesNonRanges() {
        assertThatIllegalArgumentException().isThrownBy(() -> set.add(5, 4));
        assertThatIllegalArgumentException().isThrownBy(() -> set.add(-1, 4));
        assertThatIllegalArgumentException().isThrownBy(() -> set.remove(5, 4));
        assertThatIllegalArgumentException().isThrownBy(() -> new RangeSet(0));
    }

    @Test
    void tooManyRangesFailsAndLeavesTheSetUnchanged() throws StreamException {
        RangeSet small = new RangeSet(3);
        small.add(0, 1);
        small.add(2, 3);
        small.add(4, 5);
        assertThatThrownBy(() -> small.add(6, 7))
                .isInstanceOf(StreamException.class)
                .extracting(e -> ((StreamException) e).reason())
                .isEqualTo(StreamException.Reason.TOO_FRAGMENTED);
        assertThat(small).hasToString("{[0, 1), [2, 3), [4, 5)}");

        small.add(5, 20);                                // no room needed: merges
        assertThat(small).hasToString("{[0, 1), [2, 3), [4, 20)}");
        assertThatThrownBy(() -> small.remove(8, 9))     // would split [4, 20)
                .isInstanceOf(StreamException.class);
        assertThat(small).hasToString("{[0, 1), [2, 3), [4, 20)}");
        assertThat(small.length()).isEqualTo(18);
        small.remove(19, 20);                            // trimming needs no room
        small.add(1, 2);
        small.remove(8, 9);                              // now there is room to split
        assertThat(small).hasToString("{[0, 3), [4, 8), [9, 19)}");
    }

    /** Random adds and removes over a small offset space, checked against a BitSet after each step. */
    @Test
    void agreesWithABitSetModel() throws StreamException {
        FuzzInputs inputs = new FuzzInputs("RangeSetTest.agreesWithABitSetModel");
        SplittableRandom random = inputs.random();
        int space = 300;
        int refusals = 0;
        for (int run = 0; run < 200; run++) {
            int maxRanges = run % 2 == 0 ? space : 4;          // odd runs hit the limit often
            RangeSet ranges = new RangeSet(maxRanges);
            BitSet model = new BitSet(space);
            for (int step = 0; step < 60; step++) {
                int start = random.nextInt(space);
                int end = Math.min(space, start + random.nextInt(1 + random.nextInt(60)));
                int op = random.nextInt(20) == 0 ? 2 : random.nextInt(3) == 0 ? 1 : 0;
                BitSet after = (BitSet) model.clone();
                boolean refused = false;
                try {
                    switch (op) {
                        case 0 -> {
                            after.set(start, end);
                            ranges.add(start, end);
                        }
                        case 1 -> {
                            after.clear(start, end);
                            ranges.remove(start, end);
                        }
                        default -> {
                            after.clear(0, start);
                            ranges.removeBelow(start);
                        }
                    }
                    model = after;
                } catch (StreamException e) {
                    refused = true;
                }
                String context = inputs.describe(run, new byte[0]) + " step " + step + " "
                        + List.of("add", "remove", "removeBelow").get(op) + " [" + start + ", " + end + ") -> " + ranges;
                if (refused) {
                    refusals++;
                    assertThat(rangeCount(after)).as(context).isGreaterThan(maxRanges);
                }
                assertSameAs(model, ranges, space, random, context);
            }
        }
        assertThat(refusals).as("the range limit was reached").isPositive();
    }

    private static int rangeCount(BitSet bits) {
        int count = 0;
        for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(bits.nextClearBit(i))) {
            count++;
        }
        return count;
    }

    private static void assertSameAs(BitSet model, RangeSet ranges, int space, SplittableRandom random,
            String context) {
        assertThat(ranges.length()).as(context).isEqualTo(model.cardinality());
        int expectedCount = 0;
        for (int i = model.nextSetBit(0); i >= 0; i = model.nextSetBit(model.nextClearBit(i))) {
            int end = model.nextClearBit(i);
            assertThat(ranges.start(expectedCount)).as(context).isEqualTo(i);
            assertThat(ranges.end(expectedCount)).as(context).isEqualTo(end);
            expectedCount++;
        }
        assertThat(ranges.rangeCount()).as(context).isEqualTo(expectedCount);
        for (int probe = 0; probe < 8; probe++) {
            int at = random.nextInt(space + 2);
            assertThat(ranges.contains(at)).as(context + " contains " + at).isEqualTo(model.get(at));
            assertThat(ranges.firstGap(at)).as(context + " firstGap " + at).isEqualTo(model.nextClearBit(at));
            int next = model.nextSetBit(at);
            assertThat(ranges.nextCovered(at)).as(context + " nextCovered " + at)
                    .isEqualTo(next < 0 ? Long.MAX_VALUE : next);
            int to = at + random.nextInt(20);
            boolean all = model.get(at, to).cardinality() == to - at;
            assertThat(ranges.containsAll(at, to)).as(context + " containsAll " + at + ".." + to).isEqualTo(all);
        }
    }
}
