package io.ngisec.protocol.noise.vectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngisec.protocol.noise.CipherState;
import io.ngisec.protocol.noise.CipherStatePair;
import io.ngisec.protocol.noise.DhKeyPair;
import io.ngisec.protocol.noise.HandshakeState;
import io.ngisec.protocol.noise.MessagePattern;
import io.ngisec.protocol.noise.NoiseException;
import io.ngisec.protocol.noise.NoiseProtocol;
import io.ngisec.protocol.noise.Token;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Runs test vectors: both sides of each vector's handshake with its fixed keys, then its transport
 * messages, comparing every ciphertext, every decrypted payload and the handshake hash. Messages
 * alternate initiator, responder, ... by position; in one-way patterns the initiator sends all.
 * Stateless and thread safe.
 */
public final class NoiseVectorRunner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] NO_AD = new byte[0];

    private NoiseVectorRunner() {
    }

    /** Runs every vector of {@code file}. IOException when it cannot be read; VectorFileException when it is not a vector file. */
    public static VectorReport runFile(Path file) throws IOException, VectorFileException {
        return run(Files.readAllBytes(file));
    }

    /** Runs every vector of a JSON document with a top-level {@code vectors} array. */
    public static VectorReport run(byte[] json) throws VectorFileException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new VectorFileException("not JSON" + where + ": " + oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new VectorFileException("not JSON: " + oneLine(e.getMessage()), e);
        }
        JsonNode vectors = root == null ? null : root.get("vectors");
        if (vectors == null || !vectors.isArray()) {
            throw new VectorFileException("no top-level \"vectors\" array");
        }
        List<VectorOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            outcomes.add(runVector(i + 1, vectors.get(i)));
        }
        return new VectorReport(outcomes);
    }

    /** Runs one vector; never throws: a malformed vector is a failed outcome. */
    static VectorOutcome runVector(int number, JsonNode vector) {
        JsonNode nameNode = vector.get("protocol_name");
        String name = nameNode != null && nameNode.isTextual() ? nameNode.asText() : "(no protocol_name)";
        try {
            if (!vector.isObject()) {
                throw new Mismatch("not a JSON object");
            }
            if (nameNode == null || !nameNode.isTextual()) {
                throw new Mismatch("missing field protocol_name");
            }
            NoiseProtocol protocol;
            try {
                protocol = NoiseProtocol.parse(name);
            } catch (NoiseException e) {
                if (e.reason() == NoiseException.Reason.UNSUPPORTED_PROTOCOL) {
                    return VectorOutcome.skipped(number, name, e.getMessage());
                }
                throw new Mismatch(e.getMessage());
            }
            check(new Run(protocol, vector));
            return VectorOutcome.passed(number, name);
        } catch (Mismatch m) {
            return VectorOutcome.failed(number, name, m.getMessage());
        } catch (RuntimeException e) {
            // A bug in the implementation, not in the file: still one line, still counted.
            return VectorOutcome.failed(number, name, "internal error: " + e);
        }
    }

    private static void check(Run run) throws Mismatch {
        JsonNode messages = run.vector.get("messages");
        if (messages == null || !messages.isArray()) {
            throw new Mismatch("missing field messages");
        }
        byte[] expectedHash = run.hex(run.vector, "handshake_hash", "handshake_hash");
        HandshakeState initiator = run.handshake(true);
        HandshakeState responder = run.handshake(false);
        CipherStatePair initiatorCiphers = null;
        CipherStatePair responderCiphers = null;
        boolean oneWay = run.protocol.pattern().isOneWay();
        for (int i = 0; i < messages.size(); i++) {
            int n = i + 1;
            JsonNode message = messages.get(i);
            byte[] payload = run.hex(message, "payload", "message " + n + " payload");
            byte[] ciphertext = run.hex(message, "ciphertext", "message " + n + " ciphertext");
            boolean fromInitiator = oneWay || i % 2 == 0;
            try {
                if (initiatorCiphers == null) {
                    HandshakeState sender = fromInitiator ? initiator : responder;
                    HandshakeState receiver = fromInitiator ? responder : initiator;
                    compare(sender.writeMessage(payload), ciphertext, "message " + n + " ciphertext differs");
                    compare(receiver.readMessage(ciphertext), payload, "message " + n + " payload differs after decryption");
                    if (initiator.isComplete() && responder.isComplete()) {
                        compare(initiator.handshakeHash(), expectedHash, "initiator's handshake hash differs");
                        compare(responder.handshakeHash(), expectedHash, "responder's handshake hash differs");
                        initiatorCiphers = initiator.splitCiphers();
                        responderCiphers = responder.splitCiphers();
                    }
                } else {
                    CipherState sender = fromInitiator ? initiatorCiphers.sender() : responderCiphers.sender();
                    CipherState receiver = fromInitiator ? responderCiphers.receiver() : initiatorCiphers.receiver();
                    compare(sender.encryptWithAd(NO_AD, payload), ciphertext, "message " + n + " ciphertext differs");
                    compare(receiver.decryptWithAd(NO_AD, ciphertext), payload, "message " + n + " payload differs after decryption");
                }
            } catch (NoiseException e) {
                throw new Mismatch("message " + n + ": " + e.reason() + ": " + e.getMessage());
            }
        }
        if (initiatorCiphers == null) {
            throw new Mismatch("the vector ends before the handshake completes");
        }
        initiatorCiphers.destroy();
        responderCiphers.destroy();
    }

    private static void compare(byte[] actual, byte[] expected, String whenDifferent) throws Mismatch {
        if (!Arrays.equals(actual, expected)) {
            throw new Mismatch(whenDifferent);
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    /** One vector's protocol and fields. */
    private record Run(NoiseProtocol protocol, JsonNode vector) {

        HandshakeState handshake(boolean initiator) throws Mismatch {
            String prefix = initiator ? "init_" : "resp_";
            HandshakeState.Builder builder = HandshakeState.builder(protocol, initiator);
            try {
                if (vector.has(prefix + "prologue")) {
                    builder.prologue(hex(vector, prefix + "prologue", prefix + "prologue"));
                }
                if (vector.has(prefix + "static")) {
                    builder.localStatic(DhKeyPair.fromPrivateKey(hex(vector, prefix + "static", prefix + "static")));
                }
                if (vector.has(prefix + "remote_static")) {
                    builder.remoteStatic(hex(vector, prefix + "remote_static", prefix + "remote_static"));
                }
                // Ephemeral keys are only used by a side that sends one; other generators may list them anyway.
                if (sendsEphemeral(initiator)) {
                    builder.fixedEphemeral(DhKeyPair.fromPrivateKey(hex(vector, prefix + "ephemeral", prefix + "ephemeral")));
                }
                return builder.build();
            } catch (NoiseException e) {
                throw new Mismatch((initiator ? "initiator" : "responder") + " setup: " + e.reason() + ": " + e.getMessage());
            }
        }

        private boolean sendsEphemeral(boolean initiator) {
            for (MessagePattern m : protocol.pattern().messages()) {
                if (m.fromInitiator() == initiator && m.tokens().contains(Token.E)) {
                    return true;
                }
            }
            return false;
        }

        /** The hex string in {@code node.field}; Mismatch naming {@code what} when missing or not hex. */
        byte[] hex(JsonNode node, String field, String what) throws Mismatch {
            JsonNode value = node == null ? null : node.get(field);
            if (value == null || value.isNull()) {
                throw new Mismatch("missing field " + what);
            }
            if (!value.isTextual()) {
                throw new Mismatch("field " + what + " is not a hex string");
            }
            try {
                return HexFormat.of().parseHex(value.asText());
            } catch (IllegalArgumentException e) {
                throw new Mismatch("field " + what + " is not valid hex");
            }
        }
    }

    /** Why a vector failed; its message is the outcome's detail. */
    private static final class Mismatch extends Exception {
        Mismatch(String detail) {
            super(detail, null, false, false);
        }
    }
}
