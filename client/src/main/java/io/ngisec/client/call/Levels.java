package io.ngisec.client.call;

/** Signal level of a frame of 16-bit samples, in dBFS (0 = a full-scale square wave). */
final class Levels {

    /** The level reported for digital silence. */
    static final double FLOOR_DBFS = -96;

    private Levels() {
    }

    /** RMS level of {@code pcm} in dBFS, at least {@link #FLOOR_DBFS}. */
    static double dbfs(short[] pcm) {
        double sum = 0;
        for (short v : pcm) {
            sum += (double) v * v;
        }
        double rms = Math.sqrt(sum / pcm.length) / 32768.0;
        return rms == 0 ? FLOOR_DBFS : Math.max(FLOOR_DBFS, 20 * Math.log10(rms));
    }
}
