package io.ngisec.app.transfer;

import io.ngisec.app.service.Colleague;
import io.ngisec.client.transfer.OfferDecision;
import io.ngisec.client.transfer.TransferId;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Transfers for the screens: sending, the user's controls, answers to offers, history and the
 * download folder. Network and disk work happen off the UI thread; listeners hear on the UI
 * thread. Implementations are thread safe.
 */
public interface TransferService {

    /** Adds {@code listener}; it hears changes from now on. */
    void addListener(TransferServiceListener listener);

    /**
     * Offers {@code paths} to an online device of {@code to}; completes once the offer is out (or
     * refused: then the refusal is also reported as a DENIED or FAILED transfer, with the policy
     * rule for a denial) and completes exceptionally with a one-line message on refusal.
     */
    CompletableFuture<Void> send(Colleague to, List<Path> paths);

    void pause(TransferId id);

    void resume(TransferId id);

    void cancel(TransferId id);

    /** Offers again every interrupted or failed transfer to that transfer's device; the receiver resumes from verified chunks. */
    CompletableFuture<Void> retry(TransferId id);

    /** Answers the offer {@code id} (once; later answers are ignored). */
    void decide(TransferId id, OfferDecision decision);

    /** Transfers from the peer's history, newest first (empty before the device is online). */
    CompletableFuture<List<TransferSnapshot>> history();

    /** Where accepted files go unless the user picks another folder. */
    CompletableFuture<Path> downloadFolder();

    /** Makes {@code folder} the download folder from now on (persisted in the home). */
    void setDownloadFolder(Path folder);
}
