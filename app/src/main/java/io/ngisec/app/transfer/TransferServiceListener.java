package io.ngisec.app.transfer;

import io.ngisec.client.transfer.IncomingOffer;
import io.ngisec.client.transfer.TransferId;

/** Hears what a {@link TransferService} learns, on the UI thread. */
public interface TransferServiceListener {

    /** A transfer is new or changed; {@code now} is all there is to know of it. */
    default void changed(TransferSnapshot now) {
    }

    /** A transfer was replaced by a retry (a new transfer with a new id). */
    default void removed(TransferId id) {
    }

    /** A colleague offers files; answer with {@link TransferService#decide}. */
    default void offered(IncomingOffer offer) {
    }
}
