package io.ngisec.client.transfer;

import java.nio.file.Path;
import java.util.Objects;

/** One file of an outgoing offer: where it is here, its relative path in the offer, and its digests. */
record OfferEntry(int index, String relativePath, Path source, FileDigest digest) {

    OfferEntry {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(digest, "digest");
    }

    long size() {
        return digest.size();
    }

    FileMessage.EntryInfo info() {
        return new FileMessage.EntryInfo(index, relativePath, size(), Hex.of(digest.sha256()));
    }
}
