package io.ngisec.protocol.channel.stream;

import java.nio.ByteBuffer;

/**
 * A piece of a stream for one STREAM frame: the bytes at [offset, offset + data.remaining()), and
 * whether the stream ends there. {@code data} from {@link SendStream#nextChunk} is a read-only view
 * of the send buffer, valid only until the stream is next written to: seal or copy it at once.
 * {@link #data()} returns a fresh view on each call, so consuming it leaves {@link #length()} alone.
 */
public record StreamChunk(long offset, ByteBuffer data, boolean fin) {

    public StreamChunk {
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset: " + offset);
        }
    }

    /** The chunk's bytes, as a new view (position to limit) each time. */
    @Override
    public ByteBuffer data() {
        return data.duplicate();
    }

    /** How many bytes the chunk carries. */
    public int length() {
        return data.remaining();
    }

    /** The offset just past the chunk's bytes. */
    public long end() {
        return offset + data.remaining();
    }
}
