package io.ngisec.server.policy;

import java.util.List;

/**
 * The result of running a policy test file against a policy: one outcome per expectation, in file
 * order. Immutable.
 */
public record PolicyTestReport(List<Outcome> lines) {

    /**
     * One expectation's result. The message names the line, the expectation and the rule that
     * decided: {@code line 3: expected "guest may not send files to eng" but rule "everyone"
     * allows file at bulk (AF11)}.
     */
    public record Outcome(int line, String expectation, boolean passed, String message) {
    }

    public PolicyTestReport {
        lines = List.copyOf(lines);
    }

    /** The outcomes that passed. */
    public List<Outcome> passed() {
        return lines.stream().filter(Outcome::passed).toList();
    }

    /** The outcomes that failed. */
    public List<Outcome> failed() {
        return lines.stream().filter(o -> !o.passed()).toList();
    }

    /** Whether every expectation held (true for a file without expectations). */
    public boolean allPassed() {
        return lines.stream().allMatch(Outcome::passed);
    }

    /** One line for people, such as {@code 12 expectations: 11 passed, 1 failed}. */
    public String summary() {
        int failed = failed().size();
        return lines.size() + (lines.size() == 1 ? " expectation: " : " expectations: ")
                + (lines.size() - failed) + " passed, " + failed + " failed";
    }
}
