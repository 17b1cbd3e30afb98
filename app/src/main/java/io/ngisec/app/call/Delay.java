package io.ngisec.app.call;

import java.time.Duration;
import javafx.animation.PauseTransition;

/** Runs a task on the FX thread after a delay; a seam so ViewModel tests run the task when they choose. */
@FunctionalInterface
public interface Delay {

    /** Runs {@code task} on the FX thread after {@code delay}; called on the FX thread. */
    void after(Duration delay, Runnable task);

    /** The real one: a {@link PauseTransition}. */
    static Delay fx() {
        return (delay, task) -> {
            PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
            pause.setOnFinished(e -> task.run());
            pause.play();
        };
    }
}
