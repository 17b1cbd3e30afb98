package io.ngisec.protocol.session;

import io.ngisec.protocol.channel.frame.FrameException;
import io.ngisec.protocol.channel.frame.VarInt;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The payload of a CLOSE record (section 13.8 of the spec): code (v), application code (v) only
 * for APPLICATION, reason length (v), reason (UTF-8). Variable-length integers as in frames
 * (shortest encoding only); the reason is strict UTF-8 of at most 100 bytes and ends the payload.
 * So every {@link CloseReason} has exactly one encoding, and a payload decodes only if it is the
 * encoding of what it decodes to. Stateless.
 */
final class ClosePayload {

    private ClosePayload() {
    }

    /** The bytes {@link #encode} writes for {@code reason}. */
    static int encodedLength(CloseReason reason) {
        int n = utf8(reason.reason()).length;
        int length = VarInt.length(reason.code().wireCode()) + VarInt.length(n) + n;
        return reason.code() == CloseCode.APPLICATION ? length + VarInt.length(reason.applicationCode()) : length;
    }

    /**
     * Writes {@code reason} at {@code out}'s position. Throws IllegalStateException for a code that
     * is never sent and BufferOverflowException if {@code out} has less room than {@link #encodedLength}.
     */
    static void encode(CloseReason reason, ByteBuffer out) {
        byte[] text = utf8(reason.reason());
        VarInt.write(reason.code().wireCode(), out);
        if (reason.code() == CloseCode.APPLICATION) {
            VarInt.write(reason.applicationCode(), out);
        }
        VarInt.write(text.length, out);
        out.put(text);
    }

    /** The reason the payload from position to limit encodes (consumed), or empty if it is not one. Never throws. */
    static Optional<CloseReason> decode(ByteBuffer in) {
        try {
            Optional<CloseCode> code = CloseCode.fromWire(VarInt.read(in));
            if (code.isEmpty()) {
                return Optional.empty();
            }
            long applicationCode = code.get() == CloseCode.APPLICATION ? VarInt.read(in) : 0;
            long length = VarInt.read(in);
            if (length > LifecycleConstants.MAX_CLOSE_REASON_BYTES || length != in.remaining()) {
                return Optional.empty();
            }
            String reason = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in)
                    .toString();
            return Optional.of(new CloseReason(code.get(), applicationCode, reason));
        } catch (FrameException | CharacterCodingException e) {
            return Optional.empty();
        } finally {
            in.position(in.limit());
        }
    }

    /** Strict UTF-8 of {@code text}; IllegalArgumentException for an unpaired surrogate. */
    static byte[] utf8(String text) {
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            return Arrays.copyOf(b.array(), b.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not encodable as UTF-8", e);
        }
    }
}
