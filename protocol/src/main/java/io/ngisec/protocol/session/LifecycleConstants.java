package io.ngisec.protocol.session;

/**
 * Specification constants of the session lifecycle (section 13.8 of the spec): CLOSE, draining,
 * idle timeout and PLPMTUD. Times in nanoseconds or PTOs, sizes in bytes. The tunables are in
 * {@link LifecycleConfig}.
 */
public final class LifecycleConstants {

    /** Longest reason a CLOSE carries, in UTF-8 bytes: enough for a log line, short enough for any packet. */
    public static final int MAX_CLOSE_REASON_BYTES = 100;

    /** Longest CLOSE payload: code, application code and reason length at 8 bytes each, and the reason. */
    public static final int MAX_CLOSE_PAYLOAD_BYTES = 3 * 8 + MAX_CLOSE_REASON_BYTES;

    /** How long a closer keeps answering the peer's packets with its CLOSE: 3 PTOs, as QUIC's closing state. */
    public static final int DRAIN_PTOS = 3;

    /** The idle timeout is never shorter than this many PTOs, so a few lost probes cannot end a live session (RFC 9000 10.1). */
    public static final int MIN_IDLE_PTOS = 3;

    /**
     * Authenticated packets dropped for malformed frames, an ACK of a packet never sent, or an
     * unknown stream, after which the session closes with PROTOCOL_VIOLATION. Flow-control and
     * final-size violations close it at the first.
     */
    public static final int MAX_PEER_VIOLATIONS = 3;

    /** Probes of one size lost in a row before the size is taken to fail (RFC 8899 MAX_PROBES). */
    public static final int MAX_PROBES = 3;

    /** The search stops once the largest size that worked and the smallest that failed are this close. */
    public static final int SEARCH_GRANULARITY_BYTES = 8;

    /**
     * Signs that packets above the base no longer get through (a lost one sent after the last
     * acknowledged one, or a PTO with one outstanding), with no such packet acknowledged in
     * between, after which the PMTU falls back to the base.
     */
    public static final int BLACK_HOLE_SIGNS = 3;

    private LifecycleConstants() {
    }
}
