package io.ngisec.app.diagnostics;

/**
 * One point of the charts, for one session at one instant.
 *
 * @param seconds when, in seconds since the screen started sampling
 * @param rttMillis smoothed RTT (0 before the first sample)
 * @param sendKbps throughput sent over the last second, kbit/s
 * @param receiveKbps throughput received over the last second, kbit/s
 * @param lossOutPercent packets declared lost since the previous point over those sent, percent
 * @param lossInPercent packet numbers missing since the previous point over those due, percent
 */
public record Sample(double seconds, double rttMillis, double sendKbps, double receiveKbps, double lossOutPercent,
        double lossInPercent) {
}
