package io.ngisec.app.call;

import io.ngisec.app.service.CallQuality;
import io.ngisec.client.call.CallStats;
import io.ngisec.protocol.qos.QosClass;
import java.util.Optional;

/** Call statistics for the call screen's tests. */
final class CallSamples {

    private CallSamples() {
    }

    /** A call of {@code seconds} with these figures; the rest plausible. */
    static CallStats stats(long seconds, double mos, double rttMillis, String path, QosClass qos, boolean capped) {
        return new CallStats("opus 48 kHz mono", 32_000, true, 20, seconds * 1000, rttMillis, 1.25, 50 * seconds,
                49 * seconds, 0.02, 0.001, 3, 1, 0, 40, 95, 90, mos, path, qos, qos.dscp(), capped, 0, -12, false);
    }

    static CallQuality quality(CallStats stats) {
        return new CallQuality(stats, Optional.of("ChaCha20-Poly1305"), -20);
    }
}
