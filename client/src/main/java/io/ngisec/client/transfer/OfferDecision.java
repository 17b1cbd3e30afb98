package io.ngisec.client.transfer;

import java.nio.file.Path;
import java.util.Objects;

/** What the user (or the {@code listen --accept} setting) answers to an offer. */
public sealed interface OfferDecision {

    /** Save into {@code saveDir} (created if needed); resumed files stay where their part file is. */
    record Accept(Path saveDir) implements OfferDecision {
        public Accept {
            Objects.requireNonNull(saveDir, "saveDir");
        }
    }

    /** Say no, with a one-line reason the sender sees. */
    record Decline(String reason) implements OfferDecision {
        public Decline {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
