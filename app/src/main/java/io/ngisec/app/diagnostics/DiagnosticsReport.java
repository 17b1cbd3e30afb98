package io.ngisec.app.diagnostics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ngisec.app.service.SelfIdentity;
import io.ngisec.app.service.ServerStatus;
import io.ngisec.client.diag.CallRecord;
import io.ngisec.client.diag.SessionSummary;
import io.ngisec.client.netcheck.NetCheckReport;
import io.ngisec.client.store.StoreException;
import io.ngisec.protocol.record.DropReason;
import io.ngisec.protocol.session.stats.ClassStats;
import io.ngisec.protocol.session.stats.DropCounts;
import io.ngisec.protocol.session.stats.SessionStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The diagnostics report for the organization's help desk, as one JSON object: when and where
 * from (app, Java, OS), this device (user, device, id, server, CA fingerprint: all public), the
 * server connection, every live session with its full statistics, the recent sessions and calls
 * of the client's diag log, and the last netcheck. Built only from those values: it holds no key,
 * passphrase, ticket or TURN credential, by construction. Blocking (the log is read from disk).
 */
public final class DiagnosticsReport {

    /** Recent sessions and calls the report carries, each. */
    static final int RECENT = 20;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SelfIdentity self;
    private final Supplier<ServerStatus> status;
    private final SessionSource sessions;
    private final DiagLog log;
    private final Clock clock;

    public DiagnosticsReport(SelfIdentity self, Supplier<ServerStatus> status, SessionSource sessions, DiagLog log,
            Clock clock) {
        this.self = Objects.requireNonNull(self, "self");
        this.status = Objects.requireNonNull(status, "status");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Writes the report to {@code file} (replacing it; a reader never sees half a report). */
    public void write(Path file, Optional<NetCheckReport> netcheck) throws IOException {
        String text = json(netcheck);
        Path absolute = file.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), ".ngisec-report", ".tmp");
        try {
            Files.writeString(temp, text);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The report as indented JSON; a diag log that cannot be read is named in {@code logError}. */
    public String json(Optional<NetCheckReport> netcheck) {
        ObjectNode root = JSON.createObjectNode();
        root.put("report", "ngisec-diagnostics");
        root.put("version", 1);
        root.put("createdAt", clock.instant().toString());
        ObjectNode app = root.putObject("app");
        app.put("version", Optional.ofNullable(DiagnosticsReport.class.getPackage().getImplementationVersion()).orElse("dev"));
        app.put("java", System.getProperty("java.version"));
        app.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));

        ObjectNode device = root.putObject("identity");
        device.put("user", self.user());
        device.put("device", self.deviceName());
        device.put("deviceId", self.deviceId().toString());
        device.put("server", self.server().toString());
        device.put("caFingerprint", self.caFingerprint().toString());

        ServerStatus s = status.get();
        ObjectNode connection = root.putObject("connection");
        connection.put("state", s.phase().name());
        connection.put("lastError", s.lastError());

        ArrayNode live = root.putArray("sessions");
        for (LiveSession session : sessions.sessions()) {
            session(live.addObject(), session);
        }
        try {
            ArrayNode recent = root.putArray("recentSessions");
            for (SessionSummary summary : log.recentSessions(RECENT)) {
                recent.add(JSON.valueToTree(summaryFields(summary)));
            }
            ArrayNode calls = root.putArray("recentCalls");
            for (CallRecord call : log.recentCalls(RECENT)) {
                calls.add(call(call));
            }
        } catch (StoreException e) {
            root.put("logError", e.getMessage());
        }
        if (netcheck.isPresent()) {
            try {
                root.set("netcheck", JSON.readTree(netcheck.get().toJson()));
            } catch (JsonProcessingException e) {
                root.put("netcheck", "unreadable: " + e.getOriginalMessage());
            }
        } else {
            root.putNull("netcheck");
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    private static void session(ObjectNode o, LiveSession session) {
        SessionStats s = session.stats();
        o.put("id", session.id());
        o.put("peer", session.peer().user());
        o.put("peerDevice", session.peer().deviceName());
        o.put("peerDeviceId", session.peer().deviceId().toString());
        o.put("peerFingerprint", session.peer().fingerprint().hex());
        o.put("initiator", session.initiator());
        o.put("ageSeconds", seconds(s.age()));
        ObjectNode path = o.putObject("path");
        path.put("route", StatsRows.pathKind(s.path()));
        path.put("localType", s.path().localType().token());
        path.put("localAddress", Units.address(s.path().local()));
        path.put("remoteType", s.path().remoteType().token());
        path.put("remoteAddress", Units.address(s.path().remote()));
        path.put("pmtu", s.path().pmtu());
        ObjectNode rtt = o.putObject("rtt");
        rtt.put("sampled", s.rtt().sampled());
        rtt.put("smoothedMillis", millis(s.rtt().smoothed()));
        rtt.put("minMillis", millis(s.rtt().min()));
        rtt.put("latestMillis", millis(s.rtt().latest()));
        rtt.put("rttvarMillis", millis(s.rtt().rttvar()));
        ObjectNode congestion = o.putObject("congestion");
        congestion.put("windowBytes", s.congestion().congestionWindow());
        congestion.put("inFlightBytes", s.congestion().bytesInFlight());
        congestion.put("pacingBytesPerSecond", Math.round(s.congestion().pacingRate()));
        o.put("lossRate", s.lossRate());
        ObjectNode inbound = o.putObject("inboundLoss");
        inbound.put("highestPacketNumber", s.inbound().highestPacketNumber());
        inbound.put("packetsMissing", s.inbound().packetsMissing());
        inbound.put("lossRate", s.inbound().lossRate());
        o.put("sendBytesPerSecond", Math.round(s.sendRate()));
        o.put("receiveBytesPerSecond", Math.round(s.receiveRate()));
        o.put("datagramsSent", s.datagramsSent());
        o.put("datagramsReceived", s.datagramsReceived());
        ArrayNode classes = o.putArray("classes");
        for (ClassStats c : s.classes().values()) {
            ObjectNode q = classes.addObject();
            q.put("class", c.qosClass().name());
            q.put("dscp", c.dscp());
            q.put("packetsSent", c.packetsSent());
            q.put("bytesSent", c.bytesSent());
            q.put("packetsLost", c.packetsLost());
            q.put("packetsReceived", c.packetsReceived());
            q.put("bytesReceived", c.bytesReceived());
            q.put("packetsReordered", c.packetsReordered());
            q.put("sendBytesPerSecond", Math.round(c.sendRate()));
            q.put("receiveBytesPerSecond", Math.round(c.receiveRate()));
            c.jitter().ifPresentOrElse(j -> q.put("jitterMillis", millis(j)), () -> q.putNull("jitterMillis"));
        }
        ObjectNode security = o.putObject("security");
        security.put("handshake", s.security().handshakeProtocol());
        security.put("recordCipher", s.security().recordCipher());
        security.put("handshakeMillis", millis(s.security().handshakeTime()));
        security.put("sendKeyPhase", s.security().sendKeyPhase());
        security.put("sendKeyAgeSeconds", seconds(s.security().sendKeyAge()));
        security.put("receiveKeyPhase", s.security().receiveKeyPhase());
        security.put("receiveKeyAgeSeconds", seconds(s.security().receiveKeyAge()));
        drops(o.putObject("drops"), s.drops());
    }

    private static void drops(ObjectNode o, DropCounts d) {
        ObjectNode record = o.putObject("recordLayer");
        for (DropReason r : DropReason.values()) {
            record.put(r.name(), d.recordLayer(r));
        }
        o.put("malformedFrames", d.malformedFrames());
        o.put("ackViolations", d.ackViolations());
        o.put("streamErrors", d.streamErrors());
        o.put("datagramQueueDrops", d.datagramQueueDrops());
        o.put("sealFailures", d.sealFailures());
        o.put("inboxOverflow", d.inboxOverflow());
        o.put("pathSendFailures", d.pathSendFailures());
    }

    /** The fields {@code ngisec diag --json} prints for a recorded session. */
    private static java.util.Map<String, Object> summaryFields(SessionSummary s) {
        java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
        o.put("peer", s.peerUser());
        o.put("peerDevice", s.peerName());
        o.put("peerDeviceId", s.peerDevice());
        o.put("initiator", s.initiator());
        o.put("started", s.startedAt().toString());
        o.put("updated", s.updatedAt().toString());
        s.endedAt().ifPresent(e -> o.put("ended", e.toString()));
        s.endReason().ifPresent(r -> o.put("endReason", r));
        o.put("route", s.pathKind());
        o.put("local", s.localType() + " " + s.localAddress());
        o.put("remote", s.remoteType() + " " + s.remoteAddress());
        o.put("pmtu", s.pmtu());
        o.put("cipher", s.cipher());
        o.put("srttMillis", millis(s.smoothedRtt()));
        o.put("minRttMillis", millis(s.minRtt()));
        o.put("lossRate", s.lossRate());
        o.put("bytesSent", s.bytesSent());
        o.put("bytesReceived", s.bytesReceived());
        o.put("congestionWindow", s.congestionWindow());
        o.put("classes", s.classes());
        o.put("drops", s.drops());
        return o;
    }

    private static ObjectNode call(CallRecord c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("call", c.callId());
        o.put("peer", c.peerUser());
        o.put("peerDeviceId", c.peerDevice());
        o.put("outgoing", c.outgoing());
        o.put("started", c.startedAt().toString());
        c.endedAt().ifPresent(e -> o.put("ended", e.toString()));
        c.endReason().ifPresent(r -> o.put("endReason", r));
        c.endMessage().ifPresent(m -> o.put("endMessage", m));
        c.stats().ifPresent(s -> o.set("stats", JSON.valueToTree(s)));
        return o;
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1e3;
    }
}
