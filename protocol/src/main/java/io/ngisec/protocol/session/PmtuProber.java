package io.ngisec.protocol.session;

/**
 * Datagram packetization-layer PMTU discovery after RFC 8899 (section 13.8 of the spec), as a
 * state machine fed with what the session sends, what is acknowledged and what is lost; it sends
 * nothing itself and reads no clock.
 *
 * <p>States: BASE (only the base size is used; waits for an ACK of a packet sent in this state,
 * which confirms the path carries it), SEARCHING (one probe at a time: first the ceiling, then a
 * binary search between the largest size acknowledged and the smallest that failed; a size fails
 * after {@link LifecycleConstants#MAX_PROBES} lost probes in a row; ends once the two are within
 * {@link LifecycleConstants#SEARCH_GRANULARITY_BYTES}), SEARCH_COMPLETE (searches again after the
 * raise interval, if the PMTU is below the ceiling) and DISABLED (ceiling equals base).
 *
 * <p>A probe is any packet larger than the current PMTU (the session sends nothing else above it);
 * an acknowledged probe raises the PMTU to its size at once. Black holes: a lost packet above the
 * base sent after the last acknowledged one, or a PTO while such a packet is outstanding, is a sign
 * that the PMTU no longer holds; {@link LifecycleConstants#BLACK_HOLE_SIGNS} signs with no packet
 * above the base acknowledged in between send the PMTU back to the base (state BASE), and the
 * search starts again once the base is confirmed. Random loss does not look like this: the packets
 * above the base sent after a lost one keep being acknowledged. Lost probes are never signs.
 *
 * <p>Sizes are whole datagrams, header and tag included. Not thread safe: the session's thread owns it.
 */
final class PmtuProber {

    /** RFC 8899's states, less ERROR: the base is taken to hold (the handshake crossed the path at it). */
    enum State { DISABLED, BASE, SEARCHING, SEARCH_COMPLETE }

    private final int base;
    private final int max;
    private final long raiseIntervalNanos;
    private final SessionCounters counters;

    private State state;
    private int pmtu;
    private int low;
    private int high;
    private int probeSize;
    private int probeLosses;
    private long probePacketNumber = -1;
    private long raiseAtNanos = Long.MAX_VALUE;
    private long largestSent = -1;
    private long epochStart;
    private long largestSentLarge = -1;
    private long largestAckedLarge = -1;
    private int blackHoleSigns;

    /** A prober between {@code base} and {@code max} bytes, counting probes and black holes in {@code counters}. */
    PmtuProber(int base, int max, long raiseIntervalNanos, SessionCounters counters) {
        if (base < 1 || max < base) {
            throw new IllegalArgumentException("PMTU bounds " + base + ".." + max);
        }
        this.base = base;
        this.max = max;
        this.raiseIntervalNanos = raiseIntervalNanos;
        this.counters = counters;
        this.state = max > base ? State.BASE : State.DISABLED;
        this.pmtu = base;
    }

    /** The largest datagram the session may send now (not counting probes). */
    int pmtu() {
        return pmtu;
    }

    State state() {
        return state;
    }

    /** The size of the probe to send at {@code nowNanos}, or 0 if none is due (one is already out, or no search). */
    int probeSizeDue(long nowNanos) {
        if (state == State.SEARCH_COMPLETE && nowNanos >= raiseAtNanos) {
            startSearch(nowNanos);
        }
        return state == State.SEARCHING && probePacketNumber < 0 ? probeSize : 0;
    }

    /** Whether a probe is due now (no side effect; the raise timer is {@link #raiseAtNanos()}). */
    boolean probeWaiting() {
        return state == State.SEARCHING && probePacketNumber < 0;
    }

    /** When a search starts again without anything arriving (the raise timer), or {@link Long#MAX_VALUE}. */
    long raiseAtNanos() {
        return state == State.SEARCH_COMPLETE ? raiseAtNanos : Long.MAX_VALUE;
    }

    /** Packet {@code packetNumber} of {@code bytes} was sent; one above the PMTU is the probe. */
    void onPacketSent(long packetNumber, int bytes) {
        largestSent = packetNumber;
        if (bytes > pmtu && state == State.SEARCHING) {
            probePacketNumber = packetNumber;
            counters.pmtuProbesSent++;
        } else if (bytes > base) {
            largestSentLarge = packetNumber;
        }
    }

    /** Whether {@code packetNumber} is the probe in flight (its loss is not congestion). */
    boolean isProbe(long packetNumber) {
        return packetNumber >= 0 && packetNumber == probePacketNumber;
    }

    /** Packet {@code packetNumber} of {@code bytes} was acknowledged at {@code nowNanos}. */
    void onAcked(long packetNumber, int bytes, long nowNanos) {
        if (bytes > base && packetNumber > largestAckedLarge) {
            largestAckedLarge = packetNumber;
            blackHoleSigns = 0;
        }
        if (isProbe(packetNumber)) {
            probePacketNumber = -1;
            probeLosses = 0;
            low = bytes;
            pmtu = Math.max(pmtu, bytes);
            nextProbe(nowNanos);
        } else if (state == State.BASE && packetNumber >= epochStart) {
            startSearch(nowNanos);
        }
    }

    /** Packet {@code packetNumber} of {@code bytes} was declared lost; returns whether it was the probe. */
    boolean onLost(long packetNumber, int bytes, long nowNanos) {
        if (isProbe(packetNumber)) {
            probePacketNumber = -1;
            counters.pmtuProbesLost++;
            if (++probeLosses >= LifecycleConstants.MAX_PROBES) {
                probeLosses = 0;
                high = probeSize - 1;
                nextProbe(nowNanos);
            }
            return true;
        }
        if (bytes > base && packetNumber >= epochStart && packetNumber > largestAckedLarge) {
            blackHoleSign();
        }
        return false;
    }

    /** The probe timeout fired: a sign of a black hole if a packet above the base is outstanding. */
    void onProbeTimeout() {
        if (largestSentLarge >= epochStart && largestSentLarge > largestAckedLarge) {
            blackHoleSign();
        }
    }

    /** The session moved to another path: back to the base, and search that path once it carries it. */
    void onPathChanged() {
        fallBack();
    }

    private void blackHoleSign() {
        if (pmtu > base && ++blackHoleSigns >= LifecycleConstants.BLACK_HOLE_SIGNS) {
            counters.pmtuBlackHoles++;
            fallBack();
        }
    }

    private void fallBack() {
        if (state == State.DISABLED) {
            return;
        }
        state = State.BASE;
        pmtu = base;
        probePacketNumber = -1;
        probeLosses = 0;
        blackHoleSigns = 0;
        // Packets already sent were sized for the old PMTU: their loss says nothing about the new one.
        epochStart = largestSent + 1;
    }

    private void startSearch(long nowNanos) {
        state = State.SEARCHING;
        low = pmtu;
        high = max;
        probeSize = max; // most paths carry the ceiling: one probe confirms it
        probeLosses = 0;
        if (pmtu >= max) {
            complete(nowNanos);
        }
    }

    private void nextProbe(long nowNanos) {
        if (high - low < LifecycleConstants.SEARCH_GRANULARITY_BYTES) {
            complete(nowNanos);
        } else {
            probeSize = low + (high - low + 1) / 2;
        }
    }

    private void complete(long nowNanos) {
        state = State.SEARCH_COMPLETE;
        raiseAtNanos = pmtu < max && raiseIntervalNanos <= Long.MAX_VALUE - nowNanos
                ? nowNanos + raiseIntervalNanos : Long.MAX_VALUE;
    }
}
