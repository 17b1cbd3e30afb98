package io.ngisec.app.testing;

import io.ngisec.app.service.AudioChoice;
import io.ngisec.app.service.AudioChoices;
import io.ngisec.app.service.CallService;
import io.ngisec.app.service.CallServiceListener;
import io.ngisec.app.service.CallUpdate;
import io.ngisec.app.service.Colleague;
import java.util.ArrayList;
import java.util.List;

/** A {@link CallService} the test drives: it records what the screen asked and tells the screen what the test says, at once. */
public final class FakeCallService implements CallService {

    private CallServiceListener listener;
    private final List<String> asked = new ArrayList<>();

    /** Tells the screen {@code update}. */
    public void tell(CallUpdate update) {
        listener.callUpdated(update);
    }

    /** Tells the screen the audio menus. */
    public void listed(AudioChoices choices) {
        listener.audioListed(choices);
    }

    /** What the screen asked, in order: {@code dial bob}, {@code accept}, {@code mute true}, {@code input Test tone}, ... */
    public List<String> asked() {
        return asked;
    }

    @Override
    public void setListener(CallServiceListener listener) {
        this.listener = listener;
    }

    @Override
    public void dial(Colleague colleague) {
        asked.add("dial " + colleague.user());
    }

    @Override
    public void accept() {
        asked.add("accept");
    }

    @Override
    public void decline() {
        asked.add("decline");
    }

    @Override
    public void hangUp() {
        asked.add("hang up");
    }

    @Override
    public void mute(boolean on) {
        asked.add("mute " + on);
    }

    @Override
    public void listAudio() {
        asked.add("list audio");
    }

    @Override
    public void chooseInput(AudioChoice choice) {
        asked.add("input " + choice.label());
    }

    @Override
    public void chooseOutput(AudioChoice choice) {
        asked.add("output " + choice.label());
    }
}
