package io.ngisec.protocol.channel.frame;

/** Argument checks shared by the frame records' constructors (programming errors, so unchecked exceptions). */
final class FrameChecks {

    private FrameChecks() {
    }

    static void varInt(String name, long value) {
        if (value < 0 || value > VarInt.MAX_VALUE) {
            throw new IllegalArgumentException(name + " out of 0 .. 2^62-1: " + value);
        }
    }
}
