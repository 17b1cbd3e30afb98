package io.ngisec.app;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** A Windows .ico file's directory, read from its header (ICONDIR, then one ICONDIRENTRY per image). */
record IcoDirectory(int type, List<Entry> entries) {

    /** One image: its size as the directory states it and as its own header (BMP or PNG) states it. */
    record Entry(int declaredSize, int bitCount, int imageWidth, int imageHeight, boolean png) {
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    static IcoDirectory parse(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (in.getShort(0) != 0) {
            throw new IllegalArgumentException("reserved header field is not 0");
        }
        int type = in.getShort(2);
        int count = in.getShort(4);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = 6 + 16 * i;
            int width = Byte.toUnsignedInt(in.get(at)); // 0 stands for 256
            int bitCount = in.getShort(at + 6);
            int length = in.getInt(at + 8);
            int offset = in.getInt(at + 12);
            if (offset < 6 + 16 * count || (long) offset + length > file.length) {
                throw new IllegalArgumentException("image " + i + " lies outside the file");
            }
            boolean png = ByteBuffer.wrap(file, offset, 8).equals(ByteBuffer.wrap(PNG_SIGNATURE));
            ByteBuffer image = in.duplicate().order(png ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            // PNG: IHDR width and height at 16 and 20; BMP: BITMAPINFOHEADER, height counts the AND mask too.
            int imageWidth = image.getInt(offset + (png ? 16 : 4));
            int imageHeight = png ? image.getInt(offset + 20) : image.getInt(offset + 8) / 2;
            entries.add(new Entry(width == 0 ? 256 : width, bitCount, imageWidth, imageHeight, png));
        }
        return new IcoDirectory(type, List.copyOf(entries));
    }
}
