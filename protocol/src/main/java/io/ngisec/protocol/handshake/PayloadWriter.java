package io.ngisec.protocol.handshake;

import java.nio.ByteBuffer;

/** Builds handshake payloads in the layout {@link PayloadReader} reads. */
final class PayloadWriter {

    private final ByteBuffer out;

    PayloadWriter(int capacity) {
        this.out = ByteBuffer.allocate(capacity);
    }

    PayloadWriter u8(int value) {
        out.put((byte) value);
        return this;
    }

    PayloadWriter u64(long value) {
        out.putLong(value);
        return this;
    }

    PayloadWriter lengthPrefixed(byte[] value) {
        if (value.length == 0 || value.length > 0xffff) {
            throw new IllegalArgumentException("field length " + value.length);
        }
        out.putShort((short) value.length).put(value);
        return this;
    }

    byte[] toByteArray() {
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }
}
