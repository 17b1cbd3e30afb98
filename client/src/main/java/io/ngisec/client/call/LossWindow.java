package io.ngisec.client.call;

/**
 * The loss a talker acts on, from the far side's receiver reports: the larger of the newest
 * report's loss and the loss of the last {@value #REPORTS} reports taken together. A report
 * covers one second, only 50 frames, so under steady 5 % random loss about one report in thirteen
 * shows none (0.95^50); acted on alone, such a report turned FEC off (tier 0 is re-entered below
 * 0.5 %) for a second or more in the middle of a lossy call. Over the window it stays on, while
 * the newest report alone still turns it on as soon as loss starts; it goes off about
 * {@value #REPORTS} clean reports after the loss ends. Not thread safe.
 */
final class LossWindow {

    /** Reports taken together. */
    static final int REPORTS = 5;

    private final long[] due = new long[REPORTS];
    private final long[] missing = new long[REPORTS];
    private int next;
    private int count;

    /** Adds a report: {@code due} frames expected since the last one, {@code missing} of them never came. */
    void add(long dueFrames, long missingFrames) {
        if (dueFrames <= 0 || missingFrames < 0 || missingFrames > dueFrames) {
            throw new IllegalArgumentException("report of " + missingFrames + " missing of " + dueFrames + " due");
        }
        due[next] = dueFrames;
        missing[next] = missingFrames;
        next = (next + 1) % REPORTS;
        count = Math.min(count + 1, REPORTS);
    }

    /** The loss fraction to act on (0..1); 0 before any report. */
    double fraction() {
        if (count == 0) {
            return 0;
        }
        int newest = Math.floorMod(next - 1, REPORTS);
        long windowDue = 0;
        long windowMissing = 0;
        for (int i = 0; i < count; i++) {
            windowDue += due[i];
            windowMissing += missing[i];
        }
        return Math.max((double) missing[newest] / due[newest], (double) windowMissing / windowDue);
    }
}
