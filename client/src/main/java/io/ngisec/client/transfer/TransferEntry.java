package io.ngisec.client.transfer;

import java.util.Objects;

/** One file of a transfer as both peers see it: index in the offer, relative path ('/'), size, SHA-256 (hex). */
public record TransferEntry(int index, String relativePath, long size, String sha256) {

    public TransferEntry {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(sha256, "sha256");
    }

    static TransferEntry of(FileMessage.EntryInfo info) {
        return new TransferEntry(info.index(), info.path(), info.size(), info.sha256());
    }
}
