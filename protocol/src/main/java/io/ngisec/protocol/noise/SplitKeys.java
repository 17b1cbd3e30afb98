package io.ngisec.protocol.noise;

import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * The two 32-byte transport keys of a finished handshake (Split, section 5.2): one per direction.
 * Holds its own copies; accessors return copies; {@link #destroy()} zeroes them.
 */
public record SplitKeys(byte[] initiatorToResponder, byte[] responderToInitiator) implements Destroyable {

    public SplitKeys {
        if (initiatorToResponder.length != NoiseConstants.KEY_LENGTH || responderToInitiator.length != NoiseConstants.KEY_LENGTH) {
            throw new IllegalArgumentException("split keys are " + NoiseConstants.KEY_LENGTH + " bytes each");
        }
        initiatorToResponder = initiatorToResponder.clone();
        responderToInitiator = responderToInitiator.clone();
    }

    /** The key sealing messages from initiator to responder (a copy). */
    @Override
    public byte[] initiatorToResponder() {
        return initiatorToResponder.clone();
    }

    /** The key sealing messages from responder to initiator (a copy). */
    @Override
    public byte[] responderToInitiator() {
        return responderToInitiator.clone();
    }

    /** A fresh cipher state (nonce 0) for initiator-to-responder transport messages. */
    public CipherState initiatorToResponderCipher(CipherFunction cipher) {
        return cipherState(cipher, initiatorToResponder);
    }

    /** A fresh cipher state (nonce 0) for responder-to-initiator transport messages. */
    public CipherState responderToInitiatorCipher(CipherFunction cipher) {
        return cipherState(cipher, responderToInitiator);
    }

    /** Zeroes both keys. */
    @Override
    public void destroy() {
        Arrays.fill(initiatorToResponder, (byte) 0);
        Arrays.fill(responderToInitiator, (byte) 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SplitKeys o
                && Arrays.equals(initiatorToResponder, o.initiatorToResponder)
                && Arrays.equals(responderToInitiator, o.responderToInitiator);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(initiatorToResponder) + Arrays.hashCode(responderToInitiator);
    }

    /** Never shows the keys. */
    @Override
    public String toString() {
        return "SplitKeys[redacted]";
    }

    private static CipherState cipherState(CipherFunction cipher, byte[] key) {
        try {
            return new CipherState(cipher, key);
        } catch (NoiseException e) {
            throw new AssertionError("split keys always have the cipher key length", e);
        }
    }
}
