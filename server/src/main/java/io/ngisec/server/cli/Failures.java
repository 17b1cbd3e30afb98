package io.ngisec.server.cli;

import io.ngisec.server.home.HomeException;
import io.ngisec.server.policy.PolicyException;
import io.ngisec.server.store.StoreException;

/** Maps every failure a command can end with to one line and an exit code, in one place. */
final class Failures {

    /** What the user sees and the exit code. */
    record Outcome(int exitCode, String message) {
    }

    private Failures() {
    }

    static Outcome of(Exception e) {
        return switch (e) {
            case CliException c -> new Outcome(c.exitCode(), c.getMessage());
            case HomeException h -> new Outcome(switch (h.reason()) {
                case NOT_A_HOME, NOT_EMPTY, BAD_CONFIG -> ExitCodes.USAGE;
                default -> ExitCodes.FAILED;
            }, h.getMessage());
            case StoreException s -> new Outcome(ExitCodes.FAILED, switch (s.reason()) {
                case UNAVAILABLE -> "database unavailable (" + s.getMessage() + ")";
                case SCHEMA -> "database not usable (" + s.getMessage() + ")";
                default -> "database failure (" + s.getMessage() + ")";
            });
            case PolicyException p -> new Outcome(ExitCodes.USAGE, p.getMessage());
            default -> new Outcome(ExitCodes.FAILED, e.getMessage() == null || e.getMessage().isBlank()
                    ? "unexpected " + e.getClass().getSimpleName() : e.getMessage());
        };
    }

    /** {@code text} on one line. */
    static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
