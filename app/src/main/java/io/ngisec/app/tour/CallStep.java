package io.ngisec.app.tour;

import java.time.Duration;

/**
 * The in-call view during a call with the contact, with live quality figures. Skipped while the
 * app's Call action is absent or disabled. The call keeps running for the steps after it (the
 * diagnostics of a live session); the app hangs up when the tour closes it.
 */
final class CallStep implements TourStep {

    @Override
    public String name() {
        return "call";
    }

    @Override
    public boolean available(TourGuide guide) throws TourFailure {
        try {
            return guide.enabled("#call-" + guide.contact());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void show(TourGuide guide) throws TourFailure, InterruptedException {
        guide.press("#call-" + guide.contact());
        guide.await("the call's live quality", () -> guide.find("#callPanel") != null
                && guide.find("#callMos") instanceof javafx.scene.control.Labeled mos
                && mos.getText() != null && mos.getText().matches(".*\\d.*"));
        // Past the greeting, with a few seconds of statistics behind the figures.
        guide.linger(Duration.ofSeconds(6));
    }
}
