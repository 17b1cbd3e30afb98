package io.ngisec.app.transfer;

import io.ngisec.client.transfer.Direction;
import io.ngisec.client.transfer.TransferId;
import io.ngisec.client.transfer.TransferState;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One row of the transfers list (and of a conversation), following its transfer's snapshots:
 * heading, progress, the line of figures (size, rate, time left), state and reason, and which
 * controls apply now. FX thread only.
 */
public final class TransferItem {

    private final TransferId id;
    private final Direction direction;
    private final String peerUser;
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper figures = new ReadOnlyStringWrapper(this, "figures", "");
    private final ReadOnlyObjectWrapper<TransferState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper(this, "canPause");
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper(this, "canResume");
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper(this, "canCancel");
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper(this, "canRetry");
    private final ReadOnlyBooleanWrapper awaitingAnswer = new ReadOnlyBooleanWrapper(this, "awaitingAnswer");
    private Optional<Path> folder = Optional.empty();
    private TransferSnapshot last;

    TransferItem(TransferSnapshot first) {
        this.id = first.id();
        this.direction = first.direction();
        this.peerUser = first.peerUser();
        update(first);
    }

    /** Takes the newest snapshot of this transfer. */
    void update(TransferSnapshot s) {
        last = s;
        heading.set((s.direction() == Direction.OUTGOING ? "To " : "From ") + s.peerUser() + ": " + s.title());
        progress.set(TransferFormat.fraction(s.bytesDone(), s.totalBytes()));
        figures.set(figures(s));
        state.set(s.state());
        status.set(status(s));
        boolean running = s.live() && !s.state().ended();
        canPause.set(running && s.state() == TransferState.TRANSFERRING);
        canResume.set(running && s.state() == TransferState.PAUSED);
        canCancel.set(running);
        canRetry.set(s.direction() == Direction.OUTGOING && !s.live()
                && (s.state() == TransferState.INTERRUPTED || s.state() == TransferState.FAILED) && s.totalBytes() > 0);
        awaitingAnswer.set(s.direction() == Direction.INCOMING && s.live() && s.state() == TransferState.OFFERED);
        folder = s.folder();
    }

    /** {@code 1.5 MiB of 4.0 MiB, 37 %, 2.0 MiB/s, 1 s left}; without rate and time once it stopped running. */
    static String figures(TransferSnapshot s) {
        if (s.totalBytes() == 0 && !s.live()) {
            return "";
        }
        String amount = s.state() == TransferState.COMPLETED ? TransferFormat.bytes(s.totalBytes())
                : TransferFormat.bytes(s.bytesDone()) + " of " + TransferFormat.bytes(s.totalBytes()) + ", "
                        + TransferFormat.percent(s.bytesDone(), s.totalBytes());
        if (s.state() != TransferState.TRANSFERRING) {
            return amount;
        }
        String eta = TransferFormat.eta(s.eta());
        return amount + ", " + TransferFormat.rate(s.bytesPerSecond()) + (eta.isEmpty() ? "" : ", " + eta);
    }

    /** The state in words with its reason: {@code Denied: the policy does not allow ...}. */
    static String status(TransferSnapshot s) {
        String name = s.state().name().charAt(0) + s.state().name().substring(1).toLowerCase(Locale.ROOT);
        if (s.state() == TransferState.OFFERED && s.direction() == Direction.INCOMING && s.live()) {
            name = "Waiting for your answer";
        } else if (s.state() == TransferState.OFFERED) {
            name = "Waiting for " + s.peerUser();
        }
        // The engine words some reasons "declined: why"; the state is said once.
        String prefix = s.state().name().toLowerCase(Locale.ROOT) + ": ";
        String reason = s.reason().startsWith(prefix) ? s.reason().substring(prefix.length()) : s.reason();
        return reason.isBlank() || s.state() == TransferState.TRANSFERRING ? name : name + ": " + reason;
    }

    public TransferId id() {
        return id;
    }

    public Direction direction() {
        return direction;
    }

    public String peerUser() {
        return peerUser;
    }

    /** The snapshot shown now. */
    public TransferSnapshot snapshot() {
        return last;
    }

    /** Where the received files are, once saved. */
    public Optional<Path> folder() {
        return folder;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** Done of total, 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TransferState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCancelProperty() {
        return canCancel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRetryProperty() {
        return canRetry.getReadOnlyProperty();
    }

    /** An incoming offer the user has not answered yet. */
    public ReadOnlyBooleanProperty awaitingAnswerProperty() {
        return awaitingAnswer.getReadOnlyProperty();
    }
}
