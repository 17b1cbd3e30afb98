package io.ngisec.client.cli;

import io.ngisec.client.transfer.Transfer;
import io.ngisec.client.transfer.TransferId;
import io.ngisec.client.transfer.TransferListener;
import io.ngisec.client.transfer.TransferProgress;
import io.ngisec.client.transfer.TransferState;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prints what transfers do: on a terminal a progress bar redrawn in place, otherwise a plain line
 * per state change and at most one progress line a second; with {@code --json} one object per event.
 */
final class TransferPrinter implements TransferListener {

    private static final long PLAIN_PROGRESS_NANOS = Duration.ofSeconds(1).toNanos();

    private final PrintWriter out;
    private final boolean json;
    private final boolean terminal;
    private long lastPlain;
    private TransferId lastDone;

    TransferPrinter(PrintWriter out, boolean json, boolean terminal) {
        this.out = out;
        this.json = json;
        this.terminal = terminal && !json;
    }

    @Override
    public synchronized void stateChanged(Transfer transfer, TransferState state, String reason) {
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("event", "transfer");
            o.put("id", transfer.id().toString());
            o.put("direction", transfer.direction().name().toLowerCase(Locale.ROOT));
            o.put("peer", transfer.peer().user());
            o.put("state", state.name());
            o.put("reason", reason);
            o.put("files", transfer.entries().size());
            o.put("bytes", transfer.totalBytes());
            o.put("bytesSent", transfer.bytesSent());
            o.put("bytesReceived", transfer.bytesReceived());
            if (state == TransferState.COMPLETED) {
                Map<String, String> saved = new LinkedHashMap<>();
                for (int i = 0; i < transfer.entries().size(); i++) {
                    int index = i;
                    transfer.savedAs(i).ifPresent(p -> saved.put(transfer.entries().get(index).relativePath(), p.toString()));
                }
                o.put("saved", saved);
            }
            out.println(Json.line(o));
        } else {
            if (terminal) {
                out.print("\r\033[K");
            }
            out.println(describe(transfer) + ": " + state.name().toLowerCase(Locale.ROOT)
                    + (reason == null || reason.isBlank() ? "" : " (" + reason + ")"));
            if (state == TransferState.COMPLETED) {
                for (int i = 0; i < transfer.entries().size(); i++) {
                    int index = i;
                    transfer.savedAs(i).ifPresent(p -> out.println("  saved " + p + " ("
                            + Sizes.bytes(transfer.entries().get(index).size()) + ", sha256 verified)"));
                }
            }
        }
        out.flush();
    }

    @Override
    public synchronized void progress(Transfer transfer, TransferProgress p) {
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("event", "progress");
            o.put("id", p.id().toString());
            o.put("bytesDone", p.bytesDone());
            o.put("bytesTotal", p.bytesTotal());
            o.put("bytesPerSecond", Math.round(p.bytesPerSecond()));
            p.eta().ifPresent(eta -> o.put("etaSeconds", eta.toSeconds()));
            out.println(Json.line(o));
        } else if (terminal) {
            out.print("\r\033[K" + bar(p));
        } else {
            long now = System.nanoTime();
            boolean done = p.bytesDone() >= p.bytesTotal();
            if (done ? p.id().equals(lastDone) : now - lastPlain < PLAIN_PROGRESS_NANOS) {
                return; // one line a second, and the final one once
            }
            lastPlain = now;
            if (done) {
                lastDone = p.id();
            }
            out.println(bar(p));
        }
        out.flush();
    }

    private static String describe(Transfer t) {
        String what = t.entries().size() == 1 ? t.entries().get(0).relativePath() : t.entries().size() + " files";
        String way = switch (t.direction()) {
            case OUTGOING -> "to ";
            case INCOMING -> "from ";
        };
        return "transfer " + way + t.peer().user() + ": " + what + " (" + Sizes.bytes(t.totalBytes()) + ")";
    }

    private static String bar(TransferProgress p) {
        double fraction = p.bytesTotal() == 0 ? 1 : (double) p.bytesDone() / p.bytesTotal();
        int filled = (int) Math.round(fraction * 30);
        return String.format(Locale.ROOT, "[%s%s] %5.1f%% %s of %s, %s/s%s", "#".repeat(filled), ".".repeat(30 - filled),
                fraction * 100, Sizes.bytes(p.bytesDone()), Sizes.bytes(p.bytesTotal()),
                Sizes.bytes((long) p.bytesPerSecond()), p.eta().map(e -> ", " + e.toSeconds() + " s left").orElse(""));
    }
}
