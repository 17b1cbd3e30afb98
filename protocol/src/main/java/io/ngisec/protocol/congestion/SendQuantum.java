package io.ngisec.protocol.congestion;

/**
 * How many bytes may leave back to back at a pacing rate: about one millisecond's worth, at least
 * two packets and at most 64 KiB (as Linux sizes TSO bursts for pacing). A sender wakes up about
 * once per quantum, so fast paths are not held to the rate at which a thread can be woken, and
 * BBR keeps a few quanta of window beyond the bandwidth-delay product so bursts do not starve it.
 */
public final class SendQuantum {

    /** The time a quantum lasts at the pacing rate. */
    public static final long QUANTUM_NANOS = 1_000_000L;
    /** The largest quantum, bytes. */
    public static final long MAX_BYTES = 64 * 1024;
    /** The smallest quantum, in packets. */
    public static final int MIN_PACKETS = 2;

    private SendQuantum() {
    }

    /** The quantum at {@code rateBytesPerSecond} for packets of {@code maxDatagramBytes}. */
    public static long bytes(double rateBytesPerSecond, int maxDatagramBytes) {
        long min = (long) MIN_PACKETS * maxDatagramBytes;
        long byRate = (long) (rateBytesPerSecond * QUANTUM_NANOS / 1e9);
        return Math.max(min, Math.min(MAX_BYTES, byRate));
    }
}
