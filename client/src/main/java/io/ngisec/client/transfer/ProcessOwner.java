package io.ngisec.client.transfer;

import java.time.Instant;
import java.util.Optional;

/**
 * Which process runs a transfer, as {@code pid:startMillis}: the start time tells a live owner
 * from a new process that happens to have the same pid after a reboot or wrap-around.
 */
final class ProcessOwner {

    /** This process. */
    static final String CURRENT = of(ProcessHandle.current());

    private ProcessOwner() {
    }

    /** Whether the process {@code owner} names is still running (false for null or malformed values). */
    static boolean isAlive(String owner) {
        if (owner == null) {
            return false;
        }
        int colon = owner.indexOf(':');
        try {
            long pid = Long.parseLong(owner.substring(0, Math.max(colon, 0)));
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessOwner::of).filter(owner::equals).isPresent();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String of(ProcessHandle p) {
        Optional<Instant> start = p.info().startInstant();
        return p.pid() + ":" + start.map(Instant::toEpochMilli).orElse(0L);
    }
}
