package io.ngisec.protocol.session;

import io.ngisec.protocol.ProtocolInfo;
import io.ngisec.protocol.channel.frame.DatagramFrame;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.record.PacketType;
import io.ngisec.protocol.record.RecordLayer;
import io.ngisec.protocol.record.RecordStats;
import io.ngisec.protocol.session.stats.DropCounts;
import io.ngisec.protocol.session.stats.PathInfo;
import io.ngisec.protocol.session.stats.SecurityStats;
import io.ngisec.protocol.session.stats.SessionStats;
import io.ngisec.protocol.session.stats.StatsPublisher;
import io.ngisec.protocol.session.stats.StatsSubscription;
import io.ngisec.protocol.transport.DatagramPath;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.random.RandomGenerator;

/**
 * An established session over a real {@link DatagramPath}. Two threads drive the
 * {@link SessionCore}: the path's receive thread hands each datagram straight to the core and,
 * at the end of each receive batch, sends what the arrivals allow (acknowledgements, data the
 * opened window lets go) in one flush; a driver thread runs the timers (pacing, acknowledgement
 * delay, loss detection), sleeping until the next one or until woken. What the handshake left in
 * the {@link DatagramInbox}'s queue, the driver takes first. Packets are queued on the path and
 * flushed together, so a paced burst costs one system call where the platform batches. Time is
 * {@link System#nanoTime()}, always read under the lock so the core's clock never goes back.
 *
 * <p>Thread safe: the application calls in from any threads. {@link #write} blocks while the
 * stream's send buffer is full (back-pressure), {@link #read} blocks until data or the end of the
 * stream. Every call, every driver step and every received datagram take one lock, so the core
 * is never touched by two threads at once. The session ends by {@link #close()} (CLOSED; a CLOSE
 * goes to the peer), by the peer's CLOSE (PEER_CLOSED), by the idle timeout (IDLE_TIMEOUT), by a
 * protocol violation of the peer (PROTOCOL_VIOLATION; a CLOSE goes to the peer) or by a failure
 * inside the driver (CLOSED, with the failure as cause); blocked and later calls then throw that
 * {@link SessionFailure}, whose {@link SessionFailure#closeReason()} gives the CLOSE's code and
 * reason. Data already received can still be read. Keepalives and PMTU discovery run in the core
 * (section 13.8 of the spec).
 *
 * <p>Statistics: {@link #stats()} takes a snapshot on the caller's thread (under the lock);
 * {@link #subscribe} has the driver take one every interval, on its own timer, and hand it to the
 * listener's executor without waiting for it (see {@link StatsSubscription}).
 *
 * <p>Paths: the session starts on one; {@link #migrate} moves it to another after path
 * validation, keeping keys, streams and data (see {@link PathMigrator}), and a peer that moves is
 * followed on any path given to {@link #acceptPath}. Each further path delivers on its own receive
 * thread, straight to the core like the first.
 */
public final class UdpSession implements AutoCloseable {

    /** Datagrams handled per lock hold before the driver lets the application in again. */
    private static final int RECEIVE_BATCH = 64;
    /** Longest sleep with nothing pending: bounds how stale a missed wake-up could leave us. */
    private static final long MAX_SLEEP_NANOS = 1_000_000_000L;

    private final ReentrantLock lock = new ReentrantLock();
    /*
     * Waiters wait on the condition of what they wait for, so that a voice packet wakes the media
     * receiver alone: with one condition for all, each of the 100 packets a second of a call woke
     * every blocked reader and writer of the session (about 1,100 context switches a second).
     */
    /** Signalled when a stream that has a waiting reader becomes readable, or the session ends. */
    private final Condition readable = lock.newCondition();
    /** Signalled when acknowledgements or timers may have freed send buffer, or the session ends. */
    private final Condition sendProgress = lock.newCondition();
    /** Signalled when a real-time datagram arrives, or the session ends. */
    private final Condition datagramArrived = lock.newCondition();
    /** Readers blocked in {@link #read}, by stream; guarded by {@code lock}. */
    private final Map<Long, Integer> waitingReaders = new HashMap<>();
    /** Callers blocked in {@link #write} or {@link #awaitSendDone}; guarded by {@code lock}. */
    private int waitingSenders;
    /**
     * When the driver's current sleep ends (nanoTime); guarded by {@code lock}. Stale, in the
     * past, while the driver runs: it then recomputes its deadline under the lock anyway.
     */
    private long driverWakeAt = Long.MAX_VALUE;
    private final DatagramInbox inbox;
    private final RecordLayer record;
    private final SessionCore core;
    private final PathMigrator migrator;
    /** The path the session started on, whose datagrams the handshake's inbox delivers. */
    private final DatagramPathLink firstLink;
    /** Every path the session receives from, with its link; guarded by {@code lock}. */
    private final Map<DatagramPath, DatagramPathLink> links = new IdentityHashMap<>();
    /** Callers of {@link #migrate} waiting for the move to a link; guarded by {@code lock}. */
    private final Map<PacketLink, List<CompletableFuture<DatagramPath>>> moves = new IdentityHashMap<>();
    private final byte[] finishToRepeat;
    private final Thread driver;
    private volatile boolean closed;
    /** Set once the driver has stopped: the session ended and drained, or the driver failed. */
    private volatile boolean terminated;
    private Throwable driverFailure;
    private long pathSendFailures;
    private long finishRepeats;
    private final StatsPublisher statsPublisher = new StatsPublisher();
    private final LongFunction<SessionStats> snapshot = this::snapshot;
    private final long startNanos = System.nanoTime();
    private final Duration handshakeTime;

    private UdpSession(DatagramPath path, DatagramInbox inbox, SessionHandshake.Established established,
            SessionConfig config, RandomGenerator random) {
        this.inbox = inbox;
        this.record = established.result().openRecordLayer();
        this.firstLink = new DatagramPathLink(path, this::countSendFailure);
        links.put(path, firstLink);
        this.core = new SessionCore(record, firstLink, config, random);
        this.migrator = new PathMigrator(core, config.maxAckDelayNanos(), new SecureRandom(), new PathMigrator.Listener() {
            @Override
            public void onMigrated(PacketLink from, PacketLink to) {
                settleMoves(to, null);
            }

            @Override
            public void onValidationFailed(PacketLink path) {
                settleMoves(path, new SessionFailure(SessionFailure.Reason.PATH_VALIDATION_FAILED,
                        "no answer on " + ((DatagramPathLink) path).path()));
            }
        });
        this.finishToRepeat = established.finishDatagram();
        this.handshakeTime = established.result().elapsed();
        this.driver = Thread.ofPlatform().daemon()
                .name("ngisec-session-" + Long.toHexString(record.localConnectionId()))
                .unstarted(this::drive);
    }

    /**
     * Opens the record layer of {@code established} and starts the driver. {@code inbox} must be
     * the one the handshake read from; {@code random} seeds congestion control.
     */
    public static UdpSession start(DatagramPath path, DatagramInbox inbox, SessionHandshake.Established established,
            SessionConfig config, RandomGenerator random) {
        UdpSession session = new UdpSession(path, inbox, established, config, random);
        session.driver.start();
        inbox.divert(session.new DirectReceiver(session.firstLink));
        return session;
    }

    // --- application side ---

    /** Writes all of {@code src} into stream {@code streamId}, waiting while its send buffer is full. */
    public void write(long streamId, ByteBuffer src) throws SessionFailure, InterruptedException {
        lock.lock();
        try {
            while (src.hasRemaining()) {
                checkOpen();
                if (core.write(streamId, src) > 0) {
                    inbox.wake();
                } else {
                    awaitSendProgress(0);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Ends stream {@code streamId} after what has been written. */
    public void finish(long streamId) throws SessionFailure {
        lock.lock();
        try {
            checkOpen();
            core.finish(streamId);
        } finally {
            lock.unlock();
        }
        inbox.wake();
    }

    /** Reads what is ready of stream {@code streamId} into {@code dst}, waiting for at least one byte; -1 at its end. */
    public int read(long streamId, ByteBuffer dst) throws SessionFailure, InterruptedException {
        if (!dst.hasRemaining()) {
            return 0;
        }
        lock.lock();
        try {
            while (true) {
                int n = core.read(streamId, dst);
                if (n > 0) {
                    inbox.wake(); // reading may have freed window worth advertising
                    return n;
                }
                if (n < 0) {
                    return n;
                }
                checkOpen();
                waitingReaders.merge(streamId, 1, Integer::sum);
                try {
                    readable.await();
                } finally {
                    waitingReaders.merge(streamId, -1, (a, b) -> a + b == 0 ? null : a + b);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until all data and the fin of stream {@code streamId} are acknowledged; false on timeout. */
    public boolean awaitSendDone(long streamId, Duration timeout) throws SessionFailure, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!core.isSendDone(streamId)) {
                checkOpen();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                awaitSendProgress(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Queues one real-time datagram (see {@link SessionCore#sendDatagram}); false if it cannot fit a packet. */
    public boolean sendDatagram(long channelId, byte[] data) throws SessionFailure {
        boolean queued;
        boolean wake = false;
        lock.lock();
        try {
            checkOpen();
            queued = core.sendDatagram(channelId, data);
            if (queued) {
                // Send it from this thread, now: waking the driver first would add a thread
                // hand-over, which on a busy machine costs a voice frame milliseconds.
                core.poll(System.nanoTime());
                flushPaths();
                wake = driverSleepsTooLong();
            }
        } finally {
            lock.unlock();
        }
        if (wake) {
            inbox.wake();
        }
        return queued;
    }

    /** The oldest real-time datagram received and not yet taken, waiting up to {@code timeout}. */
    public Optional<DatagramFrame> receiveDatagram(Duration timeout) throws SessionFailure, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                Optional<DatagramFrame> d = core.receiveDatagram();
                if (d.isPresent()) {
                    return d;
                }
                checkOpen();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return d;
                }
                datagramArrived.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    // --- paths ---

    /**
     * Moves the session to {@code newPath}: receives on it from now on, challenges it, and sends
     * on it once the peer's echo arrives on it (then packets in flight are sent again there and
     * congestion control starts over). The future completes with {@code newPath} once the session
     * sends on it, or fails with PATH_VALIDATION_FAILED (the session stays on its path) or, if the
     * session ends first, with why it ended. Stages run on a pool thread, never the session's.
     */
    public CompletableFuture<DatagramPath> migrate(DatagramPath newPath) {
        CompletableFuture<DatagramPath> moved = new CompletableFuture<>();
        lock.lock();
        try {
            try {
                checkOpen();
            } catch (SessionFailure e) {
                moved.completeExceptionally(e);
                return moved;
            }
            DatagramPathLink link = attach(newPath);
            if (core.link() == link) {
                moved.complete(newPath);
                return moved;
            }
            List<CompletableFuture<DatagramPath>> waiting = moves.get(link);
            if (waiting == null) {
                moves.put(link, waiting = new ArrayList<>());
                migrator.migrate(link, System.nanoTime());
                flushPaths();
            } // else: already validating it for an earlier caller
            waiting.add(moved);
        } finally {
            lock.unlock();
        }
        inbox.wake();
        return moved;
    }

    /**
     * Receives on {@code path} too, without moving: if the peer moves there (it validates and
     * then sends its traffic on it), this side validates it and follows. Idempotent.
     */
    public void acceptPath(DatagramPath path) {
        lock.lock();
        try {
            if (!closed) {
                attach(path);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The path the session sends on now. */
    public DatagramPath path() {
        lock.lock();
        try {
            return currentPath();
        } finally {
            lock.unlock();
        }
    }

    /** Moves to another path so far, by either side. */
    public long migrations() {
        lock.lock();
        try {
            return migrator.migrations();
        } finally {
            lock.unlock();
        }
    }

    /** Holding the lock. */
    private DatagramPath currentPath() {
        return ((DatagramPathLink) core.link()).path();
    }

    /** Holding the lock. */
    private DatagramPathLink attach(DatagramPath path) {
        DatagramPathLink link = links.get(path);
        if (link == null) {
            link = new DatagramPathLink(path, this::countSendFailure);
            links.put(path, link);
            path.receive(new DirectReceiver(link));
        }
        return link;
    }

    /** Holding the lock: completes or fails the callers waiting for {@code link}, off this thread. */
    private void settleMoves(PacketLink link, Exception failure) {
        List<CompletableFuture<DatagramPath>> waiting = moves.remove(link);
        if (waiting == null) {
            return;
        }
        DatagramPath path = ((DatagramPathLink) link).path();
        ForkJoinPool.commonPool().execute(() -> waiting.forEach(f -> {
            if (failure == null) {
                f.complete(path);
            } else {
                f.completeExceptionally(failure);
            }
        }));
    }

    /** Holding the lock, once the session has ended: the moves waiting will never happen. */
    private void failMoves() {
        if (moves.isEmpty()) {
            return;
        }
        Exception failure;
        try {
            checkOpen();
            failure = new SessionFailure(SessionFailure.Reason.CLOSED, "session closed");
        } catch (SessionFailure e) {
            failure = e;
        }
        for (PacketLink link : List.copyOf(moves.keySet())) {
            settleMoves(link, failure);
        }
    }

    /** A snapshot of this session's statistics, consistent across its parts; any thread, also after close. */
    public SessionStats stats() {
        lock.lock();
        try {
            return snapshot(System.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Delivers a snapshot to {@code listener} every {@code interval}, from the driver's timers, on
     * a virtual thread per delivery (a slow listener delays nothing; it misses intermediate
     * snapshots instead). Until the subscription or the session is closed.
     */
    public StatsSubscription subscribe(Consumer<SessionStats> listener, Duration interval) {
        return subscribe(listener, interval, StatsPublisher.VIRTUAL_THREADS);
    }

    /**
     * As {@link #subscribe(Consumer, Duration)}, delivering through {@code executor} (for example
     * a UI toolkit's event thread); it must hand the task to another thread, not run it on the
     * calling one, which is the driver holding the session's lock. A subscription made after the
     * session ended is closed at once.
     */
    public StatsSubscription subscribe(Consumer<SessionStats> listener, Duration interval, Executor executor) {
        StatsSubscription s;
        lock.lock();
        try {
            s = statsPublisher.subscribe(listener, interval, executor, System.nanoTime());
            if (closed) {
                statsPublisher.closeAll();
            }
        } finally {
            lock.unlock();
        }
        inbox.wake(); // the driver's sleep may be longer than the first interval
        return s;
    }

    /** Holding the lock. */
    private SessionStats snapshot(long nowNanos) {
        RecordStats recordStats = record.stats();
        SessionCounters c = core.counters();
        DropCounts drops = new DropCounts(recordStats.receive().drops(), c.malformedPackets(), c.ackViolations(),
                c.streamErrors(), c.datagramsDropped(), c.sealFailures(), inbox.overflowDrops(), pathSendFailures);
        return new SessionStats(Duration.ofNanos(nowNanos - startNanos), PathInfo.of(currentPath(), core.pmtu()),
                SecurityStats.of(ProtocolInfo.HANDSHAKE_PROTOCOL, ProtocolInfo.RECORD_CIPHER, handshakeTime,
                        finishRepeats, recordStats),
                core.rttStats(), core.congestionStats(), core.traffic().classStats(nowNanos), core.traffic().inbound(),
                c.datagramsSent(), c.datagramsReceived(), drops);
    }

    /** {@link #close(CloseReason)} with {@link CloseCode#NO_ERROR}. */
    @Override
    public void close() {
        close(CloseReason.noError());
    }

    /**
     * Ends the session: sends the peer a CLOSE carrying {@code reason} (unless the session has
     * already ended), erases the sending keys, and wakes blocked calls, which throw CLOSED. Does
     * not wait: the driver drains for 3 PTOs (repeating the CLOSE if the peer's packets keep
     * coming), then erases the receiving keys and stops ({@link #awaitTermination}). Idempotent;
     * does not close the path (its transport owns it).
     *
     * @throws IllegalArgumentException for {@link CloseCode#IDLE_TIMEOUT}, which is never sent
     */
    public void close(CloseReason reason) {
        if (!reason.code().isSent()) {
            throw new IllegalArgumentException(reason.code() + " is never sent");
        }
        lock.lock();
        try {
            core.close(System.nanoTime(), reason);
            flushPaths();
            closed = true;
            failMoves();
            statsPublisher.closeAll(); // as before the drain existed: subscriptions end with close()
            wakeAll();
        } finally {
            lock.unlock();
        }
        inbox.wake();
    }

    /** Waits up to {@code timeout} for the driver to stop (session ended and drained, keys erased); whether it has. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return driver.join(timeout);
    }

    private void checkOpen() throws SessionFailure {
        Optional<SessionEnd> end = core.end();
        if (closed || end.isPresent()) {
            if (end.isPresent() && driverFailure == null) {
                throw new SessionFailure(end.get());
            }
            throw new SessionFailure(SessionFailure.Reason.CLOSED, "session closed", driverFailure);
        }
    }

    // --- driver side ---

    private void drive() {
        try {
            while (true) {
                long sleep;
                lock.lock();
                try {
                    // Read the clock under the lock: the receive thread also drives the core, and
                    // the core's clock must never go back.
                    long now = System.nanoTime();
                    migrator.poll(now);
                    core.poll(now);
                    flushPaths();
                    if (core.end().isPresent()) {
                        closed = true; // ended by the peer, the idle timer or a violation: calls now fail
                        failMoves();
                        wakeAll();
                    } else if (waitingSenders > 0) {
                        sendProgress.signalAll(); // timers may have declared data lost or sent what was queued
                    }
                    if (core.isTerminated()) {
                        return;
                    }
                    long next = Math.min(core.nextTimeout(now).orElse(now + MAX_SLEEP_NANOS),
                            migrator.nextTimeout().orElse(Long.MAX_VALUE));
                    next = Math.min(next, statsPublisher.publishDue(now, snapshot));
                    sleep = Math.min(next - now, MAX_SLEEP_NANOS);
                    driverWakeAt = now + sleep;
                } finally {
                    lock.unlock();
                }
                byte[] d = inbox.poll(sleep);
                if (d != null) {
                    receiveBatch(d);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            lock.lock();
            try {
                driverFailure = e;
            } finally {
                lock.unlock();
            }
        } finally {
            closed = true;
            terminated = true;
            lock.lock();
            try {
                statsPublisher.closeAll();
                record.close();
                failMoves();
                wakeAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Datagrams the handshake left in the inbox's queue (or that came before the diversion). */
    private void receiveBatch(byte[] first) throws InterruptedException {
        lock.lock();
        try {
            byte[] d = first;
            for (int i = 0; i < RECEIVE_BATCH && d != null; i++) {
                onDatagramLocked(ByteBuffer.wrap(d), firstLink);
                d = inbox.poll(0);
            }
            afterReceiveLocked();
        } finally {
            lock.unlock();
        }
    }

    private void onDatagramLocked(ByteBuffer d, DatagramPathLink arrivedOn) {
        if (finishToRepeat != null && SessionHandshake.isResponse(d)) {
            // The responder never got our FINISH and is still waiting: repeat it.
            finishRepeats++;
            arrivedOn.send(ByteBuffer.wrap(finishToRepeat), QosClass.CONTROL); // handshake packets are CONTROL
        } else {
            migrator.onDatagram(System.nanoTime(), d, arrivedOn);
        }
    }

    /** Answers what just arrived (acknowledgements, data the opened window allows) in one flush. */
    private void afterReceiveLocked() {
        core.poll(System.nanoTime());
        flushPaths();
        if (core.end().isPresent()) {
            wakeAll();
            return;
        }
        if (core.hasDatagram()) {
            datagramArrived.signalAll();
        }
        if (waitingSenders > 0) {
            sendProgress.signalAll();
        }
        for (Long streamId : waitingReaders.keySet()) {
            if (core.isReadable(streamId)) {
                readable.signalAll();
                break;
            }
        }
    }

    /**
     * Holding the lock: whether what just happened (a datagram sent, packets received) moved a
     * deadline of the core or the migrator before the driver's wake-up. Only then is the driver
     * woken: a call sends and receives 100 packets a second, and waking the driver for each, to
     * find nothing due, was a thread hand-over per packet.
     */
    private boolean driverSleepsTooLong() {
        long now = System.nanoTime();
        long next = Math.min(core.nextTimeout(now).orElse(Long.MAX_VALUE), migrator.nextTimeout().orElse(Long.MAX_VALUE));
        return next < driverWakeAt;
    }

    /** Holding the lock: every blocked caller re-checks (the session ended or closed). */
    private void wakeAll() {
        readable.signalAll();
        sendProgress.signalAll();
        datagramArrived.signalAll();
    }

    /** Holding the lock: waits for send progress, at most {@code nanos} (0: without limit). */
    private void awaitSendProgress(long nanos) throws InterruptedException {
        waitingSenders++;
        try {
            if (nanos == 0) {
                sendProgress.await();
            } else {
                sendProgress.awaitNanos(nanos);
            }
        } finally {
            waitingSenders--;
        }
    }

    /**
     * Takes the peer's datagrams on the path's receive thread once the handshake is done: no
     * copy and no hand-over to the driver, which is left with the timers. The driver is woken at
     * the end of each batch, since what arrived may move its next deadline earlier.
     */
    private final class DirectReceiver implements DatagramPath.Receiver {
        private final DatagramPathLink link;

        DirectReceiver(DatagramPathLink link) {
            this.link = link;
        }

        @Override
        public void onDatagram(ByteBuffer datagram) {
            if (terminated) {
                return; // a closing session still takes the peer's packets: they may call for a repeated CLOSE
            }
            lock.lock();
            try {
                onDatagramLocked(datagram, link);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void onBatchEnd() {
            if (terminated) {
                return;
            }
            boolean wake;
            lock.lock();
            try {
                afterReceiveLocked();
                wake = driverSleepsTooLong();
            } finally {
                lock.unlock();
            }
            if (wake) {
                inbox.wake();
            }
        }
    }

    /** A path refused a send: it is closed (the owner is tearing the session down, or its transport moved on). */
    private void countSendFailure() {
        pathSendFailures++;
    }

    /** Holding the lock: sends what the core queued on each path (probes may go on paths other than the current). */
    private void flushPaths() {
        for (DatagramPathLink link : links.values()) {
            link.flush();
        }
    }
}
