package io.ngisec.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngisec.protocol.api.Messages.EnrollResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the credentials of the first {@code limit} devices the enroll scenario enrolled, as
 * {@code device-NNNN.key} (PKCS#8 DER) and {@code device-NNNN.crt} (certificate DER) in a directory
 * that {@link ClientCredentials} reads, so that later scenarios act as real enrolled devices.
 * Thread safe.
 */
final class EnrolledDevices {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final int limit;
    private final AtomicInteger saved = new AtomicInteger();

    EnrolledDevices(Path dir, int limit) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.limit = limit;
    }

    private EnrolledDevices() {
        this.dir = null;
        this.limit = 0;
    }

    /** Keeps nothing. */
    static EnrolledDevices none() {
        return new EnrolledDevices();
    }

    /** Saves the device of {@code responseJson} (a 200 answer to /v1/enroll) while fewer than the limit are saved. */
    void enrolled(PrivateKey signingKey, byte[] responseJson) {
        if (saved.get() >= limit) {
            return;
        }
        int n = saved.getAndIncrement();
        if (n >= limit) {
            return;
        }
        try {
            EnrollResponse response = JSON.readValue(responseJson, EnrollResponse.class);
            String name = String.format("device-%04d", n);
            Files.write(dir.resolve(name + ".crt"), Base64.getDecoder().decode(response.certificate()));
            Files.write(dir.resolve(name + ".key"), signingKey.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep an enrolled device in " + dir, e);
        }
    }

    int saved() {
        return Math.min(saved.get(), limit);
    }
}
