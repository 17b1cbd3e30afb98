package io.ngisec.client.cli;

import io.ngisec.client.call.Call;
import io.ngisec.client.call.CallEnd;
import io.ngisec.client.call.CallEvent;
import io.ngisec.client.call.CallListener;
import io.ngisec.client.call.CallStats;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Prints a call's events and statistics for {@code call} and {@code listen}: lines for people, or JSON lines. */
final class CallPrinter implements CallListener {

    private final PrintWriter out;
    private final boolean json;

    CallPrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public void onEvent(CallEvent event) {
        Call call = event.call();
        String who = call.peer().user() + "/" + call.peer().deviceName();
        switch (event) {
            case CallEvent.Ringing r -> print("ringing", call, "ringing " + who);
            case CallEvent.Incoming i -> print("incoming", call, "call from " + who);
            case CallEvent.Started s -> print("started", call, "call with " + who + " started");
            case CallEvent.Ended e -> ended(call, e.end());
        }
    }

    /** One line of live statistics. */
    void stats(Call call, CallStats s) {
        if (json) {
            Map<String, Object> o = fields("stats", call);
            o.putAll(statsFields(s));
            line(Json.line(o));
        } else {
            line(String.format(Locale.ROOT,
                    "%s  rtt %s  jitter %.1f ms  loss %.1f%% (%.1f%% after FEC)  buffer %.0f ms  %d kbit/s%s  %s %s  MOS %.1f",
                    clock(Duration.ofMillis(s.durationMillis())), s.rttMillis() < 0 ? "-" : String.format(Locale.ROOT, "%.0f ms", s.rttMillis()),
                    s.jitterMillis(), 100 * s.lossBeforeRecovery(), 100 * s.lossAfterRecovery(), s.jitterBufferMillis(),
                    s.sendBitrate() / 1000, s.fec() ? " +FEC" : "", s.path(), classText(s), s.mos()));
        }
    }

    private void ended(Call call, CallEnd end) {
        if (json) {
            Map<String, Object> o = fields("ended", call);
            o.put("reason", end.reason().name());
            o.put("byPeer", end.byPeer());
            o.put("message", end.message());
            o.put("seconds", call.duration().toMillis() / 1000.0);
            call.stats().ifPresent(s -> o.put("stats", statsFields(s)));
            line(Json.line(o));
            return;
        }
        line("call ended: " + end.message() + (call.startedAt().isPresent() ? " (" + clock(call.duration()) + ")" : ""));
        call.stats().ifPresent(s -> line(String.format(Locale.ROOT,
                "  sent %d frames, received %d; loss %.1f%% before, %.1f%% after recovery (%d rebuilt from FEC, %d concealed, %d late); "
                        + "jitter %.1f ms; mouth-to-ear about %.0f ms; estimated MOS %.1f; %s, %s",
                s.framesSent(), s.framesReceived(), 100 * s.lossBeforeRecovery(), 100 * s.lossAfterRecovery(),
                s.fecRecovered(), s.concealed(), s.late(), s.jitterMillis(), s.mouthToEarMillis(), s.mos(), s.path(),
                classText(s))));
    }

    private static String classText(CallStats s) {
        return s.qosClass().name() + " (DSCP " + s.dscp() + (s.classCapped() ? ", capped by the policy" : "") + ")";
    }

    private void print(String event, Call call, String text) {
        if (json) {
            line(Json.line(fields(event, call)));
        } else {
            line(text);
        }
    }

    private static Map<String, Object> fields(String event, Call call) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("event", "call." + event);
        o.put("call", call.id());
        o.put("peer", call.peer().user());
        o.put("device", call.peer().deviceName());
        o.put("outgoing", call.outgoing());
        return o;
    }

    static Map<String, Object> statsFields(CallStats s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("codec", s.codec());
        o.put("bitrate", s.sendBitrate());
        o.put("fec", s.fec());
        o.put("frameMs", s.frameMillis());
        o.put("durationMs", s.durationMillis());
        o.put("rttMs", round(s.rttMillis()));
        o.put("jitterMs", round(s.jitterMillis()));
        o.put("framesSent", s.framesSent());
        o.put("framesReceived", s.framesReceived());
        o.put("lossBefore", round4(s.lossBeforeRecovery()));
        o.put("lossAfter", round4(s.lossAfterRecovery()));
        o.put("fecRecovered", s.fecRecovered());
        o.put("concealed", s.concealed());
        o.put("late", s.late());
        o.put("bufferMs", round(s.jitterBufferMillis()));
        o.put("mouthToEarMs", round(s.mouthToEarMillis()));
        o.put("r", round(s.rating()));
        o.put("mos", round(s.mos()));
        o.put("path", s.path());
        o.put("class", s.qosClass().name());
        o.put("dscp", s.dscp());
        o.put("classCapped", s.classCapped());
        o.put("malformed", s.malformed());
        o.put("inputDbfs", round(s.inputLevelDbfs()));
        o.put("muted", s.muted());
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    private void line(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
