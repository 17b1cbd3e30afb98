package io.ngisec.protocol.record;

import java.util.Optional;

/** The kind of an NGISec packet, carried in the low four bits of the first header byte. */
public enum PacketType {
    /** First handshake message; its receiver connection id and packet number are zero. */
    HANDSHAKE_INIT(1),
    /** Second handshake message. */
    HANDSHAKE_RESPONSE(2),
    /** Third handshake message. */
    HANDSHAKE_FINISH(3),
    /** Application data sealed with the session's traffic keys. */
    DATA(4),
    /** The sender ends the session; sealed like data. */
    CLOSE(5);

    // Indexed by the 4-bit code; null where the code is reserved.
    private static final PacketType[] BY_CODE = new PacketType[16];

    static {
        for (PacketType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    PacketType(int code) {
        this.code = code;
    }

    /** The 4-bit value carried in the header. */
    public int code() {
        return code;
    }

    /** Whether packets of this type are sealed by the record layer (rather than by the handshake). */
    public boolean isRecord() {
        return this == DATA || this == CLOSE;
    }

    /** The type with this code, or empty for a reserved code. */
    public static Optional<PacketType> fromCode(int code) {
        return Optional.ofNullable(byCode(code));
    }

    // Allocation-free lookup for the receive path; null for reserved or out-of-range codes.
    static PacketType byCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
