package io.ngisec.app.demo;

import io.ngisec.client.audio.AudioFrame;
import io.ngisec.client.audio.AudioSink;

/**
 * The headless demo's speaker: plays nothing, but tells what the call hears over the last second,
 * by level and by how much of it is the demo's own tone ({@code ownHz}, which the echo sends
 * back) or the echo's beep ({@code beepHz}). Written by the call's player thread, read by the
 * printer: thread safe. Not paced.
 */
final class HeardAudio implements AudioSink {

    /** What a second of received audio was. */
    enum Heard {
        SILENCE("silence"), SPEECH("speech"), BEEP("the beep"), OWN_TONE("your tone, echoed back");

        private final String label;

        Heard(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private static final int FRAMES_PER_SECOND = 1000 / AudioFrame.MILLIS;
    /** Below this the second is silence: well under speech, above the codec's noise. */
    private static final double SILENCE_DBFS = -50;
    /** A tone "is" the second when it holds this share of the energy. */
    private static final double DOMINANT = 0.5;

    private final double ownHz;
    private final double beepHz;
    private double energy;
    private double ownEnergy;
    private double beepEnergy;
    private int frames;
    private double lastDbfs = -96;
    private Heard last = Heard.SILENCE;
    private boolean heardOwnTone;

    HeardAudio(double ownHz, double beepHz) {
        this.ownHz = ownHz;
        this.beepHz = beepHz;
    }

    @Override
    public synchronized void write(short[] frame) {
        double e = 0;
        for (short s : frame) {
            e += (double) s * s;
        }
        energy += e;
        ownEnergy += toneEnergy(frame, ownHz);
        beepEnergy += toneEnergy(frame, beepHz);
        if (++frames == FRAMES_PER_SECOND) {
            double meanSquare = energy / ((double) frames * AudioFrame.SAMPLES);
            lastDbfs = meanSquare <= 0 ? -96 : 10 * Math.log10(meanSquare / ((double) Short.MAX_VALUE * Short.MAX_VALUE));
            if (lastDbfs < SILENCE_DBFS) {
                last = Heard.SILENCE;
            } else if (ownEnergy > DOMINANT * energy) {
                last = Heard.OWN_TONE;
                heardOwnTone = true;
            } else if (beepEnergy > DOMINANT * energy) {
                last = Heard.BEEP;
            } else {
                last = Heard.SPEECH;
            }
            energy = 0;
            ownEnergy = 0;
            beepEnergy = 0;
            frames = 0;
        }
    }

    /** What the last full second was. */
    synchronized Heard last() {
        return last;
    }

    /** The last full second's level, dBFS. */
    synchronized double lastDbfs() {
        return lastDbfs;
    }

    /** Whether a second of the demo's own tone came back. */
    synchronized boolean heardOwnTone() {
        return heardOwnTone;
    }

    /**
     * The frame's energy at {@code hz} (Goertzel), on the scale of the sum of squares: a pure
     * tone at {@code hz} gives about its whole energy.
     */
    static double toneEnergy(short[] frame, double hz) {
        double w = 2 * Math.PI * hz / AudioFrame.SAMPLE_RATE;
        double coefficient = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        for (short x : frame) {
            double s0 = x + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return 2 * power / frame.length;
    }

    @Override
    public boolean paced() {
        return false;
    }

    @Override
    public String describe() {
        return "the demo's meter";
    }

    @Override
    public void close() {
        // Holds nothing.
    }
}
