package io.ngisec.client.transfer;

import io.ngisec.client.link.PeerLink;
import io.ngisec.client.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The receiving side of one transfer on one link. On accept, each entry either resumes an
 * unfinished one from the same device (same path, size and hash: its part file and verified
 * chunks are taken over and announced with {@code file.have}) or gets a new part file. Each chunk
 * is checked against its hash (a bad one is asked for again), written, and after every few chunks
 * the part files are synced and only then the chunks recorded verified, so the database never
 * claims a chunk the disk may not have. A complete entry's whole hash is checked before it is
 * renamed to a name that overwrites nothing.
 *
 * <p>Thread safe: the data reader, control messages, the decision and user controls meet on this
 * object's lock.
 */
final class IncomingTransfer implements Transfer.Controls {

    private static final System.Logger LOG = System.getLogger(IncomingTransfer.class.getName());

    private final Transfer transfer;
    private final PeerLink link;
    private final OfferAssembler offer;
    private final TransferContext context;
    private final List<ReceivedEntry> received = new ArrayList<>();
    private int pendingChunks;
    private int badChunks;
    private long doneBytes;
    private ProgressMeter meter;

    IncomingTransfer(Transfer transfer, PeerLink link, OfferAssembler offer, TransferContext context) {
        this.transfer = transfer;
        this.link = link;
        this.offer = offer;
        this.context = context;
        transfer.controls(this);
    }

    Transfer transfer() {
        return transfer;
    }

    /** Chunks that failed verification so far. */
    synchronized int badChunks() {
        return badChunks;
    }

    synchronized void decline(String reason) {
        if (transfer.moveTo(TransferState.DECLINED, "declined: " + reason)) {
            send(new FileMessage.Decline(transfer.id().value(), reason, false));
        }
    }

    /** Prepares every entry's part file (or resumes it), tells the sender what is here, and accepts. */
    synchronized void accept(Path saveDir) {
        if (transfer.state() != TransferState.OFFERED) {
            return;
        }
        try {
            for (TransferEntry entry : transfer.entries()) {
                received.add(prepare(entry, saveDir));
            }
        } catch (IOException e) {
            failHere(IoErrors.writeFailure(saveDir, e));
            return;
        } catch (StoreException e) {
            failHere(e.getMessage());
            return;
        }
        for (ReceivedEntry r : received) {
            doneBytes += r.complete ? r.entry.size() : r.bytesHave();
            if (!r.complete && !r.have.isEmpty()) {
                long[] ranges = r.ranges();
                // Each range is two numbers of at most 20 characters: 1000 pairs stay well under the control limit.
                for (int at = 0; at < ranges.length; at += 2000) {
                    long[] part = java.util.Arrays.copyOfRange(ranges, at, Math.min(ranges.length, at + 2000));
                    send(new FileMessage.Have(transfer.id().value(), r.entry.index(), part));
                }
            } else if (r.complete) {
                send(new FileMessage.Have(transfer.id().value(), r.entry.index(), r.chunks == 0 ? new long[0] : new long[] {0, r.chunks}));
            }
        }
        meter = new ProgressMeter(transfer.id(), Direction.INCOMING, transfer.totalBytes(), doneBytes, context.nanos());
        send(new FileMessage.Accept(transfer.id().value()));
        transfer.moveTo(TransferState.ACCEPTED, "accepted into " + saveDir);
        for (ReceivedEntry r : received) {
            if (!r.complete && r.allWritten() && !finishEntry(r)) {
                return;
            }
        }
        completeIfDone();
    }

    private ReceivedEntry prepare(TransferEntry entry, Path saveDir) throws IOException, StoreException {
        byte[] hashes = offer.chunkHashes(entry.index());
        TransferStore store = context.store();
        Optional<StoredEntry> match = store.findResumable(transfer.peer().deviceId(), entry, transfer.id());
        if (match.isPresent()) {
            StoredEntry old = match.get();
            if (old.completed() && Files.isRegularFile(old.localPath()) && Files.size(old.localPath()) == entry.size()) {
                store.moveEntry(old, transfer.id(), entry.index());
                transfer.saved(entry.index(), old.localPath());
                return new ReceivedEntry(entry, hashes, old.id(), old.localPath(), new BitSet(), true);
            }
            if (!old.completed() && Files.isRegularFile(old.localPath())) {
                store.moveEntry(old, transfer.id(), entry.index());
                return new ReceivedEntry(entry, hashes, old.id(), old.localPath(), store.verifiedChunks(old.id()), false);
            }
        }
        Path part = SaveFolder.createPart(saveDir, entry.relativePath());
        long row = store.insertEntry(transfer.id(), entry, part, false);
        return new ReceivedEntry(entry, hashes, row, part, new BitSet(), false);
    }

    /** One chunk frame of this transfer from the data stream. */
    synchronized void onChunk(ChunkFrame frame) {
        int length = frame.data().remaining();
        transfer.countReceived(length);
        TransferState state = transfer.state();
        if (state != TransferState.ACCEPTED && state != TransferState.TRANSFERRING && state != TransferState.PAUSED) {
            return;
        }
        if (frame.entry() >= received.size()) {
            badChunk(frame, "entry out of range");
            return;
        }
        ReceivedEntry r = received.get(frame.entry());
        if (r.complete || frame.chunk() >= r.chunks || r.have.get((int) frame.chunk())) {
            return; // a duplicate or a chunk already done: nothing to do
        }
        if (length != TransferLimits.chunkLength(r.entry.size(), frame.chunk())
                || !MessageDigest.isEqual(chunkHash(frame), r.chunkHash(frame.chunk()))) {
            badChunk(frame, "chunk " + frame.chunk() + " of " + r.entry.relativePath() + " failed verification");
            return;
        }
        try {
            if (r.file == null) {
                r.file = context.options().partFiles().open(r.localPath);
            }
            r.file.write(frame.data().duplicate(), frame.chunk() * TransferLimits.CHUNK_BYTES);
        } catch (IOException e) {
            failHere(IoErrors.writeFailure(r.localPath.getParent(), e));
            return;
        }
        r.have.set((int) frame.chunk());
        r.pending.add(frame.chunk());
        pendingChunks++;
        doneBytes += length;
        transfer.moveFrom(TransferState.ACCEPTED, TransferState.TRANSFERRING, "receiving");
        if ((pendingChunks >= context.options().syncEveryChunks() || r.allWritten()) && !flushOrFail()) {
            return;
        }
        if (r.allWritten() && !finishEntry(r)) {
            return;
        }
        context.progress(transfer, meter.update(doneBytes, false));
        completeIfDone();
    }

    private static byte[] chunkHash(ChunkFrame frame) {
        MessageDigest digest = FileDigest.newDigest();
        digest.update(frame.data().duplicate());
        return digest.digest();
    }

    private void badChunk(ChunkFrame frame, String what) {
        badChunks++;
        LOG.log(System.Logger.Level.DEBUG, "transfer {0}: {1}", transfer.id(), what);
        if (badChunks > TransferLimits.MAX_BAD_CHUNKS) {
            failHere("too many chunks failed verification (last: " + what + ")");
        } else if (frame.entry() < received.size()) {
            send(new FileMessage.Need(transfer.id().value(), frame.entry(), frame.chunk()));
        }
    }

    /** Syncs part files with unrecorded chunks, then records those chunks verified; false (and failed) on error. */
    private boolean flushOrFail() {
        try {
            flush();
            return true;
        } catch (IOException e) {
            failHere(e.getMessage());
            return false;
        } catch (StoreException e) {
            failHere(e.getMessage());
            return false;
        }
    }

    private void flush() throws IOException, StoreException {
        Map<Long, List<Long>> recorded = new HashMap<>();
        for (ReceivedEntry r : received) {
            if (!r.pending.isEmpty()) {
                try {
                    r.file.sync();
                } catch (IOException e) {
                    throw new IOException(IoErrors.writeFailure(r.localPath.getParent(), e), e);
                }
                recorded.put(r.rowId, List.copyOf(r.pending));
            }
        }
        if (!recorded.isEmpty()) {
            context.store().recordVerified(recorded);
        }
        for (ReceivedEntry r : received) {
            r.pending.clear();
        }
        pendingChunks = 0;
    }

    /** Checks the whole file's hash and renames it; false (and failed) when it does not match or cannot be renamed. */
    private boolean finishEntry(ReceivedEntry r) {
        r.closeFile();
        try {
            MessageDigest digest = FileDigest.newDigest();
            try (InputStream in = Files.newInputStream(r.localPath)) {
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            }
            if (Files.size(r.localPath) != r.entry.size() || !Hex.of(digest.digest()).equals(r.entry.sha256())) {
                // Verified chunks that do not make the announced file: start this one over on a re-offer.
                Files.deleteIfExists(r.localPath);
                context.store().clearVerified(r.rowId);
                failHere(r.entry.relativePath() + " does not match its SHA-256");
                return false;
            }
            Path done = SaveFolder.finish(r.localPath, r.entry.relativePath());
            context.store().setLocalPath(r.rowId, done, true);
            r.localPath = done;
            r.complete = true;
            transfer.saved(r.entry.index(), done);
            return true;
        } catch (IOException e) {
            failHere("cannot finish " + r.entry.relativePath() + ": " + IoErrors.describe(e));
            return false;
        } catch (StoreException e) {
            failHere(e.getMessage());
            return false;
        }
    }

    private void completeIfDone() {
        if (!received.stream().allMatch(r -> r.complete) || transfer.state().ended()) {
            return;
        }
        // The last progress event comes before the state, so whoever waits for the end has seen it.
        context.progress(transfer, meter.update(transfer.totalBytes(), true));
        if (transfer.moveTo(TransferState.COMPLETED, "all files received and verified")) {
            send(new FileMessage.Done(transfer.id().value()));
        }
    }

    /** Fails here and tells the sender; written chunks are recorded if they can be synced, and stay for a resume. */
    private void failHere(String reason) {
        if (!transfer.state().ended()) {
            try {
                flush();
            } catch (IOException | StoreException e) {
                LOG.log(System.Logger.Level.DEBUG, "could not record the last chunks: {0}", e.getMessage());
            }
        }
        closeAll();
        if (transfer.moveTo(TransferState.FAILED, reason)) {
            send(new FileMessage.Failed(transfer.id().value(), reason));
        }
    }

    synchronized void onPeerFailed(String reason) {
        stopKeeping("failed at " + transfer.peer().user() + ": " + reason, TransferState.FAILED);
    }

    synchronized void linkDown(String reason) {
        stopKeeping("link closed: " + reason, TransferState.INTERRUPTED);
    }

    /** Ends keeping what is verified: records synced chunks, closes files. */
    private void stopKeeping(String reason, TransferState state) {
        if (transfer.state().ended()) {
            return;
        }
        if (!received.isEmpty()) {
            try {
                flush();
            } catch (IOException | StoreException e) {
                LOG.log(System.Logger.Level.DEBUG, "could not record the last chunks: {0}", e.getMessage());
            }
        }
        closeAll();
        transfer.moveTo(state, reason);
    }

    synchronized void onPeerPause() {
        pauseHere("paused by " + transfer.peer().user(), false);
    }

    synchronized void onPeerResume() {
        resumeHere("resumed by " + transfer.peer().user(), false);
    }

    synchronized void onPeerCancel(String reason) {
        cancelHere("cancelled by " + transfer.peer().user() + ": " + reason, false, reason);
    }

    @Override
    public synchronized void pause() {
        pauseHere("paused", true);
    }

    @Override
    public synchronized void resume() {
        resumeHere("resumed", true);
    }

    @Override
    public synchronized void cancel(String reason) {
        cancelHere("cancelled: " + reason, true, reason);
    }

    private void pauseHere(String reason, boolean tellPeer) {
        TransferState state = transfer.state();
        if (state != TransferState.ACCEPTED && state != TransferState.TRANSFERRING) {
            return;
        }
        flushOrFail();
        if (transfer.moveTo(TransferState.PAUSED, reason) && tellPeer) {
            send(new FileMessage.Pause(transfer.id().value()));
        }
    }

    private void resumeHere(String reason, boolean tellPeer) {
        if (transfer.moveFrom(TransferState.PAUSED, TransferState.TRANSFERRING, reason) && tellPeer) {
            send(new FileMessage.Resume(transfer.id().value()));
        }
    }

    private void cancelHere(String reason, boolean tellPeer, String peerReason) {
        if (transfer.state().ended()) {
            return;
        }
        closeAll();
        for (ReceivedEntry r : received) {
            if (!r.complete) {
                try {
                    Files.deleteIfExists(r.localPath);
                    context.store().clearVerified(r.rowId);
                } catch (IOException | StoreException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not delete {0}: {1}", r.localPath, e.getMessage());
                }
            }
        }
        if (transfer.moveTo(TransferState.CANCELLED, reason) && tellPeer) {
            send(new FileMessage.Cancel(transfer.id().value(), peerReason));
        }
    }

    private void closeAll() {
        for (ReceivedEntry r : received) {
            r.closeFile();
        }
    }

    private void send(FileMessage message) {
        try {
            link.sendControl(FileMessageCodec.encode(message));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot send {0}: {1}", message.getClass().getSimpleName(), e.getMessage());
        }
    }
}
