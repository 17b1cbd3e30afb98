package io.ngisec.client.audio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A child JVM for the device tests: the JDK's ALSA backend reads PulseAudio's environment
 * (PULSE_SERVER, PULSE_SINK, PULSE_SOURCE) once per process, so each device scenario runs in a
 * process started with the environment it needs. Prints results as {@code key value} lines and
 * failures as {@code error MESSAGE}; exit code 0 either way, so the test reads what happened.
 */
final class DeviceProbe {

    private DeviceProbe() {
    }

    public static void main(String[] args) throws Exception {
        try {
            switch (args[0]) {
                case "list" -> {
                    for (AudioDevice device : AudioDevices.list()) {
                        System.out.println("device " + device.name() + "\t" + device.capture() + "\t" + device.playback());
                    }
                    System.out.println("listed");
                }
                case "open-capture" -> {
                    try (LineSource source = AudioDevices.openCapture(Optional.empty())) {
                        System.out.println("opened " + source.describe());
                    }
                }
                case "open-playback" -> {
                    try (LineSink sink = AudioDevices.openPlayback(Optional.empty())) {
                        System.out.println("opened " + sink.describe());
                    }
                }
                case "play" -> play(Double.parseDouble(args[1]), Double.parseDouble(args[2]));
                case "capture" -> capture(Double.parseDouble(args[1]), Path.of(args[2]));
                case "read-until-failure" -> readUntilFailure();
                case "round-trip" -> roundTrip(Integer.parseInt(args[1]));
                default -> throw new IllegalArgumentException("unknown probe " + args[0]);
            }
        } catch (AudioException e) {
            System.out.println("error " + e.getMessage());
        }
        System.out.flush();
        // Threads stuck in a stopped sound server must not keep the probe alive.
        System.exit(0);
    }

    /** Plays a tone to the default device, paced by the device; reports what the sink counted. */
    private static void play(double hz, double seconds) throws AudioException {
        int frames = (int) Math.round(seconds * 1000 / AudioFrame.MILLIS);
        ToneSource tone = ToneSource.of(hz);
        short[] frame = AudioFrame.create();
        List<Integer> queued = new ArrayList<>();
        try (LineSink sink = AudioDevices.openPlayback(Optional.empty())) {
            List<String> drops = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < frames; i++) {
                tone.read(frame);
                long before = sink.droppedFrames();
                sink.write(frame);
                if (sink.droppedFrames() > before) {
                    drops.add(i + "@" + (System.nanoTime() - start) / 1_000_000);
                }
                queued.add(sink.queuedSamples());
            }
            System.out.println("drops-at " + drops);
            System.out.println("written " + sink.writtenFrames());
            System.out.println("dropped " + sink.droppedFrames());
            System.out.println("buffer " + sink.bufferSamples());
            System.out.println("queued-mean " + queued.stream().mapToInt(Integer::intValue).average().orElse(0));
            System.out.println("queued-max " + queued.stream().mapToInt(Integer::intValue).max().orElse(0));
        }
    }

    /** Records the default input to a WAV file; says {@code capturing} once the first frame has come. */
    private static void capture(double seconds, Path file) throws AudioException {
        int frames = (int) Math.round(seconds * 1000 / AudioFrame.MILLIS);
        short[] frame = AudioFrame.create();
        List<Integer> queued = new ArrayList<>();
        try (LineSource source = AudioDevices.openCapture(Optional.empty()); WavSink sink = WavSink.create(file)) {
            for (int i = 0; i < frames; i++) {
                source.read(frame);
                sink.write(frame);
                queued.add(source.queuedSamples());
                if (i == 0) {
                    System.out.println("capturing");
                    System.out.flush();
                }
            }
            System.out.println("buffer " + source.bufferSamples());
            System.out.println("queued-mean " + queued.stream().mapToInt(Integer::intValue).average().orElse(0));
            System.out.println("queued-max " + queued.stream().mapToInt(Integer::intValue).max().orElse(0));
        }
        System.out.println("captured " + frames);
    }

    /**
     * Measures how long audio takes from {@link LineSink#write} to {@link LineSource#read} through
     * the sound server, with the default output looped to the default input (a null sink and its
     * monitor): writes a click every 300 ms, device-paced, and times when the frame holding
     * it is read. Includes the 20 ms a captured frame takes to fill.
     */
    private static void roundTrip(int clicks) throws Exception {
        int spacing = 15;
        int frames = (clicks + 4) * spacing;
        long[] clickWritten = new long[clicks];
        List<Long> clickRead = new ArrayList<>();
        try (LineSink sink = AudioDevices.openPlayback(Optional.empty())) {
            LineSource source = AudioDevices.openCapture(Optional.empty());
            Thread reader = Thread.ofPlatform().start(() -> {
                short[] in = AudioFrame.create();
                try {
                    boolean inClick = false;
                    while (source.read(in) > 0) {
                        long now = System.nanoTime();
                        boolean loud = Math.abs(in[0]) > 10_000 || Math.abs(in[AudioFrame.SAMPLES / 2]) > 10_000;
                        if (loud && !inClick) {
                            clickRead.add(now);
                        }
                        inClick = loud;
                    }
                } catch (AudioException e) {
                    System.out.println("error " + e.getMessage());
                }
            });
            try {
                short[] silence = AudioFrame.create();
                short[] click = AudioFrame.create();
                Arrays.fill(click, (short) 20_000);
                // Three spacings of silence first, for both streams to settle.
                for (int i = 0; i < frames; i++) {
                    int c = i / spacing - 3;
                    boolean isClick = c >= 0 && c < clicks && i % spacing == 0;
                    sink.write(isClick ? click : silence);
                    if (isClick) {
                        clickWritten[c] = System.nanoTime();
                    }
                }
            } finally {
                // Ends the reader's loop.
                source.close();
            }
            reader.join();
            System.out.println("dropped " + sink.droppedFrames());
        }
        // Each click is read after it was written and before the next one is written.
        long spacingNanos = spacing * AudioFrame.MILLIS * 1_000_000L;
        List<Long> delays = new ArrayList<>();
        for (long written : clickWritten) {
            clickRead.stream().filter(read -> read > written && read < written + spacingNanos).findFirst()
                    .ifPresent(read -> delays.add((read - written) / 1_000_000));
        }
        System.out.println("round-trip-ms " + delays);
    }

    /** Reads the default input until a read fails (the test stops the sound server meanwhile). */
    private static void readUntilFailure() throws AudioException {
        short[] frame = AudioFrame.create();
        try (LineSource source = AudioDevices.openCapture(Optional.empty())) {
            source.read(frame);
            System.out.println("reading");
            System.out.flush();
            while (source.read(frame) > 0) {
                // Until the device stops delivering.
            }
        }
    }
}
