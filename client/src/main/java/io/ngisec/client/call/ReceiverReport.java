package io.ngisec.client.call;

/**
 * What the listening side tells the talking side once a second (control message {@value #TYPE}),
 * so the talker's {@link BitrateController} can adapt: counts since the call started, so a lost
 * report costs nothing but its own second.
 *
 * @param id the call
 * @param due frames whose playout time has come
 * @param missing of those, frames that had not arrived in time (lost or late), before any FEC recovery
 * @param jitterMillis interarrival jitter now
 */
record ReceiverReport(String id, long due, long missing, double jitterMillis) {

    static final String TYPE = CallMedia.CONTROL_PREFIX + "report";

    ReceiverReport {
        if (id == null || due < 0 || missing < 0 || missing > due || !(jitterMillis >= 0)) {
            throw new IllegalArgumentException("report with due " + due + ", missing " + missing + ", jitter " + jitterMillis);
        }
    }
}
