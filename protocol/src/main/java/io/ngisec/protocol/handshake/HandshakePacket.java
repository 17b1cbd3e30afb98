package io.ngisec.protocol.handshake;

import io.ngisec.protocol.handshake.HandshakeFailure.Reason;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import io.ngisec.protocol.record.PacketType;
import io.ngisec.protocol.record.RecordException;
import io.ngisec.protocol.record.RecordHeader;
import java.nio.ByteBuffer;

/**
 * Frames Noise handshake messages as NGISec datagrams: the record header (type 1-3, class and
 * service CONTROL, key phase 0, packet number 0) followed by the Noise message. The header of a
 * handshake datagram is not covered by Noise, so it is accepted only in exactly that form: any
 * change to it is refused rather than silently tolerated.
 */
final class HandshakePacket {

    private HandshakePacket() {
    }

    static byte[] frame(PacketType type, long receiverConnectionId, byte[] noiseMessage) {
        ByteBuffer out = ByteBuffer.allocate(RecordHeader.LENGTH + noiseMessage.length);
        new RecordHeader(type, QosClass.CONTROL, false, Service.CONTROL, receiverConnectionId, 0).write(out);
        return out.put(noiseMessage).array();
    }

    /** The Noise message of a datagram of the {@code expected} type addressed to {@code receiverConnectionId}. */
    static byte[] unframe(ByteBuffer datagram, PacketType expected, long receiverConnectionId) throws HandshakeFailure {
        ByteBuffer in = datagram.duplicate();
        RecordHeader header;
        try {
            header = RecordHeader.parse(in);
        } catch (RecordException e) {
            throw new HandshakeFailure(Reason.MALFORMED, "bad header: " + e.getMessage());
        }
        if (header.type() != expected) {
            throw new HandshakeFailure(Reason.UNEXPECTED_MESSAGE, "expected " + expected + ", got " + header.type());
        }
        if (header.qosClass() != QosClass.CONTROL || header.service() != Service.CONTROL
                || header.keyPhase() || header.packetNumber() != 0) {
            throw new HandshakeFailure(Reason.MALFORMED, "handshake header fields must be CONTROL, phase 0, number 0");
        }
        if (header.receiverConnectionId() != receiverConnectionId) {
            throw new HandshakeFailure(Reason.UNEXPECTED_MESSAGE, "addressed to another connection id");
        }
        byte[] message = new byte[in.remaining()];
        in.get(message);
        return message;
    }
}
