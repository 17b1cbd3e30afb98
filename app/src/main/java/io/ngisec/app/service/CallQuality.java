package io.ngisec.app.service;

import io.ngisec.client.call.CallStats;
import java.util.Objects;
import java.util.Optional;

/**
 * One snapshot of a call's quality for the screen: the call's own statistics, the session's
 * cipher (empty when the link has no real session), and the level of what is played (dBFS).
 */
public record CallQuality(CallStats stats, Optional<String> cipher, double outputLevelDbfs) {

    public CallQuality {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(cipher, "cipher");
    }
}
