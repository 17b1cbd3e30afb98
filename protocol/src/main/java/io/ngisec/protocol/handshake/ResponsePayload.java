package io.ngisec.protocol.handshake;

/** Payload of message 2 (RESPONSE), encrypted: the responder's connection id and certificate. */
record ResponsePayload(long responderConnectionId, byte[] certificate) {

    static final int VERSION = 1;

    byte[] encode() {
        return new PayloadWriter(1 + 8 + 2 + certificate.length)
                .u8(VERSION).u64(responderConnectionId).lengthPrefixed(certificate).toByteArray();
    }

    static ResponsePayload parse(byte[] payload) throws HandshakeFailure {
        PayloadReader in = new PayloadReader(payload);
        in.expectVersion(VERSION);
        ResponsePayload parsed = new ResponsePayload(in.u64(), in.lengthPrefixed("certificate"));
        in.expectEnd();
        return parsed;
    }
}
