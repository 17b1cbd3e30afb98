package io.ngisec.client.netcheck;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The ERROR-CODE attribute of an error response (RFC 8489 section 14.8): a code from 300 to 699
 * and the server's reason phrase. Immutable.
 */
record StunErrorCode(int code, String reason) {

    /** RFC 8489 section 14.8: a reason phrase has fewer than 128 characters. */
    private static final int MAX_REASON_CHARS = 127;

    /** The error in {@code response}, or empty if it carries none. */
    static Optional<StunErrorCode> of(StunMessage response) throws StunFormatException {
        Optional<byte[]> value = response.attribute(Stun.ERROR_CODE);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        byte[] v = value.get();
        if (v.length < 4) {
            throw new StunFormatException(StunFormatException.Reason.BAD_ATTRIBUTE, "ERROR-CODE of " + v.length + " bytes");
        }
        int code = (v[2] & 0x07) * 100 + (v[3] & 0xFF);
        if (code < 300 || code > 699 || (v[3] & 0xFF) > 99) {
            throw new StunFormatException(StunFormatException.Reason.BAD_ATTRIBUTE, "error code " + code);
        }
        // The phrase is the server's text: keep it to one printable line for messages.
        String reason = new String(Arrays.copyOfRange(v, 4, v.length), StandardCharsets.UTF_8)
                .replaceAll("\\p{Cntrl}", " ").strip();
        if (reason.length() > MAX_REASON_CHARS) {
            reason = reason.substring(0, MAX_REASON_CHARS);
        }
        return Optional.of(new StunErrorCode(code, reason));
    }

    @Override
    public String toString() {
        return reason.isEmpty() ? Integer.toString(code) : code + " " + reason;
    }
}
