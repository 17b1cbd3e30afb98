package io.ngisec.server.policy;

/**
 * Why a policy file or a policy test file was refused. The only checked failure of this package:
 * its parsers throw nothing else for any input. The message is one line for the administrator,
 * starting with the line and column at fault when known ({@code line 7, column 16: ...}).
 */
public final class PolicyException extends Exception {

    /** What was wrong, for callers (and tests) that tell the cases apart. */
    public enum Reason {
        /** Not HuJSON at all (or empty): a stray character, an unclosed string or brace. */
        SYNTAX,
        /** Longer or more deeply nested than {@link PolicyLimits} allows. */
        TOO_LARGE,
        /** A key the format does not have (often a typo). */
        UNKNOWN_KEY,
        /** A required key is absent. */
        MISSING_KEY,
        /** A value of the wrong JSON type (a string where a list belongs, and so on). */
        WRONG_TYPE,
        /** A user, group or rule name that is not a safe identifier, or is reserved. */
        BAD_NAME,
        /** Something listed twice: a key, a rule name, a group member, a selector, a service. */
        DUPLICATE,
        /** A list that must have entries is empty. */
        EMPTY,
        /** A from/to selector that is not {@code *}, {@code user:NAME}, {@code group:NAME} or a name. */
        BAD_SELECTOR,
        /** An action other than allow or deny. */
        UNKNOWN_ACTION,
        /** A service other than call, file and chat. */
        UNKNOWN_SERVICE,
        /** A QoS class that is neither a class name nor one of its DSCP names. */
        UNKNOWN_CLASS,
        /** A file size that does not parse, is not positive, or does not fit in 63 bits of bytes. */
        BAD_SIZE,
        /** A limit where it means nothing: ceilings or a size on a deny rule, a size without the file service. */
        MISPLACED_LIMIT,
        /** A line of a policy test file that is not an expectation. */
        BAD_EXPECTATION
    }

    private final Reason reason;
    private final int line;
    private final int column;

    /** A failure at {@code line} and {@code column} (1-based; 0 where unknown). */
    public PolicyException(Reason reason, int line, int column, String message) {
        super(new Position(line, column).locate(message), null, false, false);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /** A failure of the file as a whole, with no place in it. */
    public PolicyException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.line = 0;
        this.column = 0;
    }

    static PolicyException at(Position at, Reason reason, String message) {
        return at == null ? new PolicyException(reason, message)
                : new PolicyException(reason, at.line(), at.column(), message);
    }

    /** What was wrong. */
    public Reason reason() {
        return reason;
    }

    /** The 1-based line at fault, or 0 when the failure has no single place. */
    public int line() {
        return line;
    }

    /** The 1-based column at fault, or 0 when unknown. */
    public int column() {
        return column;
    }
}
