package io.ngisec.protocol.channel.stream;

import java.util.Arrays;

/**
 * A set of stream offsets kept as sorted, disjoint, non-adjacent half-open ranges [start, end):
 * adding merges touching ranges, removing may split one. At most {@code maxRanges} ranges are held;
 * a change that would need more fails with {@link StreamException.Reason#TOO_FRAGMENTED} and leaves
 * the set as it was, so a peer sending every other byte cannot make us allocate without bound.
 * Ranges live in two parallel arrays searched by bisection, grown on demand up to the limit.
 * Not thread safe.
 */
public final class RangeSet {

    private static final int INITIAL_CAPACITY = 8;

    private final int maxRanges;
    private long[] starts;
    private long[] ends;
    private int count;
    private long length;

    /** An empty set that will hold at most {@code maxRanges} (at least 1) disjoint ranges. */
    public RangeSet(int maxRanges) {
        if (maxRanges < 1) {
            throw new IllegalArgumentException("maxRanges must be at least 1: " + maxRanges);
        }
        this.maxRanges = maxRanges;
        int capacity = Math.min(INITIAL_CAPACITY, maxRanges);
        this.starts = new long[capacity];
        this.ends = new long[capacity];
    }

    /** Adds [start, end); an empty range is ignored. Fails only if one more range would exceed the limit. */
    public void add(long start, long end) throws StreamException {
        checkRange(start, end);
        if (start == end) {
            return;
        }
        int first = firstEndingAtOrAfter(start);    // first range touching or after start
        int last = firstStartingAfter(end);          // ranges [first, last) touch [start, end)
        if (first == last) {
            insertAt(first, start, end);
            return;
        }
        long mergedStart = Math.min(start, starts[first]);
        long mergedEnd = Math.max(end, ends[last - 1]);
        for (int i = first; i < last; i++) {
            length -= ends[i] - starts[i];
        }
        starts[first] = mergedStart;
        ends[first] = mergedEnd;
        length += mergedEnd - mergedStart;
        deleteRange(first + 1, last);
    }

    /** Removes [start, end); an empty range is ignored. Fails only if splitting a range would exceed the limit. */
    public void remove(long start, long end) throws StreamException {
        checkRange(start, end);
        if (start == end) {
            return;
        }
        int first = firstEndingAfter(start);        // first range with offsets >= start
        int last = firstStartingAtOrAfter(end);      // ranges [first, last) overlap [start, end)
        if (first == last) {
            return;
        }
        if (first == last - 1 && starts[first] < start && ends[first] > end) {
            long oldEnd = ends[first];
            insertAt(first + 1, end, oldEnd);        // may fail: nothing changed yet
            ends[first] = start;
            length -= oldEnd - start;                // insertAt counted [end, oldEnd) again
            return;
        }
        int deleteFrom = first;
        int deleteTo = last;
        if (starts[first] < start) {
            length -= ends[first] - start;
            ends[first] = start;
            deleteFrom++;
        }
        if (ends[last - 1] > end && last - 1 >= deleteFrom) {
            length -= end - starts[last - 1];
            starts[last - 1] = end;
            deleteTo--;
        }
        for (int i = deleteFrom; i < deleteTo; i++) {
            length -= ends[i] - starts[i];
        }
        deleteRange(deleteFrom, deleteTo);
    }

    /** Removes every offset below {@code offset}; never fails, since cutting off a prefix splits nothing. */
    public void removeBelow(long offset) {
        int keep = firstEndingAfter(offset);
        for (int i = 0; i < keep; i++) {
            length -= ends[i] - starts[i];
        }
        deleteRange(0, keep);
        if (count > 0 && starts[0] < offset) {
            length -= offset - starts[0];
            starts[0] = offset;
        }
    }

    /** Whether {@code offset} is in the set. */
    public boolean contains(long offset) {
        int i = firstEndingAfter(offset);
        return i < count && starts[i] <= offset;
    }

    /** Whether every offset of [start, end) is in the set (true for an empty range). */
    public boolean containsAll(long start, long end) {
        if (start >= end) {
            return true;
        }
        int i = firstEndingAfter(start);
        return i < count && starts[i] <= start && ends[i] >= end;
    }

    /** The smallest offset at or after {@code from} that is not in the set. */
    public long firstGap(long from) {
        int i = firstEndingAfter(from);
        return i < count && starts[i] <= from ? ends[i] : from;
    }

    /** The smallest offset at or after {@code from} that is in the set, or {@link Long#MAX_VALUE} if none. */
    public long nextCovered(long from) {
        int i = firstEndingAfter(from);
        if (i == count) {
            return Long.MAX_VALUE;
        }
        return Math.max(from, starts[i]);
    }

    /** How many disjoint ranges the set holds; ranges are numbered from 0 in increasing order. */
    public int rangeCount() {
        return count;
    }

    /** The start (inclusive) of range {@code index}. */
    public long start(int index) {
        return starts[checkIndex(index)];
    }

    /** The end (exclusive) of range {@code index}. */
    public long end(int index) {
        return ends[checkIndex(index)];
    }

    /** Whether the set holds no offset. */
    public boolean isEmpty() {
        return count == 0;
    }

    /** How many offsets the set holds, summed over its ranges. */
    public long length() {
        return length;
    }

    /** The most ranges this set will hold. */
    public int maxRanges() {
        return maxRanges;
    }

    /** Empties the set; keeps the arrays it has grown. */
    public void clear() {
        count = 0;
        length = 0;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ", ").append('[').append(starts[i]).append(", ").append(ends[i]).append(')');
        }
        return b.append('}').toString();
    }

    private void insertAt(int index, long start, long end) throws StreamException {
        if (count == maxRanges) {
            throw new StreamException(StreamException.Reason.TOO_FRAGMENTED,
                    "more than " + maxRanges + " disjoint ranges");
        }
        if (count == starts.length) {
            int capacity = (int) Math.min((long) starts.length * 2, maxRanges);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
        }
        System.arraycopy(starts, index, starts, index + 1, count - index);
        System.arraycopy(ends, index, ends, index + 1, count - index);
        starts[index] = start;
        ends[index] = end;
        count++;
        length += end - start;
    }

    /** Deletes ranges [from, to) from the arrays, without touching {@link #length}. */
    private void deleteRange(int from, int to) {
        if (from >= to) {
            return;
        }
        System.arraycopy(starts, to, starts, from, count - to);
        System.arraycopy(ends, to, ends, from, count - to);
        count -= to - from;
    }

    /** Index of the first range whose end is >= x (it touches or follows x), or count. */
    private int firstEndingAtOrAfter(long x) {
        return lowerBound(ends, x);
    }

    /** Index of the first range whose end is > x (it holds x or follows it), or count. */
    private int firstEndingAfter(long x) {
        return x == Long.MAX_VALUE ? count : lowerBound(ends, x + 1);
    }

    /** Index of the first range whose start is > x, or count. */
    private int firstStartingAfter(long x) {
        return x == Long.MAX_VALUE ? count : lowerBound(starts, x + 1);
    }

    /** Index of the first range whose start is >= x, or count. */
    private int firstStartingAtOrAfter(long x) {
        return lowerBound(starts, x);
    }

    /** Index of the first of the sorted values[0, count) that is >= x, or count. */
    private int lowerBound(long[] values, long x) {
        int low = 0;
        int high = count;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (values[mid] < x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private int checkIndex(int index) {
        return java.util.Objects.checkIndex(index, count);
    }

    private static void checkRange(long start, long end) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("not a range of offsets: [" + start + ", " + end + ")");
        }
    }
}
