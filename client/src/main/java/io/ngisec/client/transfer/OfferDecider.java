package io.ngisec.client.transfer;

import java.nio.file.Path;

/**
 * Decides on incoming offers (the CLI: {@code listen --accept files} accepts into the save folder,
 * otherwise declines or asks). Called on its own thread per offer, so it may block to ask a user.
 */
@FunctionalInterface
public interface OfferDecider {

    OfferDecision decide(IncomingOffer offer) throws InterruptedException;

    /** Accepts every offer into {@code saveDir}. */
    static OfferDecider acceptInto(Path saveDir) {
        OfferDecision accept = new OfferDecision.Accept(saveDir);
        return offer -> accept;
    }

    /** Declines every offer with {@code reason}. */
    static OfferDecider declineAll(String reason) {
        OfferDecision decline = new OfferDecision.Decline(reason);
        return offer -> decline;
    }
}
