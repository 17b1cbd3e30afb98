package io.ngisec.protocol.handshake;

import io.ngisec.protocol.ProtocolInfo;
import io.ngisec.protocol.noise.DhKeyPair;
import io.ngisec.protocol.noise.HandshakeState;
import io.ngisec.protocol.noise.NoiseException;
import io.ngisec.protocol.noise.NoiseProtocol;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** The Noise protocol and prologue of NGISec v1, and the handshake states both roles start from. */
final class NoiseSetup {

    /** Bound into the transcript so that a handshake can never be mistaken for another protocol's. */
    static final byte[] PROLOGUE = "NGISec v1".getBytes(StandardCharsets.US_ASCII);

    private static final NoiseProtocol PROTOCOL = parse();

    private NoiseSetup() {
    }

    static HandshakeState start(boolean initiator, DhKeyPair localStatic, SecureRandom random) {
        try {
            return HandshakeState.builder(PROTOCOL, initiator)
                    .prologue(PROLOGUE).localStatic(localStatic).random(random).build();
        } catch (NoiseException e) {
            throw new IllegalStateException("NGISec Noise setup is invalid", e);
        }
    }

    private static NoiseProtocol parse() {
        try {
            return NoiseProtocol.parse(ProtocolInfo.HANDSHAKE_PROTOCOL);
        } catch (NoiseException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
