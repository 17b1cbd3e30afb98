package io.ngisec.client.transfer;

import io.ngisec.client.link.ControlMessage;
import io.ngisec.client.link.LinkFeature;
import io.ngisec.client.link.MalformedControlException;
import io.ngisec.client.link.PeerLink;
import io.ngisec.client.store.PeerDatabase;
import io.ngisec.client.store.StoreException;
import io.ngisec.protocol.qos.Service;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * File transfer for this peer over any number of links: {@link #send} offers files and folders,
 * incoming offers go to the {@link OfferDecider}, chunks flow on each link's data stream, and the
 * transfer tables of the peer database keep what a restart needs to resume. Attach it to each link
 * with {@link io.ngisec.client.link.LinkDispatcher} (it owns {@code "file.*"} messages and reads the
 * data stream). On construction every transfer the database shows unfinished becomes INTERRUPTED:
 * no link from before survives a restart.
 *
 * <p>Thread safe.
 */
public final class TransferEngine implements LinkFeature {

    private static final System.Logger LOG = System.getLogger(TransferEngine.class.getName());
    /** Offers being assembled per link at once; more are declined (bounds a peer's hold on memory). */
    private static final int MAX_ASSEMBLING = 16;

    private final TransferStore store;
    private final OfferDecider decider;
    private final TransferContext context;
    private final Map<PeerLink, LinkTransfers> links = new ConcurrentHashMap<>();
    private final AtomicLong droppedFrames = new AtomicLong();

    /** What one link carries: transfers both ways and offers still arriving. */
    private static final class LinkTransfers {
        final Map<TransferId, OutgoingTransfer> outgoing = new ConcurrentHashMap<>();
        final Map<TransferId, IncomingTransfer> incoming = new ConcurrentHashMap<>();
        final Map<TransferId, OfferAssembler> assembling = new ConcurrentHashMap<>();
    }

    public TransferEngine(PeerDatabase database, OfferDecider decider, TransferListener listener, TransferOptions options)
            throws StoreException {
        Objects.requireNonNull(listener, "listener");
        this.store = new TransferStore(database, options.clock());
        this.decider = Objects.requireNonNull(decider, "decider");
        this.context = new TransferContext(store, options, listener, System::nanoTime);
        int interrupted = store.interruptUnfinished("the program stopped during the transfer");
        if (interrupted > 0) {
            LOG.log(System.Logger.Level.INFO, "{0} unfinished transfers marked interrupted", interrupted);
        }
    }

    /** An engine with {@link TransferOptions#defaults()}. */
    public TransferEngine(PeerDatabase database, OfferDecider decider, TransferListener listener) throws StoreException {
        this(database, decider, listener, TransferOptions.defaults());
    }

    /**
     * Offers {@code paths} (files, and folders recursively) on {@code link}, after hashing them;
     * returns at once in OFFERED. Throws DENIED when the link's policy forbids file transfer or a
     * file is over its largest size, FAILED for a missing or unreadable file or a link that is down.
     */
    public Transfer send(PeerLink link, List<Path> paths) throws TransferException {
        LinkTransfers on = attached(link);
        checkService(link);
        return offer(link, on, OfferBuilder.build(paths));
    }

    /**
     * Offers again, on {@code link}, every outgoing transfer to its peer device that was interrupted
     * or failed (from the database, so also after a restart); the receiver resumes from its
     * verified chunks. A transfer whose files are gone or changed is offered as it is now.
     */
    public List<Transfer> resumeInterrupted(PeerLink link) throws TransferException {
        LinkTransfers on = attached(link);
        checkService(link);
        List<Transfer> resumed = new ArrayList<>();
        try {
            for (TransferRecord old : store.resumableOutgoing(link.peer().deviceId())) {
                List<OfferEntry> entries = new ArrayList<>();
                try {
                    for (StoredEntry e : store.entries(old.id())) {
                        entries.add(new OfferEntry(entries.size(), e.entry().relativePath(), e.localPath(), FileDigest.of(e.localPath())));
                    }
                } catch (IOException e) {
                    store.updateState(old.id(), TransferState.FAILED, "cannot resume: " + IoErrors.describe(e));
                    continue;
                }
                store.delete(old.id());
                resumed.add(offer(link, on, entries));
            }
        } catch (StoreException e) {
            throw new TransferException(TransferState.FAILED, e.getMessage(), e);
        }
        return resumed;
    }

    /** The transfers of live links. */
    public List<Transfer> active() {
        List<Transfer> out = new ArrayList<>();
        for (LinkTransfers on : links.values()) {
            on.outgoing.values().forEach(t -> out.add(t.transfer()));
            on.incoming.values().forEach(t -> out.add(t.transfer()));
        }
        return out;
    }

    /** The newest {@code limit} transfers in the database, newest first. */
    public List<TransferRecord> history(int limit) throws StoreException {
        return store.recent(limit);
    }

    /** Chunk frames read for no live incoming transfer (cancelled, finished, unknown). */
    public long droppedFrames() {
        return droppedFrames.get();
    }

    /** Chunks of a live incoming transfer that failed verification (for tests and diagnostics). */
    public int badChunks(TransferId id) {
        return links.values().stream().map(on -> on.incoming.get(id)).filter(Objects::nonNull)
                .mapToInt(IncomingTransfer::badChunks).sum();
    }

    private LinkTransfers attached(PeerLink link) throws TransferException {
        LinkTransfers on = links.get(link);
        if (on == null || link.closed().isPresent()) {
            throw new TransferException(TransferState.FAILED, "not connected to " + link.peer().user());
        }
        return on;
    }

    private static void checkService(PeerLink link) throws TransferException {
        if (!link.grants().allows(Service.FILE)) {
            throw new TransferException(TransferState.DENIED, "the policy does not allow file transfers with " + link.peer().user());
        }
    }

    private Transfer offer(PeerLink link, LinkTransfers on, List<OfferEntry> entries) throws TransferException {
        for (OfferEntry e : entries) {
            if (!link.grants().allowsFileSize(e.size())) {
                throw new TransferException(TransferState.DENIED, e.relativePath() + " is " + e.size() + " bytes; the policy allows at most "
                        + link.grants().maxFileBytes().getAsLong() + " bytes with " + link.peer().user());
            }
        }
        TransferId id = TransferId.random();
        Transfer transfer = new Transfer(id, Direction.OUTGOING, link.peer(), entries.stream().map(e -> TransferEntry.of(e.info())).toList(),
                TransferState.OFFERED, "offered to " + link.peer().user(), this::recordState);
        try {
            store.insertTransfer(record(transfer));
            for (OfferEntry e : entries) {
                store.insertEntry(id, TransferEntry.of(e.info()), e.source(), false);
            }
        } catch (StoreException e) {
            throw new TransferException(TransferState.FAILED, e.getMessage(), e);
        }
        OutgoingTransfer outgoing = new OutgoingTransfer(transfer, link, entries, context);
        on.outgoing.put(id, outgoing);
        try {
            outgoing.offer();
        } catch (IOException e) {
            outgoing.linkDown(e.getMessage());
            throw new TransferException(TransferState.FAILED, "link to " + link.peer().user() + " closed: " + e.getMessage(), e);
        }
        return transfer;
    }

    private TransferRecord record(Transfer t) {
        var now = context.options().clock().instant();
        return new TransferRecord(t.id(), t.direction(), t.peer().user(), t.peer().deviceId(), t.state(), t.reason(), t.totalBytes(), now, now);
    }

    private void recordState(Transfer transfer, TransferState state, String reason) {
        try {
            store.updateState(transfer.id(), state, reason);
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot record transfer {0} as {1}: {2}", transfer.id(), state, e.getMessage());
        }
        try {
            context.listener().stateChanged(transfer, state, reason);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "transfer listener failed", e);
        }
    }

    @Override
    public String typePrefix() {
        return FileMessageCodec.PREFIX;
    }

    @Override
    public void linkUp(PeerLink link) {
        links.putIfAbsent(link, new LinkTransfers());
    }

    @Override
    public void linkDown(PeerLink link, String reason) {
        LinkTransfers on = links.remove(link);
        if (on != null) {
            on.outgoing.values().forEach(t -> t.linkDown(reason));
            on.incoming.values().forEach(t -> t.linkDown(reason));
        }
    }

    @Override
    public boolean onControl(PeerLink link, ControlMessage message) throws MalformedControlException {
        Optional<FileMessage> decoded = FileMessageCodec.decode(message);
        LinkTransfers on = links.get(link);
        if (decoded.isEmpty() || on == null) {
            return decoded.isPresent();
        }
        FileMessage m = decoded.get();
        TransferId id = new TransferId(m.transfer());
        OutgoingTransfer out = on.outgoing.get(id);
        IncomingTransfer in = on.incoming.get(id);
        switch (m) {
            case FileMessage.Offer offer -> startAssembling(link, on, offer);
            case FileMessage.Entries entries -> assemble(link, on, id, a -> a.add(entries));
            case FileMessage.Hashes hashes -> assemble(link, on, id, a -> a.add(hashes));
            case FileMessage.Have have -> ifPresent(out, o -> o.onHave(have));
            case FileMessage.Accept accept -> ifPresent(out, OutgoingTransfer::onAccept);
            case FileMessage.Decline decline -> ifPresent(out, o -> o.onDecline(decline));
            case FileMessage.Need need -> ifPresent(out, o -> o.onNeed(need));
            case FileMessage.Done done -> ifPresent(out, OutgoingTransfer::onDone);
            case FileMessage.Pause pause -> {
                ifPresent(out, OutgoingTransfer::onPeerPause);
                ifPresent(in, IncomingTransfer::onPeerPause);
            }
            case FileMessage.Resume resume -> {
                ifPresent(out, OutgoingTransfer::onPeerResume);
                ifPresent(in, IncomingTransfer::onPeerResume);
            }
            case FileMessage.Cancel cancel -> {
                ifPresent(out, o -> o.onPeerCancel(cancel.reason()));
                ifPresent(in, i -> i.onPeerCancel(cancel.reason()));
                on.assembling.remove(id);
            }
            case FileMessage.Failed failed -> {
                ifPresent(out, o -> o.onPeerFailed(failed.reason()));
                ifPresent(in, i -> i.onPeerFailed(failed.reason()));
            }
        }
        return true;
    }

    private static <T> void ifPresent(T value, java.util.function.Consumer<T> action) {
        if (value != null) {
            action.accept(value);
        }
    }

    private void startAssembling(PeerLink link, LinkTransfers on, FileMessage.Offer offer) {
        TransferId id = new TransferId(offer.transfer());
        try {
            if (on.assembling.containsKey(id) || on.incoming.containsKey(id) || on.outgoing.containsKey(id) || store.exists(id)) {
                refuse(link, id, "transfer id already used", false);
                return;
            }
            if (on.assembling.size() >= MAX_ASSEMBLING) {
                refuse(link, id, "too many offers at once", false);
                return;
            }
            on.assembling.put(id, new OfferAssembler(offer));
            completeIfAssembled(link, on, id);
        } catch (OfferAssembler.InvalidOfferException e) {
            refuse(link, id, "invalid offer: " + e.getMessage(), false);
        } catch (StoreException e) {
            refuse(link, id, "the receiver cannot record transfers now", false);
        }
    }

    private interface AssemblyStep {
        void apply(OfferAssembler assembler) throws OfferAssembler.InvalidOfferException;
    }

    private void assemble(PeerLink link, LinkTransfers on, TransferId id, AssemblyStep step) {
        OfferAssembler assembler = on.assembling.get(id);
        if (assembler == null) {
            return;
        }
        try {
            step.apply(assembler);
            completeIfAssembled(link, on, id);
        } catch (OfferAssembler.InvalidOfferException e) {
            on.assembling.remove(id);
            refuse(link, id, "invalid offer: " + e.getMessage(), false);
        }
    }

    private void completeIfAssembled(PeerLink link, LinkTransfers on, TransferId id) throws OfferAssembler.InvalidOfferException {
        OfferAssembler assembler = on.assembling.get(id);
        if (assembler == null || !assembler.complete()) {
            return;
        }
        on.assembling.remove(id);
        List<TransferEntry> entries = assembler.entries();
        Optional<String> refusal = Optional.empty();
        boolean denied = false;
        for (TransferEntry e : entries) {
            Optional<String> unsafe = SafeNames.problem(e.relativePath());
            if (unsafe.isPresent()) {
                refusal = Optional.of("unsafe file name: " + unsafe.get());
                break;
            }
        }
        if (refusal.isEmpty() && !link.grants().allows(Service.FILE)) {
            refusal = Optional.of("the policy does not allow file transfers with " + link.peer().user());
            denied = true;
        }
        for (TransferEntry e : entries) {
            if (refusal.isEmpty() && !link.grants().allowsFileSize(e.size())) {
                refusal = Optional.of(e.relativePath() + " is " + e.size() + " bytes; the policy allows at most "
                        + link.grants().maxFileBytes().getAsLong() + " bytes");
                denied = true;
            }
        }
        TransferState initial = refusal.isEmpty() ? TransferState.OFFERED : denied ? TransferState.DENIED : TransferState.DECLINED;
        Transfer transfer = new Transfer(id, Direction.INCOMING, link.peer(), entries, initial,
                refusal.orElse("offered by " + link.peer().user()), this::recordState);
        try {
            store.insertTransfer(record(transfer));
        } catch (StoreException e) {
            refuse(link, id, "the receiver cannot record transfers now", false);
            return;
        }
        if (refusal.isPresent()) {
            recordState(transfer, initial, refusal.get());
            refuse(link, id, refusal.get(), denied);
            return;
        }
        IncomingTransfer incoming = new IncomingTransfer(transfer, link, assembler, context);
        on.incoming.put(id, incoming);
        recordState(transfer, TransferState.OFFERED, transfer.reason());
        IncomingOffer offer = new IncomingOffer(id, link.peer(), entries, transfer.totalBytes());
        Thread.ofVirtual().name("transfer-decide-" + id).start(() -> decide(incoming, offer));
    }

    private void decide(IncomingTransfer incoming, IncomingOffer offer) {
        try {
            switch (decider.decide(offer)) {
                case OfferDecision.Accept accept -> incoming.accept(accept.saveDir());
                case OfferDecision.Decline decline -> incoming.decline(decline.reason());
            }
        } catch (InterruptedException e) {
            incoming.decline("the receiver stopped");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "offer decider failed", e);
            incoming.decline("the receiver could not decide");
        }
    }

    private void refuse(PeerLink link, TransferId id, String reason, boolean denied) {
        try {
            link.sendControl(FileMessageCodec.encode(new FileMessage.Decline(id.value(), reason, denied)));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot decline {0}: {1}", id, e.getMessage());
        }
    }

    @Override
    public boolean readsDataStream() {
        return true;
    }

    @Override
    public void readDataStream(PeerLink link) throws IOException, InterruptedException {
        try {
            for (ChunkFrame frame = ChunkFrame.read(link::readData); frame != null; frame = ChunkFrame.read(link::readData)) {
                LinkTransfers on = links.get(link);
                IncomingTransfer in = on == null ? null : on.incoming.get(frame.transfer());
                if (in == null) {
                    droppedFrames.incrementAndGet();
                } else {
                    in.onChunk(frame);
                }
            }
        } catch (ChunkFrame.MalformedFrameException e) {
            // Framing is lost: nothing later on the stream can be trusted to start a frame.
            LOG.log(System.Logger.Level.WARNING, "closing link to {0}: {1}", link.peer().user(), e.getMessage());
            link.close();
        }
    }
}
