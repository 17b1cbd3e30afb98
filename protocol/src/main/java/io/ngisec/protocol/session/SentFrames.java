package io.ngisec.protocol.session;

import java.util.List;

/**
 * What one sent packet carried that matters once it is acknowledged or lost: the stream ranges
 * (freed on ACK, sent again on loss) and the streams whose MAX_STREAM_DATA it carried (advertised
 * again on loss). ACK, PING and DATAGRAM frames leave no trace: they are never retransmitted.
 */
record SentFrames(List<StreamRange> ranges, List<Long> creditStreams) {

    static final SentFrames NOTHING = new SentFrames(List.of(), List.of());

    SentFrames {
        ranges = List.copyOf(ranges);
        creditStreams = List.copyOf(creditStreams);
    }

    /** Bytes {@code offset} .. {@code offset + length - 1} of stream {@code streamId}, with its fin if {@code fin}. */
    record StreamRange(long streamId, long offset, int length, boolean fin) {
    }
}
