package io.ngisec.protocol.congestion;

/**
 * A token bucket that spaces packets at the congestion controller's pacing rate: tokens (bytes)
 * accrue at the rate up to a burst size, and a packet may leave once the bucket holds its size.
 * The burst is fixed, or the {@link SendQuantum} of the current rate. Starts full. Not thread-safe.
 */
public final class Pacer {

    private final long fixedBurstBytes;
    private final int maxDatagramBytes;
    private double tokens;
    private long lastUpdate;
    private boolean started;

    private Pacer(long fixedBurstBytes, int maxDatagramBytes, long initialTokens) {
        this.fixedBurstBytes = fixedBurstBytes;
        this.maxDatagramBytes = maxDatagramBytes;
        this.tokens = initialTokens;
    }

    /** A pacer letting at most {@code burstBytes} leave back to back. */
    public Pacer(long burstBytes) {
        this(requirePositive(burstBytes), 0, burstBytes);
    }

    /** A pacer whose burst is the {@link SendQuantum} of the rate, for packets of {@code maxDatagramBytes}. */
    public static Pacer withSendQuantum(int maxDatagramBytes) {
        requirePositive(maxDatagramBytes);
        return new Pacer(0, maxDatagramBytes, (long) SendQuantum.MIN_PACKETS * maxDatagramBytes);
    }

    private static long requirePositive(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("burst must be positive");
        }
        return bytes;
    }

    private long burstBytes(double rate) {
        return fixedBurstBytes > 0 ? fixedBurstBytes : SendQuantum.bytes(rate, maxDatagramBytes);
    }

    /**
     * The earliest time, at or after {@code nowNanos}, at which a packet of {@code bytes} may go
     * out at {@code rateBytesPerSecond}. Changes nothing.
     */
    public long nextSendTime(long nowNanos, int bytes, double rateBytesPerSecond) {
        double available = tokensAt(nowNanos, rateBytesPerSecond);
        double needed = Math.min(bytes, burstBytes(rateBytesPerSecond));
        if (available >= needed) {
            return nowNanos;
        }
        if (rateBytesPerSecond <= 0) {
            return Long.MAX_VALUE;
        }
        return nowNanos + (long) Math.ceil((needed - available) * 1e9 / rateBytesPerSecond);
    }

    /** Takes {@code bytes} out of the bucket for a packet sent at {@code nowNanos}; may go negative. */
    public void onPacketSent(long nowNanos, int bytes, double rateBytesPerSecond) {
        tokens = tokensAt(nowNanos, rateBytesPerSecond) - bytes;
        lastUpdate = nowNanos;
        started = true;
    }

    private double tokensAt(long nowNanos, double rate) {
        if (!started) {
            return tokens;
        }
        long elapsed = Math.max(0, nowNanos - lastUpdate);
        return Math.min(burstBytes(rate), tokens + rate * elapsed / 1e9);
    }
}
