package io.ngisec.app.call;

import io.ngisec.app.service.CallQuality;
import io.ngisec.client.call.CallStats;
import java.time.Duration;
import java.util.Locale;

/**
 * A call's quality as the in-call view writes it: one string per figure, the path badge, and the
 * level meters as fractions 0..1.
 *
 * @param mos estimated MOS with a word ({@code 4.4 (good)})
 * @param rtt round-trip time ({@code 12 ms}; {@code -} before the first sample)
 * @param jitter interarrival jitter ({@code 1.3 ms})
 * @param loss loss before and after recovery ({@code 2.0% / 0.1% after recovery})
 * @param buffer the jitter buffer's delay ({@code 40 ms})
 * @param path the path badge
 * @param qos class and DSCP ({@code VOICE / DSCP 46}), with {@code capped by policy} when the ticket capped it
 * @param cipher the session's cipher suite, or {@code -}
 * @param codec codec, bitrate and FEC ({@code opus 48 kHz mono, 32 kbit/s, FEC})
 * @param duration time in the call ({@code 01:05})
 * @param inputLevel the microphone meter, 0 when muted
 * @param outputLevel the speaker meter
 */
public record QualityDisplay(String mos, String rtt, String jitter, String loss, String buffer, PathBadge path,
        String qos, String cipher, String codec, String duration, double inputLevel, double outputLevel) {

    /** What the meters show as empty: quieter than this is silence to the eye. */
    static final double METER_FLOOR_DBFS = -60;

    /** The display of {@code quality}. */
    public static QualityDisplay of(CallQuality quality) {
        CallStats s = quality.stats();
        return new QualityDisplay(
                String.format(Locale.ROOT, "%.1f (%s)", s.mos(), s.mos() >= 4.0 ? "good" : s.mos() >= 3.6 ? "fair" : "poor"),
                s.rttMillis() < 0 ? "-" : String.format(Locale.ROOT, "%.0f ms", s.rttMillis()),
                String.format(Locale.ROOT, "%.1f ms", s.jitterMillis()),
                String.format(Locale.ROOT, "%.1f%% / %.1f%% after recovery", 100 * s.lossBeforeRecovery(), 100 * s.lossAfterRecovery()),
                String.format(Locale.ROOT, "%.0f ms", s.jitterBufferMillis()),
                PathBadge.of(s.path()),
                s.qosClass().name() + " / DSCP " + s.dscp() + (s.classCapped() ? ", capped by policy" : ""),
                quality.cipher().orElse("-"),
                s.codec() + ", " + s.sendBitrate() / 1000 + " kbit/s" + (s.fec() ? ", FEC" : ""),
                clock(Duration.ofMillis(s.durationMillis())),
                s.muted() ? 0 : meter(s.inputLevelDbfs()),
                meter(quality.outputLevelDbfs()));
    }

    /** A level in dBFS as a meter fraction: {@link #METER_FLOOR_DBFS} and below empty, 0 dBFS full. */
    public static double meter(double dbfs) {
        return Math.clamp((dbfs - METER_FLOOR_DBFS) / -METER_FLOOR_DBFS, 0.0, 1.0);
    }

    /** {@code mm:ss}, or {@code h:mm:ss} from an hour. */
    public static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
