package io.ngisec.protocol.session;

import io.ngisec.protocol.record.Limits;
import java.util.List;

/**
 * Tunables of a {@link SessionCore} (not spec constants): datagram size, acknowledgement policy,
 * stream buffers, the streams themselves and the lifecycle (idle timeout, keepalive, PLPMTUD).
 * Both peers must use the same {@code streams} and {@code streamWindow}: each side's send credit
 * starts at the window the other side advertises.
 *
 * @param maxDatagramBytes the base datagram size, record header and tag included: every packet fits it
 *     until PLPMTUD confirms more, up to {@link LifecycleConfig#maxPmtuBytes()}
 * @param maxAckDelayNanos longest an ack-eliciting packet waits for its acknowledgement
 * @param ackElicitingThreshold acknowledge at once after this many ack-eliciting packets
 * @param streamWindow receive window per stream, bytes (also the peer's initial send credit)
 * @param sendBufferBytes send buffer per stream, bytes (unacknowledged data it can hold)
 * @param maxQueuedDatagrams real-time datagrams held each way before the oldest is dropped
 * @param streams the reliable streams, at least one
 * @param lifecycle idle timeout, keepalive and PLPMTUD tunables
 */
public record SessionConfig(int maxDatagramBytes, long maxAckDelayNanos, int ackElicitingThreshold,
        int streamWindow, int sendBufferBytes, int maxQueuedDatagrams, List<StreamConfig> streams,
        LifecycleConfig lifecycle) {

    /** 1200 bytes: fits every IPv6 path (the QUIC minimum) without PMTU discovery. */
    public static final int DEFAULT_MAX_DATAGRAM_BYTES = 1200;
    /** 25 ms, as QUIC's default max_ack_delay. */
    public static final long DEFAULT_MAX_ACK_DELAY_NANOS = 25_000_000L;

    /** Refuses sizes that leave no room for frames, and no or duplicate streams. */
    public SessionConfig {
        if (maxDatagramBytes < Limits.OVERHEAD_BYTES + 64 || maxDatagramBytes > Limits.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("max datagram " + maxDatagramBytes);
        }
        if (maxAckDelayNanos <= 0 || ackElicitingThreshold < 1 || streamWindow < 1 || sendBufferBytes < 1
                || maxQueuedDatagrams < 1) {
            throw new IllegalArgumentException("non-positive tunable");
        }
        streams = List.copyOf(streams);
        if (streams.isEmpty() || streams.stream().map(StreamConfig::streamId).distinct().count() != streams.size()) {
            throw new IllegalArgumentException("streams: " + streams);
        }
        if (lifecycle.maxPmtuBytes() < maxDatagramBytes || lifecycle.maxPmtuBytes() > Limits.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("max PMTU " + lifecycle.maxPmtuBytes() + ", base " + maxDatagramBytes);
        }
    }

    /**
     * Defaults (1200-byte datagrams, ack every 2 packets or 25 ms, 1 MiB windows, the lifecycle's
     * {@link LifecycleConfig#DEFAULT}) for {@code streams}.
     */
    public static SessionConfig defaults(List<StreamConfig> streams) {
        return new SessionConfig(DEFAULT_MAX_DATAGRAM_BYTES, DEFAULT_MAX_ACK_DELAY_NANOS, 2,
                1 << 20, 2 << 20, 64, streams, LifecycleConfig.DEFAULT);
    }

    /** Defaults with one bulk stream, id 0. */
    public static SessionConfig defaults() {
        return defaults(List.of(StreamConfig.bulk(0)));
    }

    /** The same configuration with another stream window and send buffer. */
    public SessionConfig withBuffers(int window, int sendBuffer) {
        return new SessionConfig(maxDatagramBytes, maxAckDelayNanos, ackElicitingThreshold, window, sendBuffer,
                maxQueuedDatagrams, streams, lifecycle);
    }

    /** The same configuration with other lifecycle tunables. */
    public SessionConfig withLifecycle(LifecycleConfig lifecycle) {
        return new SessionConfig(maxDatagramBytes, maxAckDelayNanos, ackElicitingThreshold, streamWindow,
                sendBufferBytes, maxQueuedDatagrams, streams, lifecycle);
    }
}
