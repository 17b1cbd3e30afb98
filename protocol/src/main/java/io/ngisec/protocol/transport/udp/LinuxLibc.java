package io.ngisec.protocol.transport.udp;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Downcalls into the C library's socket functions through the Foreign Function & Memory API.
 * Each call takes a call-state segment ({@link #callStateLayout()}) first, into which the
 * linker saves {@code errno} right after the call, before the JVM can overwrite it; read it with
 * {@link #errno}. Thread safe; a call-state segment is used by one thread at a time.
 *
 * <p>Loading this class links every function; when that fails (no such symbol, no native linker,
 * or native access refused with {@link IllegalCallerException}), {@link #unavailable()} says why
 * and no function may be called. Touch this class only on Linux x86_64 or aarch64.
 */
final class LinuxLibc {

    private LinuxLibc() {
    }

    private static Throwable linkFailure;

    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(groupElement("errno"));

    private static final MethodHandle SOCKET = link("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = link("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle BIND = link("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle GETSOCKNAME = link("getsockname",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle CLOSE = link("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle SENDMMSG = link("sendmmsg",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle RECVMMSG = link("recvmmsg",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle PPOLL = link("ppoll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS));
    private static final MethodHandle EVENTFD = link("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle READ = link("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle WRITE = link("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));

    private static final Throwable UNAVAILABLE = linkFailure;

    /** Why the functions could not be linked, or null when they all were. */
    static Throwable unavailable() {
        return UNAVAILABLE;
    }

    /** The layout of the segment each call saves errno into. */
    static StructLayout callStateLayout() {
        return CALL_STATE;
    }

    /** The errno the last call with {@code callState} saved. */
    static int errno(MemorySegment callState) {
        return (int) ERRNO.get(callState, 0L);
    }

    static int socket(MemorySegment callState, int domain, int type, int protocol) {
        try {
            return (int) SOCKET.invokeExact(callState, domain, type, protocol);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int setsockopt(MemorySegment callState, int fd, int level, int name, MemorySegment value, int length) {
        try {
            return (int) SETSOCKOPT.invokeExact(callState, fd, level, name, value, length);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int bind(MemorySegment callState, int fd, MemorySegment address, int length) {
        try {
            return (int) BIND.invokeExact(callState, fd, address, length);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int getsockname(MemorySegment callState, int fd, MemorySegment address, MemorySegment length) {
        try {
            return (int) GETSOCKNAME.invokeExact(callState, fd, address, length);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int close(MemorySegment callState, int fd) {
        try {
            return (int) CLOSE.invokeExact(callState, fd);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int sendmmsg(MemorySegment callState, int fd, MemorySegment messages, int count, int flags) {
        try {
            return (int) SENDMMSG.invokeExact(callState, fd, messages, count, flags);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int recvmmsg(MemorySegment callState, int fd, MemorySegment messages, int count, int flags) {
        try {
            return (int) RECVMMSG.invokeExact(callState, fd, messages, count, flags, MemorySegment.NULL);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** ppoll without a signal mask; {@code timeout} NULL waits without end. */
    static int ppoll(MemorySegment callState, MemorySegment fds, long count, MemorySegment timeout) {
        try {
            return (int) PPOLL.invokeExact(callState, fds, count, timeout, MemorySegment.NULL);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int eventfd(MemorySegment callState, int initialValue, int flags) {
        try {
            return (int) EVENTFD.invokeExact(callState, initialValue, flags);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static long read(MemorySegment callState, int fd, MemorySegment buffer, long length) {
        try {
            return (long) READ.invokeExact(callState, fd, buffer, length);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static long write(MemorySegment callState, int fd, MemorySegment buffer, long length) {
        try {
            return (long) WRITE.invokeExact(callState, fd, buffer, length);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    private static MethodHandle link(String name, FunctionDescriptor descriptor) {
        if (linkFailure != null) {
            return null;
        }
        try {
            Linker linker = Linker.nativeLinker();
            MemorySegment symbol = linker.defaultLookup().find(name)
                    .orElseThrow(() -> new UnsatisfiedLinkError("no symbol " + name + " in the C library"));
            return linker.downcallHandle(symbol, descriptor, Linker.Option.captureCallState("errno"));
        } catch (RuntimeException | LinkageError e) {
            // IllegalCallerException (native access refused), UnsupportedOperationException (no linker)
            linkFailure = e;
            return null;
        }
    }

    /** Downcalls throw nothing checked; anything else is a bug in this class. */
    private static RuntimeException unexpected(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
