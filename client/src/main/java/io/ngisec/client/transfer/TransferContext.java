package io.ngisec.client.transfer;

import java.util.function.LongSupplier;

/** What both sides of a transfer use from their engine: the store, tunables, the listener, a monotonic clock. */
record TransferContext(TransferStore store, TransferOptions options, TransferListener listener, LongSupplier nanos) {

    void progress(Transfer transfer, java.util.Optional<TransferProgress> progress) {
        progress.ifPresent(p -> listener.progress(transfer, p));
    }
}
