package io.ngisec.app.service;

import java.util.concurrent.CompletableFuture;

/**
 * Unlocks the device keys of a home saved with a passphrase. Work runs off the UI thread; the
 * future completes on the UI thread, exceptionally with {@link EnrollmentException} carrying a
 * one-line message (a wrong passphrase, damaged keys).
 */
public interface UnlockService {

    /** Tries {@code passphrase} (the caller may wipe its array once this returns). */
    CompletableFuture<SelfIdentity> unlock(char[] passphrase);
}
