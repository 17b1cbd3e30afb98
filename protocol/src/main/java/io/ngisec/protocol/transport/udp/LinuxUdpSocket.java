package io.ngisec.protocol.transport.udp;

import static io.ngisec.protocol.transport.udp.LinuxConstants.AF_INET;
import static io.ngisec.protocol.transport.udp.LinuxConstants.AF_INET6;
import static io.ngisec.protocol.transport.udp.LinuxConstants.EACCES;
import static io.ngisec.protocol.transport.udp.LinuxConstants.EADDRNOTAVAIL;
import static io.ngisec.protocol.transport.udp.LinuxConstants.EAFNOSUPPORT;
import static io.ngisec.protocol.transport.udp.LinuxConstants.EAGAIN;
import static io.ngisec.protocol.transport.udp.LinuxConstants.ECONNREFUSED;
import static io.ngisec.protocol.transport.udp.LinuxConstants.EFD_CLOEXEC;
import static io.ngisec.protocol.transport.udp.LinuxConstants.EFD_NONBLOCK;
import static io.ngisec.protocol.transport.udp.LinuxConstants.EHOSTDOWN;
import static io.ngisec.protocol.transport.udp.LinuxConstants.EHOSTUNREACH;
import static io.ngisec.protocol.transport.udp.LinuxConstants.EINTR;
import static io.ngisec.protocol.transport.udp.LinuxConstants.EINVAL;
import static io.ngisec.protocol.transport.udp.LinuxConstants.EMSGSIZE;
import static io.ngisec.protocol.transport.udp.LinuxConstants.ENETDOWN;
import static io.ngisec.protocol.transport.udp.LinuxConstants.ENETUNREACH;
import static io.ngisec.protocol.transport.udp.LinuxConstants.ENOBUFS;
import static io.ngisec.protocol.transport.udp.LinuxConstants.EPERM;
import static io.ngisec.protocol.transport.udp.LinuxConstants.IPPROTO_IPV6;
import static io.ngisec.protocol.transport.udp.LinuxConstants.IPPROTO_IP;
import static io.ngisec.protocol.transport.udp.LinuxConstants.IPV6_MTU_DISCOVER;
import static io.ngisec.protocol.transport.udp.LinuxConstants.IPV6_PMTUDISC_PROBE;
import static io.ngisec.protocol.transport.udp.LinuxConstants.IPV6_V6ONLY;
import static io.ngisec.protocol.transport.udp.LinuxConstants.IP_MTU_DISCOVER;
import static io.ngisec.protocol.transport.udp.LinuxConstants.IP_PMTUDISC_PROBE;
import static io.ngisec.protocol.transport.udp.LinuxConstants.MSG_DONTWAIT;
import static io.ngisec.protocol.transport.udp.LinuxConstants.MSG_TRUNC;
import static io.ngisec.protocol.transport.udp.LinuxConstants.POLLERR;
import static io.ngisec.protocol.transport.udp.LinuxConstants.POLLIN;
import static io.ngisec.protocol.transport.udp.LinuxConstants.POLLOUT;
import static io.ngisec.protocol.transport.udp.LinuxConstants.SOCK_CLOEXEC;
import static io.ngisec.protocol.transport.udp.LinuxConstants.SOCK_DGRAM;
import static io.ngisec.protocol.transport.udp.LinuxConstants.SOCK_NONBLOCK;
import static io.ngisec.protocol.transport.udp.LinuxConstants.SOL_SOCKET;
import static io.ngisec.protocol.transport.udp.LinuxConstants.SO_RCVBUF;
import static io.ngisec.protocol.transport.udp.LinuxConstants.SO_SNDBUF;
import static io.ngisec.protocol.transport.udp.LinuxConstants.UIO_MAXIOV;
import static io.ngisec.protocol.transport.udp.LinuxConstants.errnoName;
import static io.ngisec.protocol.transport.udp.LinuxStructs.POLLFD;
import static io.ngisec.protocol.transport.udp.LinuxStructs.POLL_EVENTS;
import static io.ngisec.protocol.transport.udp.LinuxStructs.POLL_FD;
import static io.ngisec.protocol.transport.udp.LinuxStructs.POLL_REVENTS;
import static io.ngisec.protocol.transport.udp.LinuxStructs.SOCKADDR_STORAGE;
import static io.ngisec.protocol.transport.udp.LinuxStructs.TIMESPEC;
import static io.ngisec.protocol.transport.udp.LinuxStructs.TV_NSEC;
import static io.ngisec.protocol.transport.udp.LinuxStructs.TV_SEC;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Linux {@link UdpSocket}: one {@code sendmmsg} system call sends a batch, each datagram
 * with its own IP TOS / IPv6 traffic class as ancillary data (so one batch may mix classes), and
 * one {@code recvmmsg} fills a batch, straight between the batch's memory and the kernel. A
 * blocked receive waits in {@code ppoll} on the socket and an eventfd that {@link #wakeup()} and
 * {@link #close()} write. Calls the C library through the Foreign Function & Memory API: the JVM
 * must allow native access ({@code --enable-native-access=ALL-UNNAMED}; see {@link #isAvailable()}).
 *
 * <p>Sending: a full send buffer (EAGAIN) is waited out for up to 2 ms, then the rest of the
 * batch is not sent, as {@link NioUdpSocket} does. A datagram the kernel refuses on its own
 * (ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, EACCES for a broadcast address, EMSGSIZE, ...) is
 * skipped and counted in {@link #refusedSends()}, and the datagrams after it still go: one bad
 * destination must not silence a batch for the others. Receiving: a datagram longer than the
 * batch's slots is dropped and counted in {@link #truncatedDrops()}, never delivered cut short.
 *
 * <p>An IPv6 socket bound to the wildcard {@code ::} is dual-stack (IPV6_V6ONLY off, whatever
 * the system default), so one socket serves IPv4 peers too, reported as {@link java.net.Inet4Address};
 * one bound to a specific address keeps the default. Buffer sizes are set with plain SO_RCVBUF /
 * SO_SNDBUF, so the kernel caps them at {@code net.core.rmem_max} / {@code wmem_max}: the
 * administrator's limit holds even for root (no SO_RCVBUFFORCE).
 *
 * <p>Thread safety as {@link UdpSocket}; sends are serialised, and so are receives. A blocked
 * receive does not answer {@link Thread#interrupt()} (it is in a system call): end it with
 * {@link #wakeup()} or {@link #close()}. The file descriptors are closed only after the last call
 * inside has left, never under a running call, so a descriptor number the kernel reuses for
 * another file is never written to.
 */
public final class LinuxUdpSocket implements UdpSocket {

    /** How long a send waits for room in a full socket send buffer before it gives up on the rest. */
    private static final long SEND_BUFFER_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final int SOCKET_READY = 1;
    private static final int WOKEN = 2;

    private final Arena arena;
    private final int fd;
    private final int eventFd;
    private final int family;
    private final InetSocketAddress local;
    private final UseGuard guard;
    private final AtomicLong refusedSends = new AtomicLong();
    private final AtomicLong truncatedDrops = new AtomicLong();

    private final Object sendLock = new Object();
    private final MemorySegment sendState;
    private final MemorySegment sendPoll;
    private final MemorySegment sendTimeout;
    private MessageVector sendVector; // guarded by sendLock

    private final Object receiveLock = new Object();
    private final MemorySegment receiveState;
    private final MemorySegment receivePoll;
    private final MemorySegment receiveTimeout;
    private final MemorySegment eventCounter;
    private final SourceAddressCache sources = new SourceAddressCache(); // used under receiveLock
    private MessageVector receiveVector; // guarded by receiveLock

    // Wake-ups may come from any thread at once; they share this errno slot, which nobody reads.
    private final MemorySegment wakeState;
    // Set from a wake-up until the receiver reads the eventfd: later wake-ups end the same wait, no system call.
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final MemorySegment wakeIncrement;

    private LinuxUdpSocket(Arena arena, int fd, int eventFd, int family, InetSocketAddress local) {
        this.arena = arena;
        this.fd = fd;
        this.eventFd = eventFd;
        this.family = family;
        this.local = local;
        this.guard = new UseGuard(this::release);
        this.sendState = arena.allocate(LinuxLibc.callStateLayout());
        this.sendPoll = pollFds(arena, new int[] {fd}, POLLOUT);
        this.sendTimeout = arena.allocate(TIMESPEC);
        this.receiveState = arena.allocate(LinuxLibc.callStateLayout());
        this.receivePoll = pollFds(arena, new int[] {fd, eventFd}, POLLIN);
        this.receiveTimeout = arena.allocate(TIMESPEC);
        this.eventCounter = arena.allocate(JAVA_LONG);
        this.wakeState = arena.allocate(LinuxLibc.callStateLayout());
        this.wakeIncrement = arena.allocate(JAVA_LONG);
        wakeIncrement.set(JAVA_LONG, 0, 1);
    }

    /**
     * Whether this class works here: Linux on x86_64 or aarch64, the C library's functions
     * linked, native access allowed. When false, {@link #unavailableReason()} says why.
     */
    public static boolean isAvailable() {
        return Support.REASON == null;
    }

    /** Why {@link #isAvailable()} is false, or null when it is true. */
    public static String unavailableReason() {
        return Support.REASON;
    }

    /**
     * A socket bound to {@code bind} (port 0: an ephemeral port) with the given buffer sizes (0:
     * the system's). Throws {@link UnsupportedOperationException} when not {@link #isAvailable()},
     * {@link BindException} when the address cannot be bound.
     */
    public static LinuxUdpSocket bind(InetSocketAddress bind, int receiveBufferBytes, int sendBufferBytes)
            throws IOException {
        if (!isAvailable()) {
            throw new UnsupportedOperationException("LinuxUdpSocket: " + unavailableReason());
        }
        InetAddress ip = bind.getAddress();
        if (ip == null) {
            throw new SocketException("unresolved address " + bind);
        }
        int family = ip instanceof Inet6Address ? AF_INET6 : AF_INET;
        Arena arena = Arena.ofShared();
        MemorySegment state = arena.allocate(LinuxLibc.callStateLayout());
        int fd = -1;
        int eventFd = -1;
        try {
            fd = LinuxLibc.socket(state, family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                throw failure("socket", state);
            }
            if (family == AF_INET6 && ip.isAnyLocalAddress()) {
                setInt(arena, state, fd, IPPROTO_IPV6, IPV6_V6ONLY, 0, "IPV6_V6ONLY");
            }
            // Datagram PLPMTUD (RFC 8899) needs datagrams that are never fragmented: a probe that
            // is too large must be lost, not cut up and reassembled. PROBE mode sets DF and ignores
            // the kernel's PMTU cache, which an ICMP forgery could otherwise lower (the session's
            // prober decides from acknowledgements, authenticated).
            if (family == AF_INET6) {
                setInt(arena, state, fd, IPPROTO_IPV6, IPV6_MTU_DISCOVER, IPV6_PMTUDISC_PROBE, "IPV6_MTU_DISCOVER");
            }
            if (family == AF_INET || ip.isAnyLocalAddress()) {
                setInt(arena, state, fd, IPPROTO_IP, IP_MTU_DISCOVER, IP_PMTUDISC_PROBE, "IP_MTU_DISCOVER");
            }
            if (receiveBufferBytes > 0) {
                setInt(arena, state, fd, SOL_SOCKET, SO_RCVBUF, receiveBufferBytes, "SO_RCVBUF");
            }
            if (sendBufferBytes > 0) {
                setInt(arena, state, fd, SOL_SOCKET, SO_SNDBUF, sendBufferBytes, "SO_SNDBUF");
            }
            MemorySegment name = arena.allocate(SOCKADDR_STORAGE);
            int length = Sockaddrs.encode(bind, family, name, 0);
            if (LinuxLibc.bind(state, fd, name, length) < 0) {
                int errno = LinuxLibc.errno(state);
                throw new BindException("cannot bind " + bind + ": " + errnoName(errno));
            }
            name.fill((byte) 0);
            MemorySegment nameLength = arena.allocate(JAVA_INT);
            nameLength.set(JAVA_INT, 0, (int) SOCKADDR_STORAGE.byteSize());
            if (LinuxLibc.getsockname(state, fd, name, nameLength) < 0) {
                throw failure("getsockname", state);
            }
            InetSocketAddress local = Sockaddrs.decode(name, 0);
            eventFd = LinuxLibc.eventfd(state, 0, EFD_NONBLOCK | EFD_CLOEXEC);
            if (eventFd < 0) {
                throw failure("eventfd", state);
            }
            return new LinuxUdpSocket(arena, fd, eventFd, family, local);
        } catch (IOException | RuntimeException | Error e) {
            if (eventFd >= 0) {
                LinuxLibc.close(state, eventFd);
            }
            if (fd >= 0) {
                LinuxLibc.close(state, fd);
            }
            arena.close();
            throw e;
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public int send(DatagramBatch batch) throws IOException {
        synchronized (sendLock) {
            guard.enter();
            try {
                return sendAll(batch);
            } finally {
                guard.exit();
                Reference.reachabilityFence(batch); // the kernel reads its memory by raw address
            }
        }
    }

    private int sendAll(DatagramBatch batch) throws IOException {
        int count = batch.count();
        if (count == 0) {
            return 0;
        }
        MessageVector messages = sendVector = fit(sendVector, batch.capacity(), true);
        long base = batch.memory().address();
        for (int i = 0; i < count; i++) {
            messages.prepareSend(i, base + batch.slotOffset(i), batch.sendLength(i), batch.address(i),
                    batch.trafficClass(i), family);
        }
        int sent = 0;
        int next = 0;
        long deadline = 0;
        while (next < count) {
            int r = LinuxLibc.sendmmsg(sendState, fd, messages.from(next), Math.min(count - next, UIO_MAXIOV), 0);
            if (r > 0) {
                // Fewer than asked: the kernel stopped at a full buffer or an error it will report
                // again for message `next` on the next call.
                sent += r;
                next += r;
                continue;
            }
            int errno = r == 0 ? EAGAIN : LinuxLibc.errno(sendState);
            if (errno == EINTR) {
                continue;
            }
            if (errno == EAGAIN) {
                long now = System.nanoTime();
                if (deadline == 0) {
                    deadline = now + SEND_BUFFER_WAIT_NANOS;
                }
                if (now - deadline >= 0 || Thread.currentThread().isInterrupted() || !awaitWritable(deadline - now)) {
                    break; // still full (or the sender is being stopped): the rest is dropped, as UDP would
                }
                continue;
            }
            if (refusesOneDatagram(errno)) {
                refusedSends.incrementAndGet();
                next++;
                continue;
            }
            throw new IOException("sendmmsg on " + local + ": " + errnoName(errno));
        }
        return sent;
    }

    /** Waits up to {@code nanos} for room in the send buffer; false if there was none. */
    private boolean awaitWritable(long nanos) throws IOException {
        setTimeout(sendTimeout, nanos);
        int r = LinuxLibc.ppoll(sendState, sendPoll, 1, sendTimeout);
        if (r < 0) {
            int errno = LinuxLibc.errno(sendState);
            if (errno == EINTR) {
                return true; // try again; the deadline still bounds the wait
            }
            throw new IOException("ppoll on " + local + ": " + errnoName(errno));
        }
        return r > 0;
    }

    @Override
    public int receive(DatagramBatch batch, long timeoutNanos) throws IOException {
        synchronized (receiveLock) {
            guard.enter();
            try {
                return receiveLocked(batch, timeoutNanos);
            } finally {
                guard.exit();
                Reference.reachabilityFence(batch); // the kernel writes its memory by raw address
            }
        }
    }

    private int receiveLocked(DatagramBatch batch, long timeoutNanos) throws IOException {
        batch.clear();
        int n = drain(batch);
        if (n > 0 || timeoutNanos == 0) {
            return n;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            long wait = -1;
            if (timeoutNanos > 0) {
                wait = deadline - System.nanoTime();
                if (wait <= 0) {
                    return 0;
                }
            }
            int ready = await(wait);
            if ((ready & WOKEN) != 0) {
                consumeWakeup();
            }
            if ((ready & SOCKET_READY) != 0) {
                n = drain(batch);
                if (n > 0) {
                    return n;
                }
            }
            if ((ready & WOKEN) != 0) {
                return 0;
            }
        }
    }

    /** Receives what is queued, without waiting, into the batch's slots in order. */
    private int drain(DatagramBatch batch) throws IOException {
        int capacity = batch.capacity();
        MessageVector messages = receiveVector = fit(receiveVector, capacity, false);
        MemorySegment memory = batch.memory();
        long base = memory.address();
        int slotBytes = batch.slotBytes();
        int filled = 0;
        while (filled < capacity) {
            int want = Math.min(capacity - filled, UIO_MAXIOV);
            for (int i = filled; i < filled + want; i++) {
                messages.prepareReceive(i, base + batch.slotOffset(i), slotBytes);
            }
            int r = LinuxLibc.recvmmsg(receiveState, fd, messages.from(filled), want, MSG_DONTWAIT);
            if (r <= 0) {
                int errno = r == 0 ? EAGAIN : LinuxLibc.errno(receiveState);
                if (errno == EINTR) {
                    continue;
                }
                if (errno == EAGAIN || isReportedIcmpError(errno)) {
                    break; // nothing queued, or an ICMP error for an earlier send: no datagram
                }
                throw new IOException("recvmmsg on " + local + ": " + errnoName(errno));
            }
            int kept = filled;
            for (int i = filled; i < filled + r; i++) {
                InetSocketAddress from = (messages.flags(i) & MSG_TRUNC) != 0 ? null
                        : sources.decode(messages.names(), MessageVector.nameOffset(i));
                if (from == null) {
                    // Cut to the slot size (or, never seen on an IP socket, no source address).
                    truncatedDrops.incrementAndGet();
                    continue;
                }
                int length = messages.length(i);
                if (i != kept) { // close the gap a dropped datagram left, keeping slots in order
                    MemorySegment.copy(memory, batch.slotOffset(i), memory, batch.slotOffset(kept), length);
                }
                batch.received(kept, length, from);
                kept++;
            }
            boolean dropped = kept < filled + r;
            filled = kept;
            if (r < want && !dropped) {
                break; // the queue is empty
            }
        }
        return filled;
    }

    /** Waits in ppoll on the socket and the eventfd, {@code nanos} at most (negative: no limit). */
    private int await(long nanos) throws IOException {
        MemorySegment timeout = MemorySegment.NULL;
        if (nanos >= 0) {
            setTimeout(receiveTimeout, nanos);
            timeout = receiveTimeout;
        }
        int r = LinuxLibc.ppoll(receiveState, receivePoll, 2, timeout);
        if (r < 0) {
            int errno = LinuxLibc.errno(receiveState);
            if (errno == EINTR) {
                return 0;
            }
            throw new IOException("ppoll on " + local + ": " + errnoName(errno));
        }
        int ready = 0;
        if ((receivePoll.get(JAVA_SHORT, POLL_REVENTS) & (POLLIN | POLLERR)) != 0) {
            ready |= SOCKET_READY;
        }
        if ((receivePoll.get(JAVA_SHORT, POLLFD.byteSize() + POLL_REVENTS) & POLLIN) != 0) {
            ready |= WOKEN;
        }
        return ready;
    }

    /** Resets the eventfd (all wake-ups so far count as one); throws if the wake-up was close(). */
    private void consumeWakeup() throws ClosedChannelException {
        LinuxLibc.read(receiveState, eventFd, eventCounter, JAVA_LONG.byteSize());
        // Cleared after the read: a wake-up skipped in between is still served, as this receive returns.
        wakePending.set(false);
        if (guard.isClosed()) {
            // Leave the eventfd readable for any other waiter, then report the close.
            LinuxLibc.write(receiveState, eventFd, wakeIncrement, JAVA_LONG.byteSize());
            throw new ClosedChannelException();
        }
    }

    @Override
    public void wakeup() {
        if (wakePending.getAndSet(true)) {
            return;
        }
        if (guard.tryEnter()) {
            try {
                LinuxLibc.write(wakeState, eventFd, wakeIncrement, JAVA_LONG.byteSize());
            } finally {
                guard.exit();
            }
        }
    }

    @Override
    public void close() {
        if (guard.closeAndEnter()) {
            try {
                LinuxLibc.write(wakeState, eventFd, wakeIncrement, JAVA_LONG.byteSize());
            } finally {
                guard.exit();
            }
        }
    }

    /** Runs once, when the socket is closed and no call is inside. */
    private void release() {
        LinuxLibc.close(wakeState, fd);
        LinuxLibc.close(wakeState, eventFd);
        arena.close();
    }

    @Override
    public long refusedSends() {
        return refusedSends.get();
    }

    @Override
    public long truncatedDrops() {
        return truncatedDrops.get();
    }

    /** Source addresses decoded rather than taken from the cache (for tests). */
    long sourceDecodes() {
        return sources.decodes();
    }

    @Override
    public String toString() {
        return "LinuxUdpSocket[" + local + "]";
    }

    /** {@code current} if it holds {@code capacity} messages, else a new vector (the old one's memory goes with the socket). */
    private MessageVector fit(MessageVector current, int capacity, boolean forSending) {
        if (current != null && current.capacity() >= capacity) {
            return current;
        }
        return new MessageVector(arena, capacity, forSending);
    }

    /**
     * Whether a send error concerns only the datagram the kernel was sending: its destination
     * (unreachable, refused, broadcast without permission, a family or address this socket
     * cannot use, a firewall rule), its size, or a full device queue that dropped it.
     */
    private static boolean refusesOneDatagram(int errno) {
        return switch (errno) {
            case ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, EHOSTDOWN, ENETDOWN, EACCES, EPERM, EMSGSIZE, EINVAL,
                    EAFNOSUPPORT, EADDRNOTAVAIL, ENOBUFS -> true;
            default -> false;
        };
    }

    /** Whether a receive error is an ICMP error the kernel reports for an earlier send, not a datagram. */
    private static boolean isReportedIcmpError(int errno) {
        return switch (errno) {
            case ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, EHOSTDOWN, ENETDOWN, EMSGSIZE -> true;
            default -> false;
        };
    }

    private static MemorySegment pollFds(Arena arena, int[] fds, short events) {
        MemorySegment polls = arena.allocate(POLLFD, fds.length);
        for (int i = 0; i < fds.length; i++) {
            long p = i * POLLFD.byteSize();
            polls.set(JAVA_INT, p + POLL_FD, fds[i]);
            polls.set(JAVA_SHORT, p + POLL_EVENTS, events);
        }
        return polls;
    }

    private static void setTimeout(MemorySegment timespec, long nanos) {
        timespec.set(JAVA_LONG, TV_SEC, nanos / 1_000_000_000L);
        timespec.set(JAVA_LONG, TV_NSEC, nanos % 1_000_000_000L);
    }

    private static void setInt(Arena arena, MemorySegment state, int fd, int level, int option, int value, String name)
            throws SocketException {
        MemorySegment v = arena.allocate(JAVA_INT);
        v.set(JAVA_INT, 0, value);
        if (LinuxLibc.setsockopt(state, fd, level, option, v, (int) JAVA_INT.byteSize()) < 0) {
            throw failure("setsockopt " + name, state);
        }
    }

    private static SocketException failure(String call, MemorySegment state) {
        return new SocketException(call + ": " + errnoName(LinuxLibc.errno(state)));
    }

    /** Decided once, on first use: whether the platform and the JVM let this class work. */
    private static final class Support {
        static final String REASON = check();

        private static String check() {
            String os = System.getProperty("os.name", "");
            String arch = System.getProperty("os.arch", "");
            if (!os.equals("Linux")) {
                return "not Linux (" + os + ")";
            }
            if (!Set.of("amd64", "x86_64", "aarch64").contains(arch)) {
                return "the structure layouts are for x86_64 and aarch64, not " + arch;
            }
            if (ADDRESS.byteSize() != 8) {
                return "not a 64-bit JVM";
            }
            try {
                Throwable t = LinuxLibc.unavailable();
                return t == null ? null : "cannot link the C library: " + t;
            } catch (LinkageError e) {
                return "cannot link the C library: " + e;
            }
        }
    }
}
