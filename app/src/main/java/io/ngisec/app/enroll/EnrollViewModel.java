package io.ngisec.app.enroll;

import io.ngisec.app.service.EnrollmentService;
import io.ngisec.app.service.KeyProtection;
import io.ngisec.app.service.SelfIdentity;
import io.ngisec.protocol.enroll.Invite;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The enrollment screen's state. The user edits the invite, device name, protection choice and
 * passphrases; the rest is read-only and follows: the invite is parsed as it is typed, and a
 * valid one is shown (server, CA fingerprint, and the organization its server names) before
 * anything is sent. {@link #enroll()} runs through the {@link EnrollmentService}. Use on the FX
 * thread (or one test thread).
 */
public final class EnrollViewModel {

    private final EnrollmentService service;
    private final StringProperty invite = new SimpleStringProperty(this, "invite", "");
    private final StringProperty deviceName = new SimpleStringProperty(this, "deviceName", "");
    private final BooleanProperty usePassphrase = new SimpleBooleanProperty(this, "usePassphrase", false);
    private final StringProperty passphrase = new SimpleStringProperty(this, "passphrase", "");
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");

    private final ReadOnlyStringWrapper inviteProblem = new ReadOnlyStringWrapper(this, "inviteProblem", "");
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper(this, "server", "");
    private final ReadOnlyStringWrapper caFingerprint = new ReadOnlyStringWrapper(this, "caFingerprint", "");
    private final ReadOnlyStringWrapper organization = new ReadOnlyStringWrapper(this, "organization", "");
    private final ReadOnlyStringWrapper passphraseProblem = new ReadOnlyStringWrapper(this, "passphraseProblem", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper inviteValid = new ReadOnlyBooleanWrapper(this, "inviteValid", false);
    private final ReadOnlyBooleanWrapper canEnroll = new ReadOnlyBooleanWrapper(this, "canEnroll", false);

    private Invite parsed;
    private long previewGeneration;
    private Consumer<SelfIdentity> onEnrolled = identity -> { };

    public EnrollViewModel(EnrollmentService service) {
        this.service = Objects.requireNonNull(service, "service");
        deviceName.set(service.defaultDeviceName());
        invite.addListener((o, was, now) -> parseInvite(now));
        passphrase.addListener((o, was, now) -> checkPassphrase());
        confirmation.addListener((o, was, now) -> checkPassphrase());
        usePassphrase.addListener((o, was, now) -> checkPassphrase());
        BooleanBinding keysReady = usePassphrase.not().or(passphrase.isNotEmpty().and(passphrase.isEqualTo(confirmation)));
        canEnroll.bind(inviteValid.and(Bindings.createBooleanBinding(() -> !deviceName.get().isBlank(), deviceName))
                .and(keysReady).and(busy.not()));
    }

    /** The invite as pasted or given on the command line. */
    public StringProperty inviteProperty() {
        return invite;
    }

    /** This device's name in the directory. */
    public StringProperty deviceNameProperty() {
        return deviceName;
    }

    /** Protect the keys with a passphrase (else with a key generated in the home). */
    public BooleanProperty usePassphraseProperty() {
        return usePassphrase;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    /** The passphrase typed a second time. */
    public StringProperty confirmationProperty() {
        return confirmation;
    }

    /** Why the invite text is not an invite (one line), or empty. */
    public ReadOnlyStringProperty inviteProblemProperty() {
        return inviteProblem.getReadOnlyProperty();
    }

    /** The invite's server URL, or empty. */
    public ReadOnlyStringProperty serverProperty() {
        return server.getReadOnlyProperty();
    }

    /** The invite's CA fingerprint in colon hex, or empty. */
    public ReadOnlyStringProperty caFingerprintProperty() {
        return caFingerprint.getReadOnlyProperty();
    }

    /** The organization its pinned CA names, "checking..." meanwhile, "unknown" when the server could not tell; or empty. */
    public ReadOnlyStringProperty organizationProperty() {
        return organization.getReadOnlyProperty();
    }

    /** Why the passphrases cannot be used (one line), or empty. */
    public ReadOnlyStringProperty passphraseProblemProperty() {
        return passphraseProblem.getReadOnlyProperty();
    }

    /** The last failure (one line: unreachable server, used or expired invite, ...), or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether enrollment is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty inviteValidProperty() {
        return inviteValid.getReadOnlyProperty();
    }

    /** Whether {@link #enroll()} would start: a valid invite, a device name, usable key protection, not busy. */
    public ReadOnlyBooleanProperty canEnrollProperty() {
        return canEnroll.getReadOnlyProperty();
    }

    /** Who to tell when the device is enrolled. */
    public void setOnEnrolled(Consumer<SelfIdentity> onEnrolled) {
        this.onEnrolled = Objects.requireNonNull(onEnrolled, "onEnrolled");
    }

    /** Enrolls with what the screen holds; does nothing unless {@link #canEnrollProperty()} holds. */
    public void enroll() {
        if (!canEnroll.get()) {
            return;
        }
        KeyProtection protection = usePassphrase.get()
                ? new KeyProtection.Passphrase(passphrase.get().toCharArray()) : new KeyProtection.GeneratedKey();
        error.set("");
        busy.set(true);
        service.enroll(parsed, deviceName.get().strip(), protection).whenComplete((identity, failure) -> {
            busy.set(false);
            if (failure != null) {
                error.set(message(failure));
            } else {
                onEnrolled.accept(identity);
            }
        });
    }

    private void parseInvite(String text) {
        previewGeneration++;
        error.set("");
        organization.set("");
        if (text == null || text.isBlank()) {
            clearInvite("");
            return;
        }
        try {
            parsed = Invite.parse(text);
        } catch (IllegalArgumentException e) {
            clearInvite("invalid invite: " + e.getMessage());
            return;
        }
        inviteProblem.set("");
        server.set(parsed.server().toString());
        caFingerprint.set(parsed.caFingerprint().toString());
        inviteValid.set(true);
        organization.set("checking...");
        long generation = previewGeneration;
        service.preview(parsed).whenComplete((preview, failure) -> {
            if (generation != previewGeneration) {
                return;
            }
            if (failure != null) {
                organization.set("unknown");
                error.set(message(failure));
            } else {
                organization.set(preview.organization());
            }
        });
    }

    private void clearInvite(String problem) {
        parsed = null;
        inviteValid.set(false);
        inviteProblem.set(problem);
        server.set("");
        caFingerprint.set("");
    }

    private void checkPassphrase() {
        if (!usePassphrase.get()) {
            passphraseProblem.set("");
        } else if (passphrase.get().isEmpty()) {
            passphraseProblem.set("type a passphrase");
        } else if (!confirmation.get().isEmpty() && !passphrase.get().equals(confirmation.get())) {
            passphraseProblem.set("the passphrases differ");
        } else {
            passphraseProblem.set("");
        }
    }

    private static String message(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String m = t.getMessage();
        return m == null || m.isBlank() ? "enrollment failed" : m.lines().findFirst().orElse(m);
    }
}
