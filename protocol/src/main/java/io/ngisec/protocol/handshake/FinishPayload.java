package io.ngisec.protocol.handshake;

/** Payload of message 3 (FINISH), encrypted: the initiator's certificate and its session ticket. */
record FinishPayload(byte[] certificate, byte[] ticket) {

    static final int VERSION = 1;

    byte[] encode() {
        return new PayloadWriter(1 + 2 + certificate.length + 2 + ticket.length)
                .u8(VERSION).lengthPrefixed(certificate).lengthPrefixed(ticket).toByteArray();
    }

    static FinishPayload parse(byte[] payload) throws HandshakeFailure {
        PayloadReader in = new PayloadReader(payload);
        in.expectVersion(VERSION);
        FinishPayload parsed = new FinishPayload(in.lengthPrefixed("certificate"), in.lengthPrefixed("ticket"));
        in.expectEnd();
        return parsed;
    }
}
