package io.ngisec.client.audio;

/**
 * The level of one frame, for meters, in dB relative to full scale (32768): a full-scale square
 * wave is 0 dBFS RMS and a full-scale sine -3 dBFS RMS (the common digital-meter convention, not
 * AES17's, which adds 3 dB). Both values are at least {@link #FLOOR_DBFS}.
 *
 * @param rmsDbfs  root-mean-square level
 * @param peakDbfs largest absolute sample
 */
public record InputLevel(double rmsDbfs, double peakDbfs) {

    /** What silence reads: the 96 dB dynamic range of 16-bit audio. */
    public static final double FLOOR_DBFS = -96;
    /** The level of silence. */
    public static final InputLevel SILENCE = new InputLevel(FLOOR_DBFS, FLOOR_DBFS);

    private static final double FULL_SCALE = 32768;

    /** The level of the first {@code count} samples of {@code samples}. */
    public static InputLevel of(short[] samples, int count) {
        if (count <= 0) {
            return SILENCE;
        }
        double squares = 0;
        int peak = 0;
        for (int i = 0; i < count; i++) {
            int s = samples[i];
            squares += (double) s * s;
            peak = Math.max(peak, Math.abs(s));
        }
        return new InputLevel(dbfs(Math.sqrt(squares / count)), dbfs(peak));
    }

    private static double dbfs(double amplitude) {
        return amplitude == 0 ? FLOOR_DBFS : Math.max(FLOOR_DBFS, 20 * Math.log10(amplitude / FULL_SCALE));
    }
}
