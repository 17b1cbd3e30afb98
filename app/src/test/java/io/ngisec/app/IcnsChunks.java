package io.ngisec.app;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A macOS .icns file's chunk list: the "icns" header, then (type, length, data) elements, big-endian. */
record IcnsChunks(List<Chunk> chunks) {

    /** One element; {@code data} excludes the 8-byte element header. */
    record Chunk(String type, byte[] data) {

        /**
         * The pixel width the element's own image header states, for the PNG and JPEG 2000 elements
         * (ic07 and up); -1 for the older RLE and mask elements, whose size is fixed by their type.
         */
        int encodedWidth() {
            ByteBuffer in = ByteBuffer.wrap(data);
            if (data.length > 24 && in.getInt(0) == 0x89504e47) {
                return in.getInt(16); // PNG IHDR
            }
            if (data.length > 12 && in.getInt(0) == 12 && in.getInt(4) == 0x6a502020) {
                for (int i = 12; i + 16 <= data.length; i++) {
                    if (in.getInt(i) == 0x69686472) { // JP2 "ihdr" box: height, then width
                        return in.getInt(i + 8);
                    }
                }
            }
            return -1;
        }
    }

    static IcnsChunks parse(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file);
        if (file.length < 8 || in.getInt(0) != 0x69636e73) {
            throw new IllegalArgumentException("no icns magic");
        }
        if (in.getInt(4) != file.length) {
            throw new IllegalArgumentException("declared length " + in.getInt(4) + " but the file has " + file.length);
        }
        List<Chunk> chunks = new ArrayList<>();
        for (int at = 8; at < file.length; ) {
            int length = at + 8 <= file.length ? in.getInt(at + 4) : -1;
            if (length < 8 || at + length > file.length) {
                throw new IllegalArgumentException("element at " + at + " overruns the file");
            }
            String type = new String(file, at, 4, StandardCharsets.US_ASCII);
            byte[] data = new byte[length - 8];
            System.arraycopy(file, at + 8, data, 0, data.length);
            chunks.add(new Chunk(type, data));
            at += length;
        }
        return new IcnsChunks(List.copyOf(chunks));
    }
}
