package io.ngisec.client.call;

import io.ngisec.protocol.qos.QosClass;

/**
 * A snapshot of a call's quality, what {@code diag}, {@code call} and the app show. Rates in bit/s,
 * times in milliseconds, ratios 0..1; receive-side figures describe what this side hears.
 *
 * @param codec such as {@code opus 48 kHz mono}
 * @param sendBitrate the encoder's target bitrate now
 * @param fec whether the encoder carries in-band FEC now
 * @param frameMillis the frame interval
 * @param durationMillis time since the media started
 * @param rttMillis the session's smoothed round-trip time (-1 before the first sample)
 * @param jitterMillis interarrival jitter of the received frames (RFC 3550 estimator)
 * @param framesSent frames sent
 * @param framesReceived frames received (in time or late, not counting duplicates)
 * @param lossBeforeRecovery frames missing at playout over frames due
 * @param lossAfterRecovery frames concealed (neither received nor recovered) over frames due
 * @param fecRecovered lost frames rebuilt from the next packet's FEC
 * @param concealed lost frames filled by packet loss concealment
 * @param late frames that arrived after their playout time
 * @param jitterBufferMillis the playout buffer's current delay
 * @param mouthToEarMillis estimated one-way mouth-to-ear delay: half the RTT, the playout buffer,
 *     one frame, the encoder's lookahead and the audio devices' buffers
 * @param rating the E-model's R for that delay and the loss after recovery
 * @param mos the estimated MOS for that R
 * @param path the selected path: {@code host}, {@code srflx}, {@code prflx} or {@code relay}, or {@code memory}
 * @param qosClass the class the frames travel in
 * @param dscp the DiffServ code point on their packets
 * @param classCapped whether the ticket capped calls below VOICE (EF)
 * @param malformed media datagrams dropped as malformed or oversized
 * @param inputLevelDbfs the microphone's level over the last frame (dBFS; -96 for silence)
 * @param muted whether the microphone is muted
 */
public record CallStats(String codec, int sendBitrate, boolean fec, int frameMillis, long durationMillis,
        double rttMillis, double jitterMillis, long framesSent, long framesReceived, double lossBeforeRecovery,
        double lossAfterRecovery, long fecRecovered, long concealed, long late, double jitterBufferMillis,
        double mouthToEarMillis, double rating, double mos, String path, QosClass qosClass, int dscp,
        boolean classCapped, long malformed, double inputLevelDbfs, boolean muted) {
}
