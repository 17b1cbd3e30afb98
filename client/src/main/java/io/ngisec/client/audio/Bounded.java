package io.ngisec.client.audio;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs a call into javax.sound on its own daemon thread and gives up waiting after a timeout:
 * the JDK's ALSA backend blocks forever inside native code when a sound server accepts the
 * connection but never answers (a stopped PulseAudio does exactly that). A call that gives up
 * leaves that thread behind, blocked; if the call ever returns, {@code lateResult} disposes of
 * what it returned.
 */
final class Bounded {

    /** A call that may block. */
    interface Call<T> {
        T call() throws AudioException;
    }

    private Bounded() {
    }

    static <T> T call(Duration timeout, String what, Call<T> call, Consumer<T> lateResult) throws AudioException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("audio: " + what).start(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            result.thenAccept(lateResult);
            String limit = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
            throw new AudioException(AudioException.Reason.NO_DEVICE, what + " did not finish within " + limit
                    + "; the sound system is not answering");
        } catch (InterruptedException e) {
            result.thenAccept(lateResult);
            Thread.currentThread().interrupt();
            throw new AudioException(AudioException.Reason.NO_DEVICE, what + " was interrupted");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case AudioException audio -> throw audio;
                case Error error -> throw error;
                case Throwable other -> throw new AudioException(AudioException.Reason.NO_DEVICE,
                        what + " failed: " + other.getMessage(), other);
            }
        }
    }
}
