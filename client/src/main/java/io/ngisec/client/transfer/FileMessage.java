package io.ngisec.client.transfer;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The control messages of file transfer, each a record mapped to JSON by {@link FileMessageCodec}.
 * An offer is {@link Offer}, then {@link Entries} and {@link Hashes} until every entry and chunk
 * hash is known (split so each message stays under the control limit); the receiver answers
 * {@link Have} per resumed entry then {@link Accept}, or {@link Decline}. Constructors reject
 * values out of range, which makes decoding reject them too.
 */
public sealed interface FileMessage {

    /** The transfer the message is about. */
    UUID transfer();

    /** Starts an offer: how many entries and bytes follow. */
    record Offer(UUID transfer, int chunkBytes, int entryCount, long totalBytes) implements FileMessage {
        public Offer {
            Objects.requireNonNull(transfer, "transfer");
            require(entryCount >= 1 && entryCount <= TransferLimits.MAX_ENTRIES, "entry count");
            require(totalBytes >= 0, "total bytes");
        }
    }

    /** One file of an offer: relative path with '/' separators, size, SHA-256 (hex). */
    record EntryInfo(int index, String path, long size, String sha256) {
        public EntryInfo {
            Objects.requireNonNull(path, "path");
            require(index >= 0 && index < TransferLimits.MAX_ENTRIES, "entry index");
            require(size >= 0, "size");
            require(Hex.isSha256(sha256), "sha256");
        }
    }

    /** Some entries of an offer. */
    record Entries(UUID transfer, List<EntryInfo> entries) implements FileMessage {
        public Entries {
            Objects.requireNonNull(transfer, "transfer");
            entries = List.copyOf(entries);
        }
    }

    /** The SHA-256 (hex) of chunks {@code first, first+1, ...} of one entry. */
    record Hashes(UUID transfer, int entry, long first, List<String> hashes) implements FileMessage {
        public Hashes {
            Objects.requireNonNull(transfer, "transfer");
            require(entry >= 0 && first >= 0, "entry or first chunk");
            hashes = List.copyOf(hashes);
            for (String h : hashes) {
                require(Hex.isSha256(h), "chunk hash");
            }
        }
    }

    /** The receiver already holds these verified chunks of an entry: {@code [start, end)} pairs, ascending. */
    record Have(UUID transfer, int entry, long[] ranges) implements FileMessage {
        public Have {
            Objects.requireNonNull(transfer, "transfer");
            require(entry >= 0, "entry");
            ranges = ranges.clone();
            require(ranges.length % 2 == 0, "ranges");
            long last = 0;
            for (int i = 0; i < ranges.length; i += 2) {
                require(ranges[i] >= last && ranges[i] < ranges[i + 1], "ranges");
                last = ranges[i + 1];
            }
        }
    }

    /** The receiver accepts; chunks may flow (those not in a {@link Have}). */
    record Accept(UUID transfer) implements FileMessage {
        public Accept {
            Objects.requireNonNull(transfer, "transfer");
        }
    }

    /** The receiver declines, or its policy denies ({@code denied}). */
    record Decline(UUID transfer, String reason, boolean denied) implements FileMessage {
        public Decline {
            Objects.requireNonNull(transfer, "transfer");
            reason = Hex.oneLine(reason);
        }
    }

    /** The receiver wants one chunk again (it failed verification). */
    record Need(UUID transfer, int entry, long chunk) implements FileMessage {
        public Need {
            Objects.requireNonNull(transfer, "transfer");
            require(entry >= 0 && chunk >= 0, "entry or chunk");
        }
    }

    /** Stop sending chunks for now. */
    record Pause(UUID transfer) implements FileMessage {
        public Pause {
            Objects.requireNonNull(transfer, "transfer");
        }
    }

    /** Send chunks again. */
    record Resume(UUID transfer) implements FileMessage {
        public Resume {
            Objects.requireNonNull(transfer, "transfer");
        }
    }

    /** Either side gives up the transfer for good. */
    record Cancel(UUID transfer, String reason) implements FileMessage {
        public Cancel {
            Objects.requireNonNull(transfer, "transfer");
            reason = Hex.oneLine(reason);
        }
    }

    /** The receiver has every file, verified and under its final name. */
    record Done(UUID transfer) implements FileMessage {
        public Done {
            Objects.requireNonNull(transfer, "transfer");
        }
    }

    /** Either side failed (write error, file changed); verified chunks stay for a resume. */
    record Failed(UUID transfer, String reason) implements FileMessage {
        public Failed {
            Objects.requireNonNull(transfer, "transfer");
            reason = Hex.oneLine(reason);
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("invalid " + what);
        }
    }
}
