package io.ngisec.protocol.transport;

/**
 * Limits on a peer's ICE description. Lengths and ranges marked RFC come from RFC 8445 section 5.3
 * and RFC 8839 section 5.1; the others are ours, sized so that a hostile description costs little.
 */
final class DescriptionLimits {

    /** RFC: ice-ufrag is 4 to 256 ice-chars. */
    static final int UFRAG_MIN_CHARS = 4;
    static final int UFRAG_MAX_CHARS = 256;
    /** RFC: ice-pwd is 22 to 256 ice-chars. */
    static final int PWD_MIN_CHARS = 22;
    static final int PWD_MAX_CHARS = 256;
    /** RFC: foundation is 1 to 32 ice-chars. */
    static final int FOUNDATION_MAX_CHARS = 32;
    /** RFC: component-id is 1 to 256. */
    static final int COMPONENT_MAX = 256;
    /** RFC: priority is a positive 32-bit unsigned integer. */
    static final long PRIORITY_MAX = 0xFFFF_FFFFL;

    /** Ours: a host with a few interfaces, STUN and TURN, both address families, stays well below. */
    static final int MAX_CANDIDATES = 64;
    /** Ours: a full description of {@link #MAX_CANDIDATES} candidates is under 8 KiB. */
    static final int MAX_DESCRIPTION_CHARS = 16 * 1024;
    /** Ours: the longest candidate line (IPv6 address and related address) is about 130 chars. */
    static final int MAX_CANDIDATE_CHARS = 256;

    private DescriptionLimits() {}
}
