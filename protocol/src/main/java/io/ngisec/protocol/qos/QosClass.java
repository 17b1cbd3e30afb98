package io.ngisec.protocol.qos;

import java.util.Optional;

/**
 * The traffic classes of NGISec, each with its code in the clear record header and the DiffServ
 * code point its packets carry in the IP header. Declared from lowest to highest priority: a
 * ticket's "highest allowed class" compares by {@link #atMost(QosClass)}.
 */
public enum QosClass {
    /** Anything without a stated need. CS0 (RFC 2474). */
    BEST_EFFORT(0, 0),
    /** File transfers: throughput, no latency target. AF11 (RFC 2597, RFC 4594 "high-throughput data"). */
    BULK(1, 10),
    /** Chat and interactive control of the user's own actions. AF21 (RFC 4594 "low-latency data"). */
    INTERACTIVE(2, 18),
    /**
     * Session control: keepalives, path validation, acknowledgements. AF31. Not CS6: networks
     * commonly police or re-mark CS6 from end hosts because it is reserved for routing protocols.
     */
    CONTROL(3, 26),
    /** Voice frames. EF (RFC 3246, RFC 4594 "telephony"). */
    VOICE(4, 46);

    private static final QosClass[] BY_CODE = values();

    private final int code;
    private final int dscp;

    QosClass(int code, int dscp) {
        this.code = code;
        this.dscp = dscp;
    }

    /** The 3-bit value carried in the record header. */
    public int code() {
        return code;
    }

    /** The 6-bit DiffServ code point set on the packets of this class. */
    public int dscp() {
        return dscp;
    }

    /** The IPv4 TOS / IPv6 traffic-class byte for this class (DSCP in the upper six bits, ECN bits clear). */
    public int trafficClassByte() {
        return dscp << 2;
    }

    /** Whether this class is allowed where {@code ceiling} is the highest class allowed. */
    public boolean atMost(QosClass ceiling) {
        return code <= ceiling.code;
    }

    /** The class with this header code, or empty for a code no class has. */
    public static Optional<QosClass> fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }
}
