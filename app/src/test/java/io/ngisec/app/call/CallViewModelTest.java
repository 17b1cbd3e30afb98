package io.ngisec.app.call;

import static io.ngisec.app.call.CallSamples.quality;
import static io.ngisec.app.call.CallSamples.stats;
import static io.ngisec.app.testing.Samples.colleague;
import static io.ngisec.app.testing.Samples.device;
import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.service.AudioChoice;
import io.ngisec.app.service.AudioChoices;
import io.ngisec.app.service.CallUpdate;
import io.ngisec.app.service.Colleague;
import io.ngisec.app.testing.FakeCallService;
import io.ngisec.client.call.CallEndReason;
import io.ngisec.protocol.qos.QosClass;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallViewModelTest {

    private final FakeCallService service = new FakeCallService();
    private final List<Runnable> timers = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final CallViewModel model = new CallViewModel(service, (delay, task) -> {
        delays.add(delay);
        timers.add(task);
    });
    private final Colleague bob = colleague("bob", device("bob", "desktop", true));

    @Test
    void anOutgoingCallRingsIsAnsweredShowsItsQualityAndEndsForAFewSeconds() {
        assertThat(model.phaseProperty().get()).isEqualTo(CallPhase.IDLE);
        assertThat(model.call(bob)).isTrue();
        assertThat(model.phaseProperty().get()).isEqualTo(CallPhase.PLACING);
        assertThat(model.peerProperty().get()).isEqualTo("bob");
        assertThat(model.headlineProperty().get()).isEqualTo("Calling bob...");
        assertThat(model.call(colleague("carol", device("carol", "pc", true)))).as("one call at a time").isFalse();

        service.tell(new CallUpdate.Ringing("bob"));
        assertThat(model.phaseProperty().get()).isEqualTo(CallPhase.RINGING);
        assertThat(model.headlineProperty().get()).isEqualTo("Ringing bob...");

        service.tell(new CallUpdate.Active("bob"));
        assertThat(model.phaseProperty().get()).isEqualTo(CallPhase.ACTIVE);
        assertThat(model.headlineProperty().get()).isEqualTo("In call with bob");
        assertThat(model.durationProperty().get()).isEqualTo("00:00");
        assertThat(model.mosProperty().get()).isEqualTo("-");

        service.tell(new CallUpdate.Quality(quality(stats(7, 4.4, 3.2, "host", QosClass.VOICE, false))));
        assertThat(model.mosProperty().get()).isEqualTo("4.4 (good)");
        assertThat(model.rttProperty().get()).isEqualTo("3 ms");
        assertThat(model.qosProperty().get()).isEqualTo("VOICE / DSCP 46");
        assertThat(model.pathProperty().get()).isEqualTo(PathBadge.DIRECT_HOST);
        assertThat(model.cipherProperty().get()).isEqualTo("ChaCha20-Poly1305");
        assertThat(model.durationProperty().get()).isEqualTo("00:07");
        assertThat(model.inputLevelProperty().get()).isPositive();

        model.hangUp();
        service.tell(new CallUpdate.Ended("bob", CallEndReason.HUNG_UP, "you hung up"));
        assertThat(model.phaseProperty().get()).isEqualTo(CallPhase.ENDED);
        assertThat(model.headlineProperty().get()).isEqualTo("Call ended");
        assertThat(model.endMessageProperty().get()).isEqualTo("you hung up");
        assertThat(model.endReasonProperty().get()).isEqualTo(CallEndReason.HUNG_UP);
        assertThat(service.asked()).containsExactly("list audio", "dial bob", "hang up");

        // A last snapshot after the end changes nothing.
        service.tell(new CallUpdate.Quality(quality(stats(8, 1.0, 900, "relay", QosClass.VOICE, false))));
        assertThat(model.mosProperty().get()).isEqualTo("4.4 (good)");

        assertThat(delays).containsExactly(CallViewModel.END_SHOWN);
        timers.getFirst().run();
        assertThat(model.phaseProperty().get()).isEqualTo(CallPhase.IDLE);
        assertThat(model.canCall()).isTrue();
    }

    @Test
    void anIncomingCallIsAcceptedAndTheCallerHangsUp() {
        service.tell(new CallUpdate.Incoming("carol", "laptop"));
        assertThat(model.phaseProperty().get()).isEqualTo(CallPhase.INCOMING);
        assertThat(model.peerProperty().get()).isEqualTo("carol");
        assertThat(model.headlineProperty().get()).isEqualTo("Incoming call from carol (laptop)");
        assertThat(model.canCall()).isFalse();

        model.accept();
        assertThat(model.phaseProperty().get()).isEqualTo(CallPhase.CONNECTING);
        service.tell(new CallUpdate.Active("carol"));
        assertThat(model.phaseProperty().get()).isEqualTo(CallPhase.ACTIVE);
        service.tell(new CallUpdate.Ended("carol", CallEndReason.HUNG_UP, "carol hung up"));

        assertThat(model.phaseProperty().get()).isEqualTo(CallPhase.ENDED);
        assertThat(model.endMessageProperty().get()).isEqualTo("carol hung up");
        assertThat(service.asked()).containsExactly("list audio", "accept");
    }

    @Test
    void anIncomingCallDeclinedWithEscShowsTheDeclineAndEscDismissesIt() {
        service.tell(new CallUpdate.Incoming("carol", "laptop"));
        model.escape();
        assertThat(service.asked()).containsExactly("list audio", "decline");
        assertThat(model.phaseProperty().get()).as("until the service says it ended").isEqualTo(CallPhase.INCOMING);

        service.tell(new CallUpdate.Ended("carol", CallEndReason.DECLINED, "you declined the call from carol"));
        assertThat(model.headlineProperty().get()).isEqualTo("Declined");
        assertThat(model.endMessageProperty().get()).isEqualTo("you declined the call from carol");
        model.escape();
        assertThat(model.phaseProperty().get()).isEqualTo(CallPhase.IDLE);
    }

    @Test
    void aRingingCallIsCancelledAndEachEndReasonHasItsHeadline() {
        model.call(bob);
        service.tell(new CallUpdate.Ringing("bob"));
        model.escape();
        assertThat(service.asked()).endsWith("hang up");
        service.tell(new CallUpdate.Ended("bob", CallEndReason.CANCELLED, "you cancelled the call"));
        assertThat(model.headlineProperty().get()).isEqualTo("Cancelled");

        for (CallEndReason reason : List.of(CallEndReason.DECLINED, CallEndReason.BUSY, CallEndReason.NO_ANSWER,
                CallEndReason.CONNECTION_LOST, CallEndReason.FAILED)) {
            model.dismiss();
            model.call(bob);
            service.tell(new CallUpdate.Ended("bob", reason, "why"));
            assertThat(model.headlineProperty().get()).isEqualTo(switch (reason) {
                case DECLINED -> "Declined";
                case BUSY -> "Busy";
                case NO_ANSWER -> "No answer";
                case CONNECTION_LOST -> "Connection lost";
                default -> "Call failed";
            });
        }
    }

    @Test
    void aCallThePolicyDeniesShowsTheRule() {
        model.call(colleague("gary", device("gary", "pc", true)));
        service.tell(new CallUpdate.Ended("gary", CallEndReason.NOT_ALLOWED,
                "the policy does not allow calls with gary: rule \"guests-no-calls\" denies call"));

        assertThat(model.phaseProperty().get()).isEqualTo(CallPhase.ENDED);
        assertThat(model.headlineProperty().get()).isEqualTo("Not allowed");
        assertThat(model.endMessageProperty().get()).contains("rule \"guests-no-calls\" denies call");
    }

    @Test
    void theEndTimerOfOneCallLeavesTheNextAlone() {
        model.call(bob);
        service.tell(new CallUpdate.Ended("bob", CallEndReason.BUSY, "bob is busy"));
        service.tell(new CallUpdate.Incoming("carol", "laptop"));
        timers.getFirst().run();

        assertThat(model.phaseProperty().get()).isEqualTo(CallPhase.INCOMING);
        assertThat(model.endMessageProperty().get()).isEmpty();
    }

    @Test
    void updatesThatDoNotFitThePhaseAreIgnored() {
        service.tell(new CallUpdate.Ringing("bob"));
        service.tell(new CallUpdate.Active("bob"));
        service.tell(new CallUpdate.Ended("bob", CallEndReason.HUNG_UP, "bob hung up"));
        assertThat(model.phaseProperty().get()).isEqualTo(CallPhase.IDLE);

        model.call(bob);
        service.tell(new CallUpdate.Quality(quality(stats(1, 4.4, 3, "host", QosClass.VOICE, false))));
        assertThat(model.mosProperty().get()).as("not active yet").isEqualTo("-");
        service.tell(new CallUpdate.Incoming("carol", "laptop"));
        assertThat(model.peerProperty().get()).isEqualTo("bob");
    }

    @Test
    void muteOnlyWhileActive() {
        model.call(bob);
        model.setMuted(true);
        assertThat(model.mutedProperty().get()).isFalse();
        service.tell(new CallUpdate.Active("bob"));
        model.setMuted(true);
        assertThat(model.mutedProperty().get()).isTrue();
        model.setMuted(false);
        assertThat(service.asked()).containsSubsequence("mute true", "mute false");

        model.setMuted(true);
        service.tell(new CallUpdate.Ended("bob", CallEndReason.HUNG_UP, "bob hung up"));
        assertThat(model.mutedProperty().get()).as("the next call starts unmuted").isFalse();
    }

    @Test
    void audioMenusComeFromTheServiceAndAChoiceDuringACallWaitsForTheNext() {
        AudioChoice headset = new AudioChoice("USB headset", "USB headset");
        service.listed(new AudioChoices(List.of(AudioChoice.DEFAULT, headset, AudioChoice.TONE, AudioChoice.NONE),
                List.of(AudioChoice.DEFAULT, AudioChoice.NONE), AudioChoice.DEFAULT, AudioChoice.DEFAULT));
        assertThat(model.inputs()).containsExactly(AudioChoice.DEFAULT, headset, AudioChoice.TONE, AudioChoice.NONE);
        assertThat(model.inputProperty().get()).isEqualTo(AudioChoice.DEFAULT);
        assertThat(service.asked()).as("listing is not choosing").containsExactly("list audio");

        model.inputProperty().set(headset);
        assertThat(service.asked()).endsWith("input USB headset");
        assertThat(model.audioNoteProperty().get()).isEmpty();

        model.call(bob);
        service.tell(new CallUpdate.Active("bob"));
        model.outputProperty().set(AudioChoice.NONE);
        assertThat(service.asked()).endsWith("output None");
        assertThat(model.audioNoteProperty().get()).isEqualTo("Device changes apply from the next call");
    }
}
