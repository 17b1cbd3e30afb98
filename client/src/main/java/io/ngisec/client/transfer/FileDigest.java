package io.ngisec.client.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A file's SHA-256 and the SHA-256 of each of its 1 MiB chunks, from one pass over it. */
record FileDigest(long size, byte[] sha256, byte[] chunkHashes) {

    /** The hash of chunk {@code index}. */
    byte[] chunkHash(long index) {
        byte[] out = new byte[32];
        System.arraycopy(chunkHashes, Math.toIntExact(index * 32), out, 0, 32);
        return out;
    }

    static FileDigest of(Path file) throws IOException {
        MessageDigest whole = newDigest();
        MessageDigest chunk = newDigest();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            long chunks = TransferLimits.chunkCount(size);
            if (chunks * 32 > Integer.MAX_VALUE - 8) {
                throw new IOException("too large");
            }
            byte[] hashes = new byte[Math.toIntExact(chunks * 32)];
            ByteBuffer buffer = ByteBuffer.allocate(TransferLimits.CHUNK_BYTES);
            for (long i = 0; i < chunks; i++) {
                buffer.clear().limit(TransferLimits.chunkLength(size, i));
                readFully(in, buffer, i * TransferLimits.CHUNK_BYTES);
                buffer.flip();
                whole.update(buffer.duplicate());
                chunk.update(buffer);
                System.arraycopy(chunk.digest(), 0, hashes, Math.toIntExact(i * 32), 32);
            }
            return new FileDigest(size, whole.digest(), hashes);
        }
    }

    /** Reads {@code dst} full from {@code position}; throws if the file is shorter (it changed). */
    static void readFully(FileChannel in, ByteBuffer dst, long position) throws IOException {
        long at = position;
        while (dst.hasRemaining()) {
            int n = in.read(dst, at);
            if (n < 0) {
                throw new IOException("file is shorter than when it was offered");
            }
            at += n;
        }
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
