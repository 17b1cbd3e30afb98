package io.ngisec.app.tour;

/**
 * One stop of the tour: brings a screen into view with real data; the tour then writes the window
 * as {@code name().png}. Steps run on the tour's own thread and reach the window through the
 * {@link TourGuide}. A screen joins the tour with a step in {@link TourSteps#ALL}.
 */
public interface TourStep {

    /** The PNG's file name without {@code .png}. */
    String name();

    /** Whether this app has the screen (checked once online); a step that answers false is skipped. */
    default boolean available(TourGuide guide) throws TourFailure {
        return true;
    }

    /** Brings the screen into view and returns once it shows what the picture should show. */
    void show(TourGuide guide) throws TourFailure, InterruptedException;

    /** Puts things back after the picture (hang up, close a dialog); nothing by default. */
    default void leave(TourGuide guide) throws TourFailure, InterruptedException {
    }
}
