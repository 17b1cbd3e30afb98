package io.ngisec.server.policy;

/**
 * Bounds on what a policy file and a policy test file may be. They keep a pasted or mistyped file
 * (or a hostile one arriving through an admin API) from costing more than a moment to refuse.
 */
final class PolicyLimits {

    /** Longest policy or policy test text, in chars: far above any real organization's file. */
    static final int MAX_TEXT_CHARS = 1 << 20;

    /** Deepest nesting of objects and lists in a policy file; the format itself needs four levels. */
    static final int MAX_NESTING = 8;

    /** Longest user, group or rule name, in chars. */
    static final int MAX_NAME_CHARS = 64;

    /** Longest piece of offending input quoted back in an error message, in chars. */
    static final int MAX_QUOTED_CHARS = 80;

    private PolicyLimits() {
    }
}
