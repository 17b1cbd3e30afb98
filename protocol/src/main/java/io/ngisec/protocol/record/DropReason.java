package io.ngisec.protocol.record;

/** Why {@link RecordOpener} dropped a received packet; every drop is counted under one of these. */
public enum DropReason {
    /** Shorter than header plus tag, or the header is not well formed (reserved bits, unknown codes). */
    MALFORMED,
    /** Header version is not {@link io.ngisec.protocol.ProtocolInfo#WIRE_VERSION}. */
    WRONG_VERSION,
    /** A handshake packet reached an established session's record layer. */
    UNEXPECTED_TYPE,
    /** Receiver connection id is not this session's. */
    UNKNOWN_CONNECTION,
    /** Packet number above {@link Limits#MAX_PACKET_NUMBER}. */
    KEY_EXHAUSTED,
    /** Packet number already received. */
    REPLAY,
    /** Packet number too far behind the highest received to be checked for replay. */
    TOO_OLD,
    /** Sent under a key phase whose keys this side no longer (or never) holds. */
    NO_KEY,
    /** Tag did not verify: forged, corrupted, or sealed with other keys. */
    AUTH_FAILED,
    /** The caller's plaintext buffer has less room than the payload. */
    OUTPUT_TOO_SMALL,
    /** The record layer was closed. */
    CLOSED,
    /** Authenticated, but above the QoS class the session's ticket allows for its service. */
    POLICY
}
