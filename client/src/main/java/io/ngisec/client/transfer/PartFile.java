package io.ngisec.client.transfer;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A receiver's {@code .ngisec-part} file open for writing chunks at their offsets. */
public interface PartFile extends Closeable {

    /** Writes all of {@code src} at {@code position}. */
    void write(ByteBuffer src, long position) throws IOException;

    /** Forces written bytes to the disk (before chunks are recorded verified). */
    void sync() throws IOException;

    /** Opens part files; tests substitute one that fails like a full disk. */
    @FunctionalInterface
    interface Opener {
        PartFile open(Path part) throws IOException;
    }

    /** Part files on the file system (an existing part file is opened, not truncated). */
    Opener FILES = part -> {
        FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        return new PartFile() {
            @Override
            public void write(ByteBuffer src, long position) throws IOException {
                long at = position;
                while (src.hasRemaining()) {
                    at += channel.write(src, at);
                }
            }

            @Override
            public void sync() throws IOException {
                channel.force(false);
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    };
}
