package io.ngisec.app.unlock;

import io.ngisec.app.service.SelfIdentity;
import io.ngisec.app.service.UnlockService;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The unlock screen's state: the passphrase typed, whether unlocking runs, and the last error.
 * The passphrase is cleared after each attempt. Use on the FX thread.
 */
public final class UnlockViewModel {

    private final UnlockService service;
    private final String who;
    private final StringProperty passphrase = new SimpleStringProperty(this, "passphrase", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper canUnlock = new ReadOnlyBooleanWrapper(this, "canUnlock", false);
    private Consumer<SelfIdentity> onUnlocked = identity -> { };

    /** {@code who}: the device as the home names it ("alice / laptop"), to show what is being unlocked. */
    public UnlockViewModel(UnlockService service, String who) {
        this.service = Objects.requireNonNull(service, "service");
        this.who = Objects.requireNonNull(who, "who");
        canUnlock.bind(passphrase.isNotEmpty().and(busy.not()));
    }

    public String who() {
        return who;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    /** The last failure (one line: wrong passphrase, damaged keys), or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUnlockProperty() {
        return canUnlock.getReadOnlyProperty();
    }

    public void setOnUnlocked(Consumer<SelfIdentity> onUnlocked) {
        this.onUnlocked = Objects.requireNonNull(onUnlocked, "onUnlocked");
    }

    /** Tries the passphrase typed; does nothing unless {@link #canUnlockProperty()} holds. */
    public void unlock() {
        if (!canUnlock.get()) {
            return;
        }
        char[] typed = passphrase.get().toCharArray();
        passphrase.set("");
        error.set("");
        busy.set(true);
        var attempt = service.unlock(typed);
        Arrays.fill(typed, '\0');
        attempt.whenComplete((identity, failure) -> {
            busy.set(false);
            if (failure != null) {
                Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                error.set(t.getMessage() == null ? "cannot unlock the keys" : t.getMessage().lines().findFirst().orElse(""));
            } else {
                onUnlocked.accept(identity);
            }
        });
    }
}
