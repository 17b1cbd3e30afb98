package io.ngisec.protocol.noise.vectors;

import java.util.List;

/** The outcomes of one test-vector file, in file order. Immutable. */
public record VectorReport(List<VectorOutcome> outcomes) {

    public VectorReport {
        outcomes = List.copyOf(outcomes);
    }

    /** The failed vectors, in file order. */
    public List<VectorOutcome> failures() {
        return outcomes.stream().filter(o -> o.status() == VectorOutcome.Status.FAILED).toList();
    }

    public int passed() {
        return count(VectorOutcome.Status.PASSED);
    }

    public int failed() {
        return count(VectorOutcome.Status.FAILED);
    }

    public int skipped() {
        return count(VectorOutcome.Status.SKIPPED);
    }

    /** {@code N passed, M failed}, followed by {@code , K skipped} only when some were skipped. */
    public String summaryLine() {
        String line = passed() + " passed, " + failed() + " failed";
        return skipped() > 0 ? line + ", " + skipped() + " skipped" : line;
    }

    private int count(VectorOutcome.Status status) {
        return (int) outcomes.stream().filter(o -> o.status() == status).count();
    }
}
