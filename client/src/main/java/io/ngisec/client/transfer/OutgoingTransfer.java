package io.ngisec.client.transfer;

import io.ngisec.client.link.PeerLink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.List;

/**
 * The sending side of one transfer on one link: sends the offer (split to fit control messages),
 * learns which chunks the receiver already has, then a virtual thread sends the others as frames,
 * re-reading and re-hashing each so a file changed since the offer fails instead of corrupting.
 * Reacts to the receiver's need (a chunk again), pause, resume, cancel, done and failed.
 *
 * <p>Thread safe: control messages, user controls and the send thread meet on this object's lock;
 * the thread writes frames outside it.
 */
final class OutgoingTransfer implements Transfer.Controls {

    private static final System.Logger LOG = System.getLogger(OutgoingTransfer.class.getName());

    private final Transfer transfer;
    private final PeerLink link;
    private final List<OfferEntry> entries;
    private final TransferContext context;
    private final BitSet[] had;
    private final ArrayDeque<long[]> queue = new ArrayDeque<>();
    private boolean paused;
    private long doneBytes;
    private ProgressMeter meter;

    OutgoingTransfer(Transfer transfer, PeerLink link, List<OfferEntry> entries, TransferContext context) {
        this.transfer = transfer;
        this.link = link;
        this.entries = List.copyOf(entries);
        this.context = context;
        this.had = new BitSet[entries.size()];
        for (int i = 0; i < had.length; i++) {
            had[i] = new BitSet();
        }
        transfer.controls(this);
    }

    Transfer transfer() {
        return transfer;
    }

    /** Sends the offer: header, entries, then each entry's chunk hashes. */
    void offer() throws IOException {
        long total = entries.stream().mapToLong(OfferEntry::size).sum();
        link.sendControl(FileMessageCodec.encode(new FileMessage.Offer(transfer.id().value(), TransferLimits.CHUNK_BYTES, entries.size(), total)));
        for (List<FileMessage.EntryInfo> part : FileMessageCodec.split(entries.stream().map(OfferEntry::info).toList(), e -> e)) {
            link.sendControl(FileMessageCodec.encode(new FileMessage.Entries(transfer.id().value(), part)));
        }
        for (OfferEntry entry : entries) {
            long chunks = TransferLimits.chunkCount(entry.size());
            List<String> hashes = new java.util.ArrayList<>();
            for (long i = 0; i < chunks; i++) {
                hashes.add(Hex.of(entry.digest().chunkHash(i)));
            }
            long first = 0;
            for (List<String> part : FileMessageCodec.split(hashes, h -> h)) {
                link.sendControl(FileMessageCodec.encode(new FileMessage.Hashes(transfer.id().value(), entry.index(), first, part)));
                first += part.size();
            }
        }
    }

    synchronized void onHave(FileMessage.Have have) {
        if (have.entry() >= entries.size() || transfer.state() != TransferState.OFFERED) {
            return;
        }
        long chunks = TransferLimits.chunkCount(entries.get(have.entry()).size());
        long[] ranges = have.ranges();
        for (int i = 0; i < ranges.length; i += 2) {
            had[have.entry()].set((int) Math.min(ranges[i], chunks), (int) Math.min(ranges[i + 1], chunks));
        }
    }

    void onAccept() {
        synchronized (this) {
            if (transfer.state() != TransferState.OFFERED) {
                return;
            }
            for (OfferEntry entry : entries) {
                long chunks = TransferLimits.chunkCount(entry.size());
                for (long i = 0; i < chunks; i++) {
                    if (had[entry.index()].get((int) i)) {
                        doneBytes += TransferLimits.chunkLength(entry.size(), i);
                    } else {
                        queue.add(new long[] {entry.index(), i});
                    }
                }
            }
            meter = new ProgressMeter(transfer.id(), Direction.OUTGOING, transfer.totalBytes(), doneBytes, context.nanos());
        }
        if (transfer.moveTo(TransferState.ACCEPTED, "accepted by " + transfer.peer().user())) {
            Thread.ofVirtual().name("transfer-send-" + transfer.id()).start(this::sendLoop);
        }
    }

    void onDecline(FileMessage.Decline decline) {
        end(decline.denied() ? TransferState.DENIED : TransferState.DECLINED, decline.reason());
    }

    synchronized void onNeed(FileMessage.Need need) {
        if (need.entry() < entries.size() && need.chunk() < TransferLimits.chunkCount(entries.get(need.entry()).size())) {
            queue.add(new long[] {need.entry(), need.chunk()});
            notifyAll();
        }
    }

    void onDone() {
        synchronized (this) {
            if (meter != null) {
                context.progress(transfer, meter.update(transfer.totalBytes(), true));
            }
        }
        end(TransferState.COMPLETED, "received and verified by " + transfer.peer().user());
    }

    void onPeerPause() {
        setPaused(true, "paused by " + transfer.peer().user(), false);
    }

    void onPeerResume() {
        setPaused(false, "resumed by " + transfer.peer().user(), false);
    }

    void onPeerCancel(String reason) {
        end(TransferState.CANCELLED, "cancelled by " + transfer.peer().user() + ": " + reason);
    }

    void onPeerFailed(String reason) {
        end(TransferState.FAILED, transfer.peer().user() + ": " + reason);
    }

    void linkDown(String reason) {
        end(TransferState.INTERRUPTED, "link closed: " + reason);
    }

    @Override
    public void pause() {
        setPaused(true, "paused", true);
    }

    @Override
    public void resume() {
        setPaused(false, "resumed", true);
    }

    @Override
    public void cancel(String reason) {
        if (end(TransferState.CANCELLED, "cancelled: " + reason)) {
            send(new FileMessage.Cancel(transfer.id().value(), reason));
        }
    }

    private void setPaused(boolean pause, String reason, boolean tellPeer) {
        TransferState state = transfer.state();
        boolean moved;
        synchronized (this) {
            if (pause && state != TransferState.ACCEPTED && state != TransferState.TRANSFERRING
                    || !pause && state != TransferState.PAUSED) {
                return;
            }
            paused = pause;
            notifyAll();
        }
        moved = transfer.moveTo(pause ? TransferState.PAUSED : TransferState.TRANSFERRING, reason);
        if (moved && tellPeer) {
            send(pause ? new FileMessage.Pause(transfer.id().value()) : new FileMessage.Resume(transfer.id().value()));
        }
    }

    private boolean end(TransferState state, String reason) {
        boolean moved = transfer.moveTo(state, reason);
        synchronized (this) {
            notifyAll();
        }
        return moved;
    }

    private void fail(String reason) {
        if (end(TransferState.FAILED, reason)) {
            send(new FileMessage.Failed(transfer.id().value(), reason));
        }
    }

    private void send(FileMessage message) {
        try {
            link.sendControl(FileMessageCodec.encode(message));
        } catch (IOException e) {
            // The link is gone; its link-down handling moves the transfer on.
            LOG.log(System.Logger.Level.DEBUG, "cannot send {0}: {1}", message.getClass().getSimpleName(), e.getMessage());
        }
    }

    private long[] next() throws InterruptedException {
        synchronized (this) {
            while (!transfer.state().ended() && (paused || queue.isEmpty())) {
                wait();
            }
            return transfer.state().ended() ? null : queue.poll();
        }
    }

    private void sendLoop() {
        FileChannel open = null;
        int openEntry = -1;
        try {
            for (long[] next = next(); next != null; next = next()) {
                OfferEntry entry = entries.get((int) next[0]);
                long chunk = next[1];
                ByteBuffer data = ByteBuffer.allocate(TransferLimits.chunkLength(entry.size(), chunk));
                try {
                    if (openEntry != entry.index()) {
                        if (open != null) {
                            open.close();
                        }
                        open = FileChannel.open(entry.source(), StandardOpenOption.READ);
                        openEntry = entry.index();
                    }
                    FileDigest.readFully(open, data, chunk * TransferLimits.CHUNK_BYTES);
                } catch (IOException e) {
                    fail("cannot read " + entry.source() + ": " + IoErrors.describe(e));
                    return;
                }
                data.flip();
                if (!MessageDigest.isEqual(FileDigest.newDigest().digest(data.duplicate().array()), entry.digest().chunkHash(chunk))) {
                    fail(entry.relativePath() + " changed since it was offered");
                    return;
                }
                link.writeData(new ChunkFrame(transfer.id(), entry.index(), chunk, data).encode());
                transfer.countSent(data.limit());
                transfer.moveFrom(TransferState.ACCEPTED, TransferState.TRANSFERRING, "sending");
                synchronized (this) {
                    doneBytes = Math.min(transfer.totalBytes(), doneBytes + data.limit());
                    context.progress(transfer, meter.update(doneBytes, false));
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "data stream closed: {0}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(open);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Read-only channel: nothing was lost.
            }
        }
    }
}
