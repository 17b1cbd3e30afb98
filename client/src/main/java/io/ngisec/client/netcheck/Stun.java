package io.ngisec.client.netcheck;

/** Constants of the STUN (RFC 8489) and TURN (RFC 8656) specifications that netcheck uses. */
final class Stun {

    private Stun() {
    }

    /** Bytes of the message header: type, length, magic cookie, transaction id. */
    static final int HEADER_BYTES = 20;
    static final int MAGIC_COOKIE = 0x2112A442;
    static final int TRANSACTION_ID_BYTES = 12;
    /** RFC 8489 section 6.1: the largest message a UDP agent must accept (path MTU of IPv6, minus headers). */
    static final int MAX_UDP_MESSAGE_BYTES = 1280;

    // Message types: method plus class bits (RFC 8489 section 5).
    static final int BINDING_REQUEST = 0x0001;
    static final int BINDING_SUCCESS = 0x0101;
    static final int ALLOCATE_REQUEST = 0x0003;
    static final int ALLOCATE_SUCCESS = 0x0103;
    static final int ALLOCATE_ERROR = 0x0113;
    static final int REFRESH_REQUEST = 0x0004;
    static final int REFRESH_SUCCESS = 0x0104;
    static final int REFRESH_ERROR = 0x0114;

    // Attribute types (RFC 8489 section 18.3, RFC 8656 section 18).
    static final int MAPPED_ADDRESS = 0x0001;
    static final int USERNAME = 0x0006;
    static final int MESSAGE_INTEGRITY = 0x0008;
    static final int ERROR_CODE = 0x0009;
    static final int LIFETIME = 0x000D;
    static final int REALM = 0x0014;
    static final int NONCE = 0x0015;
    static final int XOR_RELAYED_ADDRESS = 0x0016;
    static final int REQUESTED_TRANSPORT = 0x0019;
    static final int XOR_MAPPED_ADDRESS = 0x0020;
    static final int SOFTWARE = 0x8022;
    static final int FINGERPRINT = 0x8028;

    /** Bytes of MESSAGE-INTEGRITY's value: an HMAC-SHA1. */
    static final int HMAC_SHA1_BYTES = 20;
    /** FINGERPRINT is the CRC-32 of the message before it, XORed with this ("STUN"). */
    static final int FINGERPRINT_XOR = 0x5354554E;

    /** Error codes a TURN client acts on. */
    static final int UNAUTHORIZED = 401;
    static final int STALE_NONCE = 438;

    /** REQUESTED-TRANSPORT's protocol number for UDP. */
    static final int PROTOCOL_UDP = 17;

    // Address families of (XOR-)MAPPED-ADDRESS.
    static final int FAMILY_IPV4 = 0x01;
    static final int FAMILY_IPV6 = 0x02;
}
