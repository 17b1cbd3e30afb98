package io.ngisec.client.transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects an incoming offer from its messages ({@link FileMessage.Offer}, then entries, then chunk
 * hashes) until complete, checking every piece against what the header announced. Memory is
 * bounded by {@link TransferLimits}. Not thread safe (one link's control thread feeds it).
 */
final class OfferAssembler {

    /** A piece that contradicts the offer; the receiver declines it. */
    static final class InvalidOfferException extends Exception {
        InvalidOfferException(String message) {
            super(message);
        }
    }

    private final FileMessage.Offer offer;
    private final TransferEntry[] entries;
    private final byte[][] hashes;
    private final long[] hashesFilled;
    private int entriesKnown;
    private long chunksAnnounced;
    private long bytesAnnounced;

    OfferAssembler(FileMessage.Offer offer) throws InvalidOfferException {
        if (offer.chunkBytes() != TransferLimits.CHUNK_BYTES) {
            throw new InvalidOfferException("unsupported chunk size " + offer.chunkBytes());
        }
        this.offer = offer;
        this.entries = new TransferEntry[offer.entryCount()];
        this.hashes = new byte[offer.entryCount()][];
        this.hashesFilled = new long[offer.entryCount()];
    }

    FileMessage.Offer offer() {
        return offer;
    }

    void add(FileMessage.Entries message) throws InvalidOfferException {
        for (FileMessage.EntryInfo info : message.entries()) {
            if (info.index() >= entries.length || entries[info.index()] != null) {
                throw new InvalidOfferException("entry " + info.index() + " out of range or repeated");
            }
            long chunks = TransferLimits.chunkCount(info.size());
            chunksAnnounced += chunks;
            bytesAnnounced += info.size();
            if (chunksAnnounced > TransferLimits.MAX_CHUNKS_PER_OFFER || bytesAnnounced > offer.totalBytes() || bytesAnnounced < 0) {
                throw new InvalidOfferException("entries larger than the offer announced");
            }
            entries[info.index()] = TransferEntry.of(info);
            hashes[info.index()] = new byte[Math.toIntExact(chunks * 32)];
            entriesKnown++;
        }
    }

    void add(FileMessage.Hashes message) throws InvalidOfferException {
        int entry = message.entry();
        if (entry >= entries.length || entries[entry] == null) {
            throw new InvalidOfferException("hashes for an unknown entry " + entry);
        }
        long chunks = hashes[entry].length / 32;
        if (message.first() != hashesFilled[entry] || message.first() + message.hashes().size() > chunks) {
            throw new InvalidOfferException("chunk hashes out of order for entry " + entry);
        }
        int at = Math.toIntExact(message.first() * 32);
        for (String hex : message.hashes()) {
            System.arraycopy(Hex.parse(hex), 0, hashes[entry], at, 32);
            at += 32;
        }
        hashesFilled[entry] += message.hashes().size();
    }

    /** Whether every entry and chunk hash has arrived. */
    boolean complete() throws InvalidOfferException {
        if (entriesKnown < entries.length) {
            return false;
        }
        for (int i = 0; i < entries.length; i++) {
            if (hashesFilled[i] * 32 < hashes[i].length) {
                return false;
            }
        }
        if (bytesAnnounced != offer.totalBytes()) {
            throw new InvalidOfferException("entries do not add up to the offer's size");
        }
        return true;
    }

    List<TransferEntry> entries() {
        return new ArrayList<>(Arrays.asList(entries));
    }

    byte[] chunkHashes(int entry) {
        return hashes[entry];
    }
}
