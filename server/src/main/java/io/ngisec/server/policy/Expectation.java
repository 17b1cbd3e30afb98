package io.ngisec.server.policy;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.util.Objects;

/**
 * One line of a policy test file, such as {@code alice may call bob with EF} or
 * {@code guest may not send files to eng}. It holds when the policy's decision allows the service
 * (and, with {@code with CLASS}, its ceiling is at least that class; with {@code up to SIZE}, files
 * of that size are allowed), and a {@code may not} line holds exactly when the same line without
 * {@code not} does not. Immutable.
 *
 * @param line      the line of the test file, 1-based
 * @param text      the expectation as written, without comment
 * @param atLeast   the class the ceiling must reach, or null for any
 * @param fileBytes the file size that must be allowed, in bytes; 0 for any
 */
public record Expectation(int line, String text, Party from, boolean may, Service service, Party to,
                          QosClass atLeast, long fileBytes) {

    /**
     * A name in an expectation. {@code user:NAME} is that user; {@code group:NAME} is a member of
     * only that group; a bare NAME is the user of that name if there is one, else a member of the
     * group of that name.
     */
    public record Party(Kind kind, String name) {

        /** How the name was written. */
        public enum Kind {
            USER, GROUP, EITHER
        }

        public Party {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }
    }

    public Expectation {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(to, "to");
        if (fileBytes < 0 || (fileBytes > 0 && service != Service.FILE)) {
            throw new IllegalArgumentException("a file size belongs to a file expectation");
        }
    }

    /** Whether {@code decision} (the policy's, for this line's parties and service) satisfies the positive form. */
    boolean allowedBy(Decision decision) {
        return decision.allowed()
                && (atLeast == null || atLeast.atMost(decision.ceiling()))
                && (fileBytes == 0 || decision.maxFileBytes() == 0 || decision.maxFileBytes() >= fileBytes);
    }

    /** Whether this line holds for {@code decision}. */
    boolean heldBy(Decision decision) {
        return allowedBy(decision) == may;
    }
}
