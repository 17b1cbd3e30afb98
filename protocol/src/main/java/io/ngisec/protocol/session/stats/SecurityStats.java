package io.ngisec.protocol.session.stats;

import io.ngisec.protocol.record.RecordStats;
import java.time.Duration;
import java.util.Objects;

/**
 * How the session is protected, as of a snapshot: the handshake and record protocols, how long
 * the handshake took, and the key phases of each direction (spec sections 4 to 6). Immutable.
 *
 * @param handshakeProtocol the Noise protocol name of the handshake
 * @param recordCipher the AEAD that seals records
 * @param handshakeTime from this side's first handshake step to the keys
 * @param finishRepeats FINISH messages sent again because the responder repeated its RESPONSE
 * @param sendKeyPhase our sending key phase (0: the handshake's keys; +1 per rekey)
 * @param sendRekeys times we moved our sending direction to a new key
 * @param sendKeyAge how long our current sending key has been in use
 * @param receiveKeyPhase the peer's key phase we follow
 * @param receiveRekeys times the peer's direction moved to a new key
 * @param receiveKeyAge how long ago the peer's current key came into use here
 */
public record SecurityStats(String handshakeProtocol, String recordCipher, Duration handshakeTime, long finishRepeats,
        long sendKeyPhase, long sendRekeys, Duration sendKeyAge, long receiveKeyPhase, long receiveRekeys,
        Duration receiveKeyAge) {

    public SecurityStats {
        Objects.requireNonNull(handshakeProtocol, "handshakeProtocol");
        Objects.requireNonNull(recordCipher, "recordCipher");
        Objects.requireNonNull(handshakeTime, "handshakeTime");
    }

    /** The figures of {@code record} with the given protocol names and handshake figures. */
    public static SecurityStats of(String handshakeProtocol, String recordCipher, Duration handshakeTime,
            long finishRepeats, RecordStats record) {
        return new SecurityStats(handshakeProtocol, recordCipher, handshakeTime, finishRepeats,
                record.send().phase(), record.send().rekeys(), record.send().keyAge(),
                record.receive().phase(), record.receive().rekeys(), record.receive().keyAge());
    }

    /** The suite in one name, e.g. {@code Noise_XX_25519_AESGCM_SHA256 + AES-256-GCM}. */
    public String cipherSuite() {
        return handshakeProtocol + " + " + recordCipher;
    }
}
