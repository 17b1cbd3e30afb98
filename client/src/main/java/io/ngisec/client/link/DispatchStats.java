package io.ngisec.client.link;

/**
 * Counts of one link's control messages: handled, and dropped as malformed, of an unknown type,
 * or because their handler failed unexpectedly.
 */
public record DispatchStats(long handled, long malformed, long unknown, long handlerErrors) {

    /** All dropped messages. */
    public long dropped() {
        return malformed + unknown + handlerErrors;
    }
}
