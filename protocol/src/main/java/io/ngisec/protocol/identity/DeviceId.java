package io.ngisec.protocol.identity;

import java.nio.ByteBuffer;
import java.util.UUID;

/** The identity of one enrolled device: a random 128-bit id assigned at enrollment. */
public record DeviceId(UUID value) {

    public static final int LENGTH = 16;

    public DeviceId {
        if (value == null) {
            throw new IllegalArgumentException("device id is null");
        }
    }

    /** A fresh random device id. */
    public static DeviceId random() {
        return new DeviceId(UUID.randomUUID());
    }

    /** Parses the textual form ({@code 8-4-4-4-12} hex digits); throws IllegalArgumentException otherwise. */
    public static DeviceId parse(String text) {
        return new DeviceId(UUID.fromString(text));
    }

    /** Reads 16 bytes from {@code in}. */
    public static DeviceId read(ByteBuffer in) {
        return new DeviceId(new UUID(in.getLong(), in.getLong()));
    }

    /** Writes the 16-byte form to {@code out}. */
    public void write(ByteBuffer out) {
        out.putLong(value.getMostSignificantBits()).putLong(value.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
