package io.ngisec.protocol;

/** Names and numbers that identify this version of the NGISec protocol on the wire and to users. */
public final class ProtocolInfo {

    /** Version carried in every record header; a peer drops records of any other version. */
    public static final int WIRE_VERSION = 1;

    /** The Noise protocol every NGISec handshake runs (docs/protocol.md, "Handshake"). */
    public static final String HANDSHAKE_PROTOCOL = "Noise_XX_25519_AESGCM_SHA256";

    /** The AEAD that seals records after the handshake. */
    public static final String RECORD_CIPHER = "AES-256-GCM";

    private ProtocolInfo() {
    }
}
