package io.ngisec.client.transfer;

import java.nio.file.Path;

/** A transfer entry row: its database id, what it is, where its bytes are here, and whether it is complete. */
record StoredEntry(long id, TransferId transfer, TransferEntry entry, Path localPath, boolean completed) {
}
