package io.ngisec.protocol.congestion;

/**
 * A token bucket that spaces packets at the congestion controller's pacing rate: tokens (bytes)
 * accrue at the rate up to a burst size, and a packet may leave once the bucket holds its size.
 * Starts full. Not thread-safe.
 */
public final class Pacer {

    private final long burstBytes;
    private double tokens;
    private long lastUpdate;
    private boolean started;

    /** A pacer letting at most {@code burstBytes} leave back to back. */
    public Pacer(long burstBytes) {
        if (burstBytes <= 0) {
            throw new IllegalArgumentException("burst must be positive");
        }
        this.burstBytes = burstBytes;
        this.tokens = burstBytes;
    }

    /**
     * The earliest time, at or after {@code nowNanos}, at which a packet of {@code bytes} may go
     * out at {@code rateBytesPerSecond}. Changes nothing.
     */
    public long nextSendTime(long nowNanos, int bytes, double rateBytesPerSecond) {
        double available = tokensAt(nowNanos, rateBytesPerSecond);
        double needed = Math.min(bytes, burstBytes);
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
        return Math.min(burstBytes, tokens + rate * elapsed / 1e9);
    }
}
