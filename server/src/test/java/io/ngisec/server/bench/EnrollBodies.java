package io.ngisec.server.bench;

import io.ngisec.protocol.api.Messages.EnrollRequest;
import io.ngisec.protocol.identity.Ed25519Keys;
import io.ngisec.protocol.noise.DhKeyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Enrollment request bodies, made before the run so that key generation does not compete with
 * the server for CPU: one per invite code, each with a fresh Ed25519 signing key (sent as its
 * SubjectPublicKeyInfo) and a fresh X25519 Noise key (32 raw bytes), both base64.
 */
final class EnrollBodies {

    /** One enrollment to send: its JSON body and the private signing key the device keeps. */
    record Enrollee(byte[] body, PrivateKey signingKey) {
    }

    private EnrollBodies() {
    }

    /** The codes of {@code file}: one {@code ID.SECRET} per line, blank lines and {@code #} comments skipped. */
    static List<String> readCodes(Path file) throws IOException {
        List<String> codes = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (codes.isEmpty()) {
            throw new IOException(file + " holds no invite codes (one ID.SECRET per line)");
        }
        return codes;
    }

    /** One enrollee per code, made on all cores. */
    static List<Enrollee> make(List<String> codes) {
        SecureRandom random = new SecureRandom();
        Base64.Encoder base64 = Base64.getEncoder();
        return IntStream.range(0, codes.size()).parallel().mapToObj(i -> {
            KeyPair signing = Ed25519Keys.generate(random);
            DhKeyPair noise = DhKeyPair.generate(random);
            byte[] noisePublic = noise.publicKey();
            noise.destroy();
            byte[] body = ApiRequests.json(new EnrollRequest(codes.get(i), "bench device " + i,
                    base64.encodeToString(signing.getPublic().getEncoded()), base64.encodeToString(noisePublic)));
            return new Enrollee(body, signing.getPrivate());
        }).toList();
    }
}
