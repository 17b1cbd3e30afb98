package io.ngisec.app.tour;

import java.time.Duration;

/**
 * A section of the main window reached through its navigation button ({@code #nav-ID}), shown
 * after {@code linger} (live charts need a few seconds of points). Skipped when the app has no such section.
 */
record SectionStep(String name, String id, Duration linger) implements TourStep {

    @Override
    public boolean available(TourGuide guide) throws TourFailure {
        try {
            return guide.enabled("#nav-" + id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void show(TourGuide guide) throws TourFailure, InterruptedException {
        guide.press("#nav-" + id);
        guide.linger(linger);
    }
}
