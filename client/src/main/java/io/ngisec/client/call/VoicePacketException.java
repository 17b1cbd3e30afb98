package io.ngisec.client.call;

/**
 * A received voice packet could not be decoded (not Opus, truncated, corrupt, or not one 20 ms
 * frame). The caller drops the packet, counts it, and conceals the frame; the decoder stays usable.
 */
public final class VoicePacketException extends Exception {

    public VoicePacketException(String message) {
        super(message);
    }

    public VoicePacketException(String message, Throwable cause) {
        super(message, cause);
    }
}
