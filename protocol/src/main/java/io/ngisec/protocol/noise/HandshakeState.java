package io.ngisec.protocol.noise;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.security.auth.Destroyable;

/**
 * One side of a Noise handshake (HandshakeState, section 5.3), driven by its pattern's tokens.
 * Call {@link #writeMessage} and {@link #readMessage} in the order the pattern gives; when
 * {@link #isComplete()} holds, {@link #split()} (or {@link #splitCiphers()}) once for the transport keys.
 *
 * <p>A message that fails to read (any {@link NoiseException}) leaves the state exactly as it was,
 * so a forged or damaged message can be dropped and the genuine one still accepted. Not thread safe.
 */
public final class HandshakeState implements Destroyable {

    private static final class DefaultRandom {
        static final SecureRandom INSTANCE = new SecureRandom();
    }

    private final NoiseProtocol protocol;
    private final boolean initiator;
    private final DhKeyPair localStatic;
    private final SecureRandom random;
    private SymmetricState symmetric;
    private DhKeyPair localEphemeral;
    private byte[] remoteStatic;
    private byte[] remoteEphemeral;
    private int messageIndex;
    private boolean split;
    private boolean destroyed;

    private HandshakeState(Builder b) {
        this.protocol = b.protocol;
        this.initiator = b.initiator;
        this.localStatic = b.localStatic;
        this.remoteStatic = b.remoteStatic == null ? null : b.remoteStatic.clone();
        this.localEphemeral = b.fixedEphemeral == null ? null : b.fixedEphemeral.copy();
        this.random = b.random == null ? DefaultRandom.INSTANCE : b.random;
        this.symmetric = SymmetricState.initialize(protocol);
        symmetric.mixHash(b.prologue);
        HandshakePattern pattern = protocol.pattern();
        // Pre-messages only carry static keys here (build() refuses ephemeral ones).
        if (!pattern.initiatorPreMessage().isEmpty()) {
            symmetric.mixHash(initiator ? localStatic.publicKey() : remoteStatic);
        }
        if (!pattern.responderPreMessage().isEmpty()) {
            symmetric.mixHash(initiator ? remoteStatic : localStatic.publicKey());
        }
    }

    /** Starts configuring a handshake for {@code protocol} on the initiator's or responder's side. */
    public static Builder builder(NoiseProtocol protocol, boolean initiator) {
        return new Builder(protocol, initiator);
    }

    /**
     * A handshake with fresh random ephemeral keys; {@code localStatic} and {@code remoteStatic} may
     * be null when the pattern does not need them. See {@link Builder#build()} for the failures.
     */
    public static HandshakeState create(NoiseProtocol protocol, boolean initiator, byte[] prologue,
            DhKeyPair localStatic, byte[] remoteStatic) throws NoiseException {
        return builder(protocol, initiator).prologue(prologue).localStatic(localStatic).remoteStatic(remoteStatic).build();
    }

    /** The protocol this handshake runs. */
    public NoiseProtocol protocol() {
        return protocol;
    }

    /** Whether this side is the initiator. */
    public boolean isInitiator() {
        return initiator;
    }

    /** Whether every message of the pattern has been written or read. */
    public boolean isComplete() {
        return messageIndex == protocol.pattern().messages().size();
    }

    /** Whether the next handshake message is this side's to write (false once complete). */
    public boolean isWriteTurn() {
        return !isComplete() && protocol.pattern().messages().get(messageIndex).fromInitiator() == initiator;
    }

    /** The handshake hash h so far (a copy); after completion it identifies the session (channel binding). */
    public byte[] handshakeHash() {
        return symmetric.handshakeHash();
    }

    /** The peer's static public key (a copy), or null while it is not known. */
    public byte[] remoteStaticPublicKey() {
        return remoteStatic == null ? null : remoteStatic.clone();
    }

    /**
     * WriteMessage: the next handshake message, carrying {@code payload} (encrypted once a DH has
     * happened). WRONG_STATE when it is not this side's turn; MESSAGE_TOO_LARGE when the message
     * would exceed 65535 bytes; DH_FAILED when a remote key is a low-order point.
     */
    public byte[] writeMessage(byte[] payload) throws NoiseException {
        checkUsable();
        if (!isWriteTurn()) {
            throw new NoiseException(NoiseException.Reason.WRONG_STATE, isComplete()
                    ? "handshake is complete" : "it is the peer's turn to send handshake message " + (messageIndex + 1));
        }
        SymmetricState before = symmetric.copy();
        DhKeyPair ephemeralBefore = localEphemeral;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Token token : currentTokens()) {
                switch (token) {
                    case E -> {
                        if (localEphemeral == null) {
                            localEphemeral = DhKeyPair.generate(random);
                        }
                        byte[] publicKey = localEphemeral.publicKey();
                        out.writeBytes(publicKey);
                        symmetric.mixHash(publicKey);
                    }
                    case S -> out.writeBytes(symmetric.encryptAndHash(localStatic.publicKey()));
                    default -> mixDh(token);
                }
            }
            out.writeBytes(symmetric.encryptAndHash(payload));
            if (out.size() > NoiseConstants.MAX_MESSAGE_LENGTH) {
                throw new NoiseException(NoiseException.Reason.MESSAGE_TOO_LARGE,
                        "handshake message of " + out.size() + " bytes exceeds " + NoiseConstants.MAX_MESSAGE_LENGTH);
            }
            messageIndex++;
            before.destroySecrets();
            return out.toByteArray();
        } catch (NoiseException | RuntimeException e) {
            if (localEphemeral != ephemeralBefore) {
                localEphemeral.destroy();
                localEphemeral = ephemeralBefore;
            }
            symmetric.destroySecrets();
            symmetric = before;
            throw e;
        }
    }

    /**
     * ReadMessage: processes the peer's next handshake message and returns its payload.
     * WRONG_STATE when it is not the peer's turn; MESSAGE_TOO_LARGE over 65535 bytes;
     * MALFORMED_MESSAGE when too short; DECRYPT_FAILED when a key or the payload does not
     * authenticate; DH_FAILED for a low-order key. On any failure the state is unchanged.
     */
    public byte[] readMessage(byte[] message) throws NoiseException {
        checkUsable();
        if (isComplete() || isWriteTurn()) {
            throw new NoiseException(NoiseException.Reason.WRONG_STATE, isComplete()
                    ? "handshake is complete" : "it is this side's turn to send handshake message " + (messageIndex + 1));
        }
        if (message.length > NoiseConstants.MAX_MESSAGE_LENGTH) {
            throw new NoiseException(NoiseException.Reason.MESSAGE_TOO_LARGE,
                    "handshake message of " + message.length + " bytes exceeds " + NoiseConstants.MAX_MESSAGE_LENGTH);
        }
        SymmetricState before = symmetric.copy();
        byte[] remoteStaticBefore = remoteStatic;
        byte[] remoteEphemeralBefore = remoteEphemeral;
        try {
            int dhLength = protocol.dh().dhLength();
            int offset = 0;
            for (Token token : currentTokens()) {
                switch (token) {
                    case E -> {
                        remoteEphemeral = slice(message, offset, dhLength);
                        offset += dhLength;
                        symmetric.mixHash(remoteEphemeral);
                    }
                    case S -> {
                        int length = dhLength + (symmetric.hasKey() ? NoiseConstants.TAG_LENGTH : 0);
                        remoteStatic = symmetric.decryptAndHash(slice(message, offset, length));
                        offset += length;
                    }
                    default -> mixDh(token);
                }
            }
            byte[] payload = symmetric.decryptAndHash(Arrays.copyOfRange(message, offset, message.length));
            messageIndex++;
            before.destroySecrets();
            return payload;
        } catch (NoiseException | RuntimeException e) {
            remoteStatic = remoteStaticBefore;
            remoteEphemeral = remoteEphemeralBefore;
            symmetric.destroySecrets();
            symmetric = before;
            throw e;
        }
    }

    /**
     * Split: the transport keys, once, after the handshake is complete (WRONG_STATE otherwise).
     * Zeroes the chaining key and the ephemeral private key; the handshake hash stays readable.
     * The caller owns the returned keys and should destroy them after use.
     */
    public SplitKeys split() throws NoiseException {
        checkUsable();
        if (!isComplete() || split) {
            throw new NoiseException(NoiseException.Reason.WRONG_STATE, split ? "already split" : "handshake is not complete");
        }
        split = true;
        SplitKeys keys = symmetric.split();
        destroyEphemeral();
        return keys;
    }

    /** {@link #split()} turned into this side's transport cipher states: sender for what it sends, receiver for what it gets. */
    public CipherStatePair splitCiphers() throws NoiseException {
        SplitKeys keys = split();
        try {
            CipherState i2r = keys.initiatorToResponderCipher(protocol.cipher());
            CipherState r2i = keys.responderToInitiatorCipher(protocol.cipher());
            return initiator ? new CipherStatePair(i2r, r2i) : new CipherStatePair(r2i, i2r);
        } finally {
            keys.destroy();
        }
    }

    /** Abandons the handshake: zeroes its secrets (not the caller's static key); every later call throws IllegalStateException. */
    @Override
    public void destroy() {
        destroyed = true;
        symmetric.destroySecrets();
        destroyEphemeral();
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    private List<Token> currentTokens() {
        return protocol.pattern().messages().get(messageIndex).tokens();
    }

    private void mixDh(Token token) throws NoiseException {
        // es: initiator's e with responder's s, seen from either side; likewise for the others.
        boolean localEphemeralUsed = switch (token) {
            case EE -> true;
            case ES -> initiator;
            case SE -> !initiator;
            case SS -> false;
            default -> throw new IllegalArgumentException("not a DH token: " + token);
        };
        boolean remoteEphemeralUsed = switch (token) {
            case EE -> true;
            case ES -> !initiator;
            case SE -> initiator;
            default -> false;
        };
        DhKeyPair local = localEphemeralUsed ? localEphemeral : localStatic;
        byte[] remote = remoteEphemeralUsed ? remoteEphemeral : remoteStatic;
        byte[] shared = local.agree(remote);
        try {
            symmetric.mixKey(shared);
        } finally {
            Arrays.fill(shared, (byte) 0);
        }
    }

    private static byte[] slice(byte[] message, int offset, int length) throws NoiseException {
        if (message.length - offset < length) {
            throw new NoiseException(NoiseException.Reason.MALFORMED_MESSAGE,
                    "handshake message of " + message.length + " bytes is too short for its pattern");
        }
        return Arrays.copyOfRange(message, offset, offset + length);
    }

    private void destroyEphemeral() {
        if (localEphemeral != null) {
            localEphemeral.destroy();
        }
    }

    private void checkUsable() {
        if (destroyed) {
            throw new IllegalStateException("handshake state was destroyed");
        }
    }

    /** Configures a {@link HandshakeState}; not thread safe. */
    public static final class Builder {
        private final NoiseProtocol protocol;
        private final boolean initiator;
        private byte[] prologue = new byte[0];
        private DhKeyPair localStatic;
        private byte[] remoteStatic;
        private DhKeyPair fixedEphemeral;
        private SecureRandom random;

        private Builder(NoiseProtocol protocol, boolean initiator) {
            this.protocol = protocol;
            this.initiator = initiator;
        }

        /** Data both sides must agree on, mixed into the handshake hash; empty by default. Copied. */
        public Builder prologue(byte[] prologue) {
            this.prologue = prologue == null ? new byte[0] : prologue.clone();
            return this;
        }

        /** This side's static key pair; the handshake uses it but never destroys it. */
        public Builder localStatic(DhKeyPair localStatic) {
            this.localStatic = localStatic;
            return this;
        }

        /** The peer's static public key, for patterns where it is known before the handshake (NK, IK, ...). Copied. */
        public Builder remoteStatic(byte[] remoteStatic) {
            this.remoteStatic = remoteStatic == null ? null : remoteStatic.clone();
            return this;
        }

        /**
         * A fixed ephemeral key pair instead of a fresh random one. Only for test vectors: reusing an
         * ephemeral key destroys the handshake's security. A copy is taken and destroyed at split.
         */
        public Builder fixedEphemeral(DhKeyPair fixedEphemeral) {
            this.fixedEphemeral = fixedEphemeral;
            return this;
        }

        /** The source of ephemeral keys; a shared SecureRandom by default. */
        public Builder random(SecureRandom random) {
            this.random = random;
            return this;
        }

        /**
         * The handshake state, ready for its first message. MISSING_KEY when the pattern needs a
         * static key that was not given; UNEXPECTED_KEY when a key was given that it never uses;
         * INVALID_KEY for a remote static key of the wrong length; UNSUPPORTED_PROTOCOL for patterns
         * with ephemeral pre-messages.
         */
        public HandshakeState build() throws NoiseException {
            HandshakePattern pattern = protocol.pattern();
            if (pattern.initiatorPreMessage().contains(Token.E) || pattern.responderPreMessage().contains(Token.E)) {
                throw new NoiseException(NoiseException.Reason.UNSUPPORTED_PROTOCOL,
                        "pattern " + pattern.name() + " has ephemeral pre-messages, which are not supported");
            }
            List<Token> localPre = initiator ? pattern.initiatorPreMessage() : pattern.responderPreMessage();
            List<Token> remotePre = initiator ? pattern.responderPreMessage() : pattern.initiatorPreMessage();
            boolean sendsStatic = pattern.messages().stream()
                    .anyMatch(m -> m.fromInitiator() == initiator && m.tokens().contains(Token.S));
            boolean sendsEphemeral = pattern.messages().stream()
                    .anyMatch(m -> m.fromInitiator() == initiator && m.tokens().contains(Token.E));
            String side = initiator ? "initiator" : "responder";
            checkPresence(localStatic != null, localPre.contains(Token.S) || sendsStatic, side + " static key pair");
            checkPresence(remoteStatic != null, remotePre.contains(Token.S), side + "'s remote static public key");
            if (fixedEphemeral != null && !sendsEphemeral) {
                throw new NoiseException(NoiseException.Reason.UNEXPECTED_KEY,
                        protocol.name() + ": the " + side + " sends no ephemeral key, so it cannot have a fixed one");
            }
            if (remoteStatic != null && remoteStatic.length != protocol.dh().dhLength()) {
                throw new NoiseException(NoiseException.Reason.INVALID_KEY,
                        "remote static public key must be " + protocol.dh().dhLength() + " bytes, not " + remoteStatic.length);
            }
            return new HandshakeState(this);
        }

        private void checkPresence(boolean given, boolean needed, String what) throws NoiseException {
            if (needed && !given) {
                throw new NoiseException(NoiseException.Reason.MISSING_KEY, protocol.name() + " needs the " + what);
            }
            if (given && !needed) {
                throw new NoiseException(NoiseException.Reason.UNEXPECTED_KEY, protocol.name() + " does not use a " + what);
            }
        }
    }
}
