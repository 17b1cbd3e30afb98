package io.ngisec.protocol.record;

/**
 * The one failure of this package: a header that does not parse, or a record that cannot be sealed.
 * Received records are never rejected by exception: {@link RecordOpener} reports and counts drops.
 */
public final class RecordException extends Exception {

    /** Why a header was rejected or a record could not be sealed. */
    public enum Reason {
        /** Fewer bytes than a header. */
        TRUNCATED,
        /** Version other than {@link io.ngisec.protocol.ProtocolInfo#WIRE_VERSION}. */
        WRONG_VERSION,
        /** Packet type code is reserved. */
        UNKNOWN_TYPE,
        /** A reserved bit or the reserved flags byte is not zero. */
        RESERVED_BITS_SET,
        /** QoS class code no {@link io.ngisec.protocol.qos.QosClass} has. */
        UNKNOWN_QOS_CLASS,
        /** Service id no {@link io.ngisec.protocol.qos.Service} has. */
        UNKNOWN_SERVICE,
        /** A handshake-init header with a non-zero connection id or packet number. */
        BAD_HANDSHAKE_INIT,
        /** The record layer was closed. */
        CLOSED,
        /** The send direction reached {@link Limits#MAX_PACKET_NUMBER}; the session must end. */
        KEY_EXHAUSTED,
        /** Payload larger than {@link Limits#MAX_PAYLOAD_BYTES}. */
        PAYLOAD_TOO_LARGE,
        /** Output buffer has less room than payload plus {@link Limits#OVERHEAD_BYTES}. */
        OUTPUT_TOO_SMALL,
        /** The session's ticket does not allow this service at this QoS class. */
        POLICY
    }

    private final Reason reason;

    /** A failure for {@code reason}, with a detail message for logs. */
    public RecordException(Reason reason, String message) {
        // No stack trace: parsers raise this for attacker-chosen input, so it must be cheap.
        super(reason + ": " + message, null, false, false);
        this.reason = reason;
    }

    /** Why it failed. */
    public Reason reason() {
        return reason;
    }
}
