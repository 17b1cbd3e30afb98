package io.ngisec.client.system;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs bulk work (hashing a file about to be sent) on a thread the operating system schedules
 * behind everything else, so that on a busy machine the window, a call's audio and the sessions
 * get the CPU first: hashing a gigabyte takes a core for seconds, and at equal priority it held
 * the app's FX thread off the CPU for 200 ms (docs/benchmarks.md, "Desktop app: responsiveness").
 *
 * <p>On Linux, {@code setpriority(PRIO_PROCESS, 0, NICE)} sets the calling thread's nice value
 * (Linux applies it per thread), which the JDK's {@link Thread#setPriority} does not do there
 * without root; elsewhere the JDK's thread priority, which Windows honours.
 */
public final class LowPriority {

    /** The nice value of low-priority threads: well behind 0, not idle-only (the work must still finish). */
    public static final int NICE = 10;

    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    private static final Optional<MethodHandle> SETPRIORITY = LINUX ? setpriority() : Optional.empty();

    private LowPriority() {
    }

    /** Runs {@code work} on a new low-priority platform thread named {@code name} and returns its result; blocks until done. */
    public static <T> T call(String name, Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(() -> {
            lowerCurrentThread();
            return work.call();
        });
        Thread thread = Thread.ofPlatform().name(name).daemon().start(task);
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        } catch (InterruptedException e) {
            thread.interrupt();
            throw e;
        }
    }

    /** Lowers the calling (platform) thread's scheduling priority; true if the OS took it. */
    public static boolean lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (SETPRIORITY.isEmpty()) {
            return false;
        }
        try {
            return (int) SETPRIORITY.get().invokeExact(0, 0, NICE) == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    private static Optional<MethodHandle> setpriority() {
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("setpriority")
                    .map(f -> linker.downcallHandle(f, FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT)));
        } catch (RuntimeException | LinkageError e) {
            // Native access not enabled, or no libc: the work runs at normal priority.
            return Optional.empty();
        }
    }
}
