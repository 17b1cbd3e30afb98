package io.ngisec.protocol.handshake;

import io.ngisec.protocol.handshake.HandshakeFailure.Reason;
import java.nio.ByteBuffer;

/** Strict reader for handshake payloads: every overrun or leftover byte is a MALFORMED failure. */
final class PayloadReader {

    private final ByteBuffer in;

    PayloadReader(byte[] payload) {
        this.in = ByteBuffer.wrap(payload);
    }

    void expectVersion(int version) throws HandshakeFailure {
        int actual = u8();
        if (actual != version) {
            throw new HandshakeFailure(Reason.MALFORMED, "payload version " + actual);
        }
    }

    int u8() throws HandshakeFailure {
        need(1);
        return in.get() & 0xff;
    }

    long u64() throws HandshakeFailure {
        need(8);
        return in.getLong();
    }

    /** A 2-byte big-endian length followed by that many bytes; an empty field is malformed. */
    byte[] lengthPrefixed(String what) throws HandshakeFailure {
        need(2);
        int length = in.getShort() & 0xffff;
        if (length == 0) {
            throw new HandshakeFailure(Reason.MALFORMED, "empty " + what);
        }
        need(length);
        byte[] value = new byte[length];
        in.get(value);
        return value;
    }

    void expectEnd() throws HandshakeFailure {
        if (in.hasRemaining()) {
            throw new HandshakeFailure(Reason.MALFORMED, in.remaining() + " trailing bytes");
        }
    }

    private void need(int n) throws HandshakeFailure {
        if (in.remaining() < n) {
            throw new HandshakeFailure(Reason.MALFORMED, "payload truncated");
        }
    }
}
