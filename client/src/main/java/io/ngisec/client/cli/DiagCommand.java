package io.ngisec.client.cli;

import io.ngisec.client.chat.ChatListener;
import io.ngisec.client.diag.CallLogTable;
import io.ngisec.client.diag.CallRecord;
import io.ngisec.client.diag.SessionLogTable;
import io.ngisec.client.diag.SessionRecorder;
import io.ngisec.client.diag.SessionSummary;
import io.ngisec.client.home.PeerHome;
import io.ngisec.client.link.PeerLink;
import io.ngisec.client.peer.OnlinePeer;
import io.ngisec.client.server.DirectoryEntry;
import io.ngisec.client.transfer.OfferDecider;
import io.ngisec.client.transfer.TransferListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ngisec diag}: the statistics of this device's live and recent sessions (as recorded by
 * whichever ngisec process ran them), or with {@code --to} a fresh session to that colleague,
 * measured for a few seconds.
 */
@Command(name = "diag", mixinStandardHelpOptions = true,
        description = "Show statistics of live and recent sessions, or measure a new one with --to.")
public final class DiagCommand implements Callable<Integer> {

    /** A session updated this recently counts as live (the recorder writes every 2 s). */
    private static final Duration LIVE = SessionRecorder.INTERVAL.multipliedBy(3);

    /**
     * A probe the peer's link acknowledges and drops, padded to two packets: the peer acknowledges
     * every second packet at once, a lone one only after its ACK delay, which would inflate the RTT.
     */
    private static final String PROBE = PeerLink.PROBE_PREFIX + ",\"pad\":\"" + "0".repeat(2400) + "\"}";

    @Spec
    private CommandSpec spec;

    @Mixin
    private HomeOptions homeOptions;

    @Option(names = "--to", paramLabel = "USER", description = "Open a session to USER and show its statistics.")
    private String to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Recent sessions to show (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--json", description = "Print one JSON object per session.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1");
        }
        try (PeerHome home = homeOptions.open()) {
            if (to != null) {
                return measure(home);
            }
            HomeOptions.enrolled(home);
            List<SessionSummary> rows = new SessionLogTable(home.database()).recent(Optional.empty(), limit);
            if (rows.isEmpty() && !json) {
                spec.commandLine().getOut().println("no sessions yet");
            }
            rows.forEach(this::print);
            List<CallRecord> calls = new CallLogTable(home.database()).recent(Optional.empty(), limit);
            if (!calls.isEmpty() && !json) {
                spec.commandLine().getOut().println();
                spec.commandLine().getOut().println("calls");
            }
            calls.forEach(this::print);
            return ExitCodes.OK;
        }
    }

    private int measure(PeerHome home) throws Exception {
        try (OnlinePeer peer = PeerStarter.start(home, new OnlinePeer.Options(PeerStarter.sessionSettings(),
                OfferDecider.declineAll("diagnostics only"), false, TransferListener.NONE, ChatListener.NONE, n -> { }))) {
            DirectoryEntry device = PeerStarter.device(peer, to);
            if (device.services().isEmpty()) {
                throw new CommandFailure("the policy allows no service with " + to);
            }
            Instant started = Instant.now();
            PeerLink link = PeerStarter.connect(peer, device, device.services().keySet());
            try (link) {
                // A few round trips so that RTT and the path are measured, not guessed.
                for (int i = 0; i < 10; i++) {
                    link.sendControl(PROBE);
                    Thread.sleep(200);
                }
                link.stats().ifPresent(stats -> print(SessionSummary.of("live", link.peer(), true, started,
                        Clock.systemUTC().instant(), stats)));
            }
            return ExitCodes.OK;
        }
    }

    private void print(CallRecord c) {
        PrintWriter w = spec.commandLine().getOut();
        boolean live = c.endedAt().isEmpty() && c.updatedAt().isAfter(Instant.now().minus(LIVE));
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("call", c.callId());
            o.put("peer", c.peerUser());
            o.put("deviceId", c.peerDevice());
            o.put("outgoing", c.outgoing());
            o.put("live", live);
            o.put("started", c.startedAt().toString());
            c.endedAt().ifPresent(e -> o.put("ended", e.toString()));
            c.endReason().ifPresent(r -> o.put("endReason", r));
            c.endMessage().ifPresent(m -> o.put("endMessage", m));
            c.stats().ifPresent(s -> o.put("stats", CallPrinter.statsFields(s)));
            w.println(Json.line(o));
            return;
        }
        w.println((c.outgoing() ? "call to " : "call from ") + c.peerUser() + (live ? "  LIVE" : c.endedAt()
                .map(e -> "  ended " + e).orElse("  stale")) + c.endMessage().map(m -> " (" + m + ")").orElse(""));
        c.stats().ifPresent(s -> {
            w.println(String.format(Locale.ROOT, "  audio    %s, %d kbit/s%s, %d ms frames; path %s, %s (DSCP %d)%s",
                    s.codec(), s.sendBitrate() / 1000, s.fec() ? " with FEC" : "", s.frameMillis(), s.path(),
                    s.qosClass(), s.dscp(), s.classCapped() ? ", capped by the policy" : ""));
            w.println(String.format(Locale.ROOT, "  quality  rtt %s, jitter %.1f ms, loss %.1f %% before and %.1f %% after recovery "
                    + "(%d from FEC, %d concealed, %d late), buffer %.0f ms", s.rttMillis() < 0 ? "-"
                    : String.format(Locale.ROOT, "%.1f ms", s.rttMillis()), s.jitterMillis(), 100 * s.lossBeforeRecovery(),
                    100 * s.lossAfterRecovery(), s.fecRecovered(), s.concealed(), s.late(), s.jitterBufferMillis()));
            w.println(String.format(Locale.ROOT, "  estimate mouth-to-ear %.0f ms, R %.0f, MOS %.1f (E-model, Opus Ie 0, Bpl 20)",
                    s.mouthToEarMillis(), s.rating(), s.mos()));
        });
    }

    private void print(SessionSummary s) {
        PrintWriter w = spec.commandLine().getOut();
        boolean live = s.endedAt().isEmpty() && s.updatedAt().isAfter(Instant.now().minus(LIVE));
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("peer", s.peerUser());
            o.put("device", s.peerName());
            o.put("deviceId", s.peerDevice());
            o.put("fingerprint", s.peerFingerprint());
            o.put("live", live);
            o.put("started", s.startedAt().toString());
            s.endedAt().ifPresent(e -> o.put("ended", e.toString()));
            s.endReason().ifPresent(r -> o.put("endReason", r));
            o.put("path", s.pathKind());
            o.put("local", s.localType() + " " + s.localAddress());
            o.put("remote", s.remoteType() + " " + s.remoteAddress());
            o.put("pmtu", s.pmtu());
            o.put("cipher", s.cipher());
            o.put("srttMillis", s.smoothedRtt().toNanos() / 1e6);
            o.put("minRttMillis", s.minRtt().toNanos() / 1e6);
            o.put("lossRate", s.lossRate());
            o.put("bytesSent", s.bytesSent());
            o.put("bytesReceived", s.bytesReceived());
            o.put("sendRate", Math.round(s.sendRate()));
            o.put("receiveRate", Math.round(s.receiveRate()));
            o.put("congestionWindow", s.congestionWindow());
            o.put("classes", s.classes());
            o.put("drops", s.drops());
            w.println(Json.line(o));
            return;
        }
        w.println(s.peerUser() + "/" + s.peerName() + (live ? "  LIVE" : s.endedAt().map(e -> "  ended " + e).orElse("  stale"))
                + s.endReason().map(r -> " (" + r + ")").orElse(""));
        w.println("  path     " + s.pathKind() + ": " + s.localType() + " " + s.localAddress() + " -> " + s.remoteType()
                + " " + s.remoteAddress() + ", pmtu " + s.pmtu());
        w.println(String.format(Locale.ROOT, "  rtt      %.1f ms (min %.1f ms), loss %.2f %%",
                s.smoothedRtt().toNanos() / 1e6, s.minRtt().toNanos() / 1e6, s.lossRate() * 100));
        w.println("  traffic  sent " + Sizes.bytes(s.bytesSent()) + ", received " + Sizes.bytes(s.bytesReceived())
                + (live ? ", now " + Sizes.bytes((long) s.sendRate()) + "/s out, " + Sizes.bytes((long) s.receiveRate()) + "/s in" : ""));
        w.println("  classes  " + (s.classes().isEmpty() ? "none" : s.classes()));
        w.println("  security " + s.cipher() + ", peer key " + s.peerFingerprint().substring(0, 16) + "..., drops " + s.drops());
    }
}
