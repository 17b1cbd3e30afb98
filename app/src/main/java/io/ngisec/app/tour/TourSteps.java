package io.ngisec.app.tour;

import java.time.Duration;
import java.util.List;

/** The tour's stops in order. A new screen adds its step here (one line); steps whose screen is absent skip themselves. */
public final class TourSteps {

    /** Directory, transfers, chat, the in-call view, diagnostics, settings. */
    public static final List<TourStep> ALL = List.of(
            new DirectoryStep(),
            new TransferStep(),
            new ChatStep(),
            new CallStep(),
            new SectionStep("diagnostics", "diagnostics", Duration.ofSeconds(10)),
            new SectionStep("settings", "settings", Duration.ofSeconds(1)));

    private TourSteps() {
    }
}
