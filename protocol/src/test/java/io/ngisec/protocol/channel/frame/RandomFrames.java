package io.ngisec.protocol.channel.frame;

import io.ngisec.protocol.fuzz.FuzzInputs;
import java.util.ArrayList;
import java.util.List;

/** Arbitrary valid frames and frame sequences from a seeded {@link FuzzInputs}, for property and fuzz tests. */
final class RandomFrames {

    /** VarInt boundaries: each side of every length change. */
    static final long[] EDGES = {0, 1, 63, 64, 16383, 16384, (1L << 30) - 1, 1L << 30, VarInt.MAX_VALUE - 1, VarInt.MAX_VALUE};

    private final FuzzInputs inputs;

    RandomFrames(FuzzInputs inputs) {
        this.inputs = inputs;
    }

    /** A value from 0 to 2^62 - 1, often a VarInt boundary, often small. */
    long value() {
        return switch (inputs.random().nextInt(4)) {
            case 0 -> EDGES[inputs.random().nextInt(EDGES.length)];
            case 1 -> inputs.longBetween(0, 100);
            case 2 -> inputs.longBetween(0, 1L << inputs.random().nextInt(1, 63)) & VarInt.MAX_VALUE;
            default -> inputs.longBetween(0, VarInt.MAX_VALUE);
        };
    }

    Frame frame() {
        return switch (inputs.oneOf(FrameType.class)) {
            case PADDING -> new PaddingFrame(inputs.intBetween(1, 40));
            case PING -> new PingFrame();
            case ACK -> ack();
            case RESET_STREAM -> new ResetStreamFrame(value(), value(), value());
            case MAX_DATA -> new MaxDataFrame(value());
            case MAX_STREAM_DATA -> new MaxStreamDataFrame(value(), value());
            case PATH_CHALLENGE -> new PathChallengeFrame(inputs.anyLong());
            case PATH_RESPONSE -> new PathResponseFrame(inputs.anyLong());
            case DATAGRAM -> new DatagramFrame(value(), inputs.randomBytes(inputs.random().nextInt(4) == 0 ? 300 : 40));
            case STREAM -> stream();
        };
    }

    /** One to eight frames, never two PADDING frames in a row (the decoder would join them). */
    List<Frame> frames() {
        List<Frame> frames = new ArrayList<>();
        for (int n = inputs.intBetween(1, 8); n > 0; n--) {
            Frame f = frame();
            if (f instanceof PaddingFrame && !frames.isEmpty() && frames.getLast() instanceof PaddingFrame) {
                continue;
            }
            frames.add(f);
        }
        return frames;
    }

    AckFrame ack() {
        long high = value();
        List<AckRange> ranges = new ArrayList<>();
        int count = inputs.random().nextInt(8) == 0 ? inputs.intBetween(1, FrameLimits.MAX_ACK_RANGES) : inputs.intBetween(1, 6);
        for (int i = 0; i < count; i++) {
            long low = high - Math.min(high, small());
            ranges.add(new AckRange(low, high));
            long gap = small();
            if (low < gap + 2) {
                break;
            }
            high = low - gap - 2;
        }
        return new AckFrame(value(), ranges);
    }

    private StreamFrame stream() {
        long offset = inputs.random().nextInt(4) == 0 ? 0 : value();
        byte[] data = inputs.randomBytes(inputs.random().nextInt(4) == 0 ? 300 : 40);
        offset = Math.min(offset, VarInt.MAX_VALUE - data.length);
        return new StreamFrame(value(), offset, data, inputs.random().nextBoolean());
    }

    /** Mostly small, sometimes a VarInt boundary, for ACK range lengths and gaps. */
    private long small() {
        return inputs.random().nextInt(8) == 0 ? EDGES[inputs.random().nextInt(EDGES.length)] : inputs.longBetween(0, 70);
    }
}
