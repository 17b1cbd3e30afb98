package io.ngisec.protocol.congestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The packet numbers a receiver has seen, as disjoint ranges: what its ACKs are built from. Keeps
 * the newest {@code maxRanges} ranges and forgets the lowest beyond that (they were acknowledged
 * before; a sender that missed those ACKs learns again or retransmits). Not thread safe.
 */
public final class ReceivedPacketNumbers {

    /** Makes one range of the caller's type from its lowest and highest packet number. */
    @FunctionalInterface
    public interface RangeFactory<T> {
        T of(long low, long high);
    }

    private final int maxRanges;
    private final NavigableMap<Long, Long> ranges = new TreeMap<>(); // low -> high

    public ReceivedPacketNumbers(int maxRanges) {
        if (maxRanges < 1) {
            throw new IllegalArgumentException("must keep at least one range");
        }
        this.maxRanges = maxRanges;
    }

    /** Records {@code packetNumber}; false if it was recorded already (a duplicate). */
    public boolean add(long packetNumber) {
        Map.Entry<Long, Long> below = ranges.floorEntry(packetNumber);
        if (below != null && below.getValue() >= packetNumber) {
            return false;
        }
        long low = packetNumber;
        long high = packetNumber;
        if (below != null && below.getValue() == packetNumber - 1) {
            low = below.getKey();
        }
        Long aboveHigh = ranges.remove(packetNumber + 1);
        if (aboveHigh != null) {
            high = aboveHigh;
        }
        ranges.put(low, high);
        while (ranges.size() > maxRanges) {
            ranges.pollFirstEntry();
        }
        return true;
    }

    /** The newest {@code max} ranges at most, highest first, made by {@code factory}. */
    public <T> List<T> newest(int max, RangeFactory<T> factory) {
        List<T> out = new ArrayList<>(Math.min(max, ranges.size()));
        for (Map.Entry<Long, Long> e : ranges.descendingMap().entrySet()) {
            if (out.size() == max) {
                break;
            }
            out.add(factory.of(e.getKey(), e.getValue()));
        }
        return out;
    }
}
