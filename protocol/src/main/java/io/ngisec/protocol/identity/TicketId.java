package io.ngisec.protocol.identity;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The random 128-bit id of one session ticket, for logs and replay bookkeeping. */
public record TicketId(long high, long low) {

    /** A fresh ticket id from {@code random}. */
    public static TicketId random(SecureRandom random) {
        return new TicketId(random.nextLong(), random.nextLong());
    }

    /** Reads 16 bytes from {@code in}. */
    static TicketId read(ByteBuffer in) {
        return new TicketId(in.getLong(), in.getLong());
    }

    /** Writes the 16-byte form to {@code out}. */
    void write(ByteBuffer out) {
        out.putLong(high).putLong(low);
    }

    @Override
    public String toString() {
        return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
    }
}
