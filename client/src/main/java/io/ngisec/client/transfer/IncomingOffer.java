package io.ngisec.client.transfer;

import io.ngisec.client.link.PeerInfo;
import java.util.List;

/** An offer a peer made, complete and checked (safe names, within the link's grant), for an {@link OfferDecider}. */
public record IncomingOffer(TransferId id, PeerInfo from, List<TransferEntry> entries, long totalBytes) {

    public IncomingOffer {
        entries = List.copyOf(entries);
    }
}
