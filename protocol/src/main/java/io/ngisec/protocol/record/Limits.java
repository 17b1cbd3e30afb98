package io.ngisec.protocol.record;

/**
 * Fixed numbers of the NGISec record format and its hard security limits (sizes in bytes, times
 * in nanoseconds). These are part of the protocol, not tunables: see {@link RekeyPolicy} for what
 * an implementation may choose.
 */
public final class Limits {

    /** Length of the clear header that starts every record and is authenticated as associated data. */
    public static final int HEADER_BYTES = 20;

    /** Length of the AES-GCM authentication tag that ends every sealed record. */
    public static final int TAG_BYTES = 16;

    /** Bytes a sealed record adds to its payload. */
    public static final int OVERHEAD_BYTES = HEADER_BYTES + TAG_BYTES;

    /**
     * Largest payload of one record: what fits a maximal UDP datagram (65,507 bytes over IPv4)
     * with header and tag.
     */
    public static final int MAX_PAYLOAD_BYTES = 65_507 - OVERHEAD_BYTES;

    /** Length of a traffic secret and of the AES-256 key derived from it. */
    public static final int SECRET_BYTES = 32;

    /** Length of the AES-GCM nonce: four zero bytes followed by the 8-byte packet number. */
    public static final int NONCE_BYTES = 12;

    /**
     * Largest packet number a record may carry, in either direction. Far out of reach (2^62 records
     * at 10^8 per second take over 1,400 years), and low enough that packet-number arithmetic
     * never overflows a signed 64-bit integer. A sender stops here; a receiver drops anything above.
     */
    public static final long MAX_PACKET_NUMBER = (1L << 62) - 1;

    /**
     * Most records one AES-256-GCM key may seal: the confidentiality limit of RFC 9001, section 6.6
     * (2^23 full-size packets). A sender must move to the next key phase before reaching it.
     */
    public static final long MAX_RECORDS_PER_KEY = 1L << 23;

    /** Longest a sender may use one key phase before moving on (nanoseconds; 180 s, as WireGuard's RejectAfterTime). */
    public static final long MAX_KEY_AGE_NANOS = 180_000_000_000L;

    private Limits() {
    }
}
