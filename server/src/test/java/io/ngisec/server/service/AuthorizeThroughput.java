package io.ngisec.server.service;

import io.ngisec.protocol.api.Messages.AuthorizeRequest;
import io.ngisec.protocol.identity.DeviceId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A plain loop of {@link PolicyService#authorize} on an H2 file, for the throughput the HTTP layer
 * can at best reach (not a test: timing belongs nowhere near a unit test). Run from the server
 * module with the test class path: {@code java -cp ... io.ngisec.server.service.AuthorizeThroughput [seconds] [threads]}.
 */
public final class AuthorizeThroughput {

    private AuthorizeThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path dir = Files.createTempDirectory("ngisec-authorize-bench");
        try (ServiceFixture fx = new ServiceFixture(dir)) {
            DeviceId alice = fx.enroll("alice", "laptop");
            DeviceId bob = fx.enroll("bob", "phone");
            AuthorizeRequest request = new AuthorizeRequest(bob.toString(), List.of("CALL", "CHAT", "FILE"));
            run(fx, alice, request, 2, threads); // warm-up
            double rate = run(fx, alice, request, seconds, threads);
            System.out.printf(Locale.ROOT, "authorize(): %.0f/s over %d s on %d thread(s) (H2 file, ticket signed, audit row each)%n",
                    rate, seconds, threads);
        }
    }

    private static double run(ServiceFixture fx, DeviceId caller, AuthorizeRequest request, int seconds, int threads)
            throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[] counts = new long[threads];
        Thread[] workers = new Thread[threads];
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int slot = t;
            workers[t] = Thread.ofPlatform().start(() -> {
                try {
                    while (System.nanoTime() < end) {
                        if (!fx.service.authorize(caller, request).allowed()) {
                            throw new IllegalStateException("denied");
                        }
                        counts[slot]++;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        long total = 0;
        for (int t = 0; t < threads; t++) {
            workers[t].join();
            total += counts[t];
        }
        return total / ((System.nanoTime() - start) / 1e9);
    }
}
