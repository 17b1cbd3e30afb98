package io.ngisec.protocol.handshake;

/**
 * Payload of message 1 (INIT). Sent in clear but hashed into the Noise transcript, so messages 2
 * and 3 authenticate it; it carries nothing that identifies anyone.
 */
record InitPayload(long initiatorConnectionId) {

    static final int VERSION = 1;

    byte[] encode() {
        return new PayloadWriter(9).u8(VERSION).u64(initiatorConnectionId).toByteArray();
    }

    static InitPayload parse(byte[] payload) throws HandshakeFailure {
        PayloadReader in = new PayloadReader(payload);
        in.expectVersion(VERSION);
        InitPayload parsed = new InitPayload(in.u64());
        in.expectEnd();
        return parsed;
    }
}
