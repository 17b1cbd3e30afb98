package io.ngisec.app.call;

import io.ngisec.app.service.AudioChoice;
import io.ngisec.app.service.AudioChoices;
import io.ngisec.app.service.CallService;
import io.ngisec.app.service.CallServiceListener;
import io.ngisec.app.service.CallUpdate;
import io.ngisec.app.service.Colleague;
import io.ngisec.client.call.CallEndReason;
import java.time.Duration;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The call screen's state machine over a {@link CallService}: idle; placing, ringing (out) or
 * incoming; connecting and active; ended, showing why for {@link #END_SHOWN} before going idle.
 * Live quality is taken only while active. Updates that do not fit the phase are ignored (a late
 * quality snapshot after the end). Use on the FX thread (the service's listener is called there).
 */
public final class CallViewModel {

    /** How long the end of a call stays on screen. */
    public static final Duration END_SHOWN = Duration.ofSeconds(5);

    private static final String NONE = "-";

    private final CallService service;
    private final Delay delay;
    private final ReadOnlyObjectWrapper<CallPhase> phase = new ReadOnlyObjectWrapper<>(this, "phase", CallPhase.IDLE);
    private final ReadOnlyStringWrapper peer = new ReadOnlyStringWrapper(this, "peer", "");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper endMessage = new ReadOnlyStringWrapper(this, "endMessage", "");
    private final ReadOnlyObjectWrapper<CallEndReason> endReason = new ReadOnlyObjectWrapper<>(this, "endReason");
    private final ReadOnlyBooleanWrapper muted = new ReadOnlyBooleanWrapper(this, "muted");
    private final ReadOnlyStringWrapper duration = new ReadOnlyStringWrapper(this, "duration", "");
    private final ReadOnlyStringWrapper mos = new ReadOnlyStringWrapper(this, "mos", NONE);
    private final ReadOnlyStringWrapper rtt = new ReadOnlyStringWrapper(this, "rtt", NONE);
    private final ReadOnlyStringWrapper jitter = new ReadOnlyStringWrapper(this, "jitter", NONE);
    private final ReadOnlyStringWrapper loss = new ReadOnlyStringWrapper(this, "loss", NONE);
    private final ReadOnlyStringWrapper buffer = new ReadOnlyStringWrapper(this, "buffer", NONE);
    private final ReadOnlyObjectWrapper<PathBadge> path = new ReadOnlyObjectWrapper<>(this, "path", PathBadge.UNKNOWN);
    private final ReadOnlyStringWrapper qos = new ReadOnlyStringWrapper(this, "qos", NONE);
    private final ReadOnlyStringWrapper cipher = new ReadOnlyStringWrapper(this, "cipher", NONE);
    private final ReadOnlyStringWrapper codec = new ReadOnlyStringWrapper(this, "codec", NONE);
    private final ReadOnlyDoubleWrapper inputLevel = new ReadOnlyDoubleWrapper(this, "inputLevel");
    private final ReadOnlyDoubleWrapper outputLevel = new ReadOnlyDoubleWrapper(this, "outputLevel");
    private final ReadOnlyStringWrapper audioNote = new ReadOnlyStringWrapper(this, "audioNote", "");
    private final ObservableList<AudioChoice> inputs = FXCollections.observableArrayList();
    private final ObservableList<AudioChoice> outputs = FXCollections.observableArrayList();
    private final ObservableList<AudioChoice> inputsReadOnly = FXCollections.unmodifiableObservableList(inputs);
    private final ObservableList<AudioChoice> outputsReadOnly = FXCollections.unmodifiableObservableList(outputs);
    private final ObjectProperty<AudioChoice> input = new SimpleObjectProperty<>(this, "input");
    private final ObjectProperty<AudioChoice> output = new SimpleObjectProperty<>(this, "output");
    private boolean listing;
    /** Counts calls, so the end timer of one call never dismisses the next. */
    private long generation;

    public CallViewModel(CallService service, Delay delay) {
        this.service = Objects.requireNonNull(service, "service");
        this.delay = Objects.requireNonNull(delay, "delay");
        input.addListener((o, was, now) -> chosen(now, true));
        output.addListener((o, was, now) -> chosen(now, false));
        service.setListener(new CallServiceListener() {
            @Override
            public void callUpdated(CallUpdate update) {
                update(update);
            }

            @Override
            public void audioListed(AudioChoices choices) {
                listed(choices);
            }
        });
        service.listAudio();
    }

    // --- actions ---

    /** Whether a call to {@code colleague} could start now (nothing else in progress). */
    public boolean canCall() {
        return !phase.get().busy();
    }

    /** Calls {@code colleague}; false (nothing happens) while another call is in progress. */
    public boolean call(Colleague colleague) {
        if (!canCall()) {
            return false;
        }
        begin(colleague.user());
        phase.set(CallPhase.PLACING);
        headline.set("Calling " + colleague.user() + "...");
        service.dial(colleague);
        return true;
    }

    /** Answers the ringing incoming call. */
    public void accept() {
        if (phase.get() == CallPhase.INCOMING) {
            phase.set(CallPhase.CONNECTING);
            headline.set("Connecting to " + peer.get() + "...");
            service.accept();
        }
    }

    /** Declines the ringing incoming call; the end comes from the service. */
    public void decline() {
        if (phase.get() == CallPhase.INCOMING) {
            headline.set("Declining...");
            service.decline();
        }
    }

    /** Declines an incoming call, cancels an outgoing one, or hangs up. */
    public void hangUp() {
        if (phase.get() == CallPhase.INCOMING) {
            decline();
        } else if (phase.get().busy()) {
            service.hangUp();
        }
    }

    /** Esc: ends whatever is in progress, or dismisses an ended call's line. */
    public void escape() {
        if (phase.get() == CallPhase.ENDED) {
            dismiss();
        } else {
            hangUp();
        }
    }

    /** Hides the ended call's line now. */
    public void dismiss() {
        if (phase.get() == CallPhase.ENDED) {
            phase.set(CallPhase.IDLE);
        }
    }

    /** Mutes or unmutes the microphone while the call is answered. */
    public void setMuted(boolean on) {
        if (phase.get() == CallPhase.ACTIVE || phase.get() == CallPhase.CONNECTING) {
            muted.set(on);
            service.mute(on);
        }
    }

    // --- what the service says ---

    private void update(CallUpdate update) {
        switch (update) {
            case CallUpdate.Ringing r -> {
                if (phase.get() == CallPhase.PLACING) {
                    phase.set(CallPhase.RINGING);
                    headline.set("Ringing " + r.peer() + "...");
                }
            }
            case CallUpdate.Incoming i -> {
                if (!phase.get().busy()) {
                    begin(i.peer());
                    phase.set(CallPhase.INCOMING);
                    headline.set("Incoming call from " + i.peer() + " (" + i.device() + ")");
                }
            }
            case CallUpdate.Active a -> {
                if (phase.get().busy()) {
                    phase.set(CallPhase.ACTIVE);
                    headline.set("In call with " + a.peer());
                    duration.set(QualityDisplay.clock(Duration.ZERO));
                }
            }
            case CallUpdate.Quality q -> {
                if (phase.get() == CallPhase.ACTIVE) {
                    show(QualityDisplay.of(q.quality()));
                }
            }
            case CallUpdate.Ended e -> {
                if (phase.get().busy()) {
                    ended(e);
                }
            }
        }
    }

    private void ended(CallUpdate.Ended e) {
        phase.set(CallPhase.ENDED);
        endReason.set(e.reason());
        endMessage.set(e.message());
        headline.set(switch (e.reason()) {
            case HUNG_UP -> "Call ended";
            case DECLINED -> "Declined";
            case BUSY -> "Busy";
            case NO_ANSWER -> "No answer";
            case CANCELLED -> "Cancelled";
            case CONNECTION_LOST -> "Connection lost";
            case NOT_ALLOWED -> "Not allowed";
            case FAILED -> "Call failed";
        });
        muted.set(false);
        inputLevel.set(0);
        outputLevel.set(0);
        long ending = generation;
        delay.after(END_SHOWN, () -> {
            if (generation == ending) {
                dismiss();
            }
        });
    }

    private void begin(String user) {
        generation++;
        peer.set(user);
        endMessage.set("");
        endReason.set(null);
        muted.set(false);
        duration.set("");
        audioNote.set("");
        show(new QualityDisplay(NONE, NONE, NONE, NONE, NONE, PathBadge.UNKNOWN, NONE, NONE, NONE, "", 0, 0));
    }

    private void show(QualityDisplay d) {
        mos.set(d.mos());
        rtt.set(d.rtt());
        jitter.set(d.jitter());
        loss.set(d.loss());
        buffer.set(d.buffer());
        path.set(d.path());
        qos.set(d.qos());
        cipher.set(d.cipher());
        codec.set(d.codec());
        if (!d.duration().isEmpty()) {
            duration.set(d.duration());
        }
        inputLevel.set(d.inputLevel());
        outputLevel.set(d.outputLevel());
    }

    private void listed(AudioChoices choices) {
        listing = true;
        try {
            inputs.setAll(choices.inputs());
            outputs.setAll(choices.outputs());
            input.set(choices.input());
            output.set(choices.output());
        } finally {
            listing = false;
        }
    }

    private void chosen(AudioChoice choice, boolean isInput) {
        if (listing || choice == null) {
            return;
        }
        if (isInput) {
            service.chooseInput(choice);
        } else {
            service.chooseOutput(choice);
        }
        // The client's media keeps its devices for the whole call.
        audioNote.set(phase.get() == CallPhase.ACTIVE || phase.get() == CallPhase.CONNECTING
                ? "Device changes apply from the next call" : "");
    }

    // --- read-only state ---

    public ReadOnlyObjectProperty<CallPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The other side's user. */
    public ReadOnlyStringProperty peerProperty() {
        return peer.getReadOnlyProperty();
    }

    /** One line on what happens: "Ringing bob...", "In call with bob", "Declined". */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** Why the call ended, from this side's point of view ("bob declined the call"). */
    public ReadOnlyStringProperty endMessageProperty() {
        return endMessage.getReadOnlyProperty();
    }

    /** Why the call ended, as a reason; null before it did. */
    public ReadOnlyObjectProperty<CallEndReason> endReasonProperty() {
        return endReason.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty mutedProperty() {
        return muted.getReadOnlyProperty();
    }

    /** Time in the call, {@code mm:ss}; empty before it is answered. */
    public ReadOnlyStringProperty durationProperty() {
        return duration.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty mosProperty() {
        return mos.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rttProperty() {
        return rtt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty jitterProperty() {
        return jitter.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lossProperty() {
        return loss.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bufferProperty() {
        return buffer.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PathBadge> pathProperty() {
        return path.getReadOnlyProperty();
    }

    /** Class and DSCP of the call's packets. */
    public ReadOnlyStringProperty qosProperty() {
        return qos.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cipherProperty() {
        return cipher.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty codecProperty() {
        return codec.getReadOnlyProperty();
    }

    /** Microphone level, 0..1. */
    public ReadOnlyDoubleProperty inputLevelProperty() {
        return inputLevel.getReadOnlyProperty();
    }

    /** Speaker level, 0..1. */
    public ReadOnlyDoubleProperty outputLevelProperty() {
        return outputLevel.getReadOnlyProperty();
    }

    /** Says when a device change waits for the next call. */
    public ReadOnlyStringProperty audioNoteProperty() {
        return audioNote.getReadOnlyProperty();
    }

    /** The inputs to choose from (devices, test tone, none). */
    public ObservableList<AudioChoice> inputs() {
        return inputsReadOnly;
    }

    public ObservableList<AudioChoice> outputs() {
        return outputsReadOnly;
    }

    /** The chosen input; setting it chooses. */
    public ObjectProperty<AudioChoice> inputProperty() {
        return input;
    }

    /** The chosen output; setting it chooses. */
    public ObjectProperty<AudioChoice> outputProperty() {
        return output;
    }
}
