package io.ngisec.client.netcheck;

import java.util.Arrays;

/** One type-length-value attribute of a STUN message; the value without its padding. Immutable. */
record StunAttribute(int type, byte[] value) {

    StunAttribute {
        if (type < 0 || type > 0xFFFF) {
            throw new IllegalArgumentException("attribute type " + type);
        }
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("attribute value of " + value.length + " bytes");
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** Bytes on the wire: header, value and padding to a multiple of four. */
    int encodedLength() {
        return 4 + padded(value.length);
    }

    static int padded(int length) {
        return (length + 3) & ~3;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StunAttribute a && a.type == type && Arrays.equals(a.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return String.format("StunAttribute[0x%04x, %d bytes]", type, value.length);
    }
}
