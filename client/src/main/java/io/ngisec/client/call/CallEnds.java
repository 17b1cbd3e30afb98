package io.ngisec.client.call;

import java.time.Duration;
import java.util.Locale;

/**
 * The one lines a call ends with, from this side's point of view and naming the peer's user; the
 * catalogue of what users read, in one place.
 */
final class CallEnds {

    private CallEnds() {
    }

    static CallEnd hungUp(boolean byPeer, String peer) {
        return new CallEnd(CallEndReason.HUNG_UP, byPeer, byPeer ? peer + " hung up" : "you hung up");
    }

    static CallEnd declined(boolean byPeer, String peer, String detail) {
        String line = byPeer ? peer + " declined the call" : "you declined the call from " + peer;
        return new CallEnd(CallEndReason.DECLINED, byPeer, line + suffix(detail));
    }

    /** The callee was in another call (the caller's side). */
    static CallEnd busy(String peer) {
        return new CallEnd(CallEndReason.BUSY, true, peer + " is busy");
    }

    /** A ring refused because this side was in a call with {@code other}. */
    static CallEnd missedWhileBusy(String peer, String other) {
        return new CallEnd(CallEndReason.BUSY, false, "missed call from " + peer + ": you were in a call with " + other);
    }

    /** The caller's ring timeout ran out. */
    static CallEnd noAnswerAfter(String peer, Duration ringTimeout) {
        return new CallEnd(CallEndReason.NO_ANSWER, false, "no answer from " + peer + " after " + seconds(ringTimeout));
    }

    /** The callee's ring timeout ran out first, as the caller hears it. */
    static CallEnd noAnswer(String peer) {
        return new CallEnd(CallEndReason.NO_ANSWER, true, "no answer from " + peer);
    }

    /** The callee's side of a call nobody answered. */
    static CallEnd missed(boolean byPeer, String peer) {
        return new CallEnd(CallEndReason.NO_ANSWER, byPeer, "missed call from " + peer);
    }

    static CallEnd cancelled(boolean byPeer, String peer) {
        return new CallEnd(CallEndReason.CANCELLED, byPeer, byPeer ? peer + " cancelled the call" : "you cancelled the call");
    }

    static CallEnd lost(String peer, String reason) {
        return new CallEnd(CallEndReason.CONNECTION_LOST, false, "call with " + peer + " lost: " + reason);
    }

    /** The callee refused: its ticket does not allow calls with us. */
    static CallEnd notAllowed(String peer) {
        return new CallEnd(CallEndReason.NOT_ALLOWED, true, "the policy does not allow calls with " + peer);
    }

    /** A ring refused here because the ticket does not allow calls with {@code peer}. */
    static CallEnd refusedNotAllowed(String peer) {
        return new CallEnd(CallEndReason.NOT_ALLOWED, false, "refused a call from " + peer + ": the policy does not allow calls with " + peer);
    }

    static CallEnd failed(boolean byPeer, String peer, String detail) {
        String line = byPeer ? "call failed on " + peer + "'s side" : "call failed";
        return new CallEnd(CallEndReason.FAILED, byPeer, line + suffix(detail.isEmpty() ? "no reason given" : detail));
    }

    /** A ring refused here for a reason of the media (an unsupported codec). */
    static CallEnd refusedFailed(String peer, String detail) {
        return new CallEnd(CallEndReason.FAILED, false, "refused a call from " + peer + ": " + detail);
    }

    private static String suffix(String detail) {
        return detail.isEmpty() ? "" : ": " + detail;
    }

    /** {@code 30 s}, or {@code 0.2 s} for the short timeouts of tests. */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
