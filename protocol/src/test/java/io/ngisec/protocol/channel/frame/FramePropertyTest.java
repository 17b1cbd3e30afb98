package io.ngisec.protocol.channel.frame;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.fuzz.FuzzInputs;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random valid frames and frame sequences from a seeded {@link FuzzInputs}: each round-trips at any
 * buffer offset, encodedLength is exact, and the STREAM and DATAGRAM room helpers give the largest
 * frame that fits.
 */
class FramePropertyTest {

    @Test
    void randomFramesRoundTrip() throws FrameException {
        FuzzInputs inputs = new FuzzInputs("frame round trip");
        RandomFrames random = new RandomFrames(inputs);
        for (int i = 0; i < 20_000; i++) {
            Frame f = random.frame();
            assertThat(FrameCodecTest.roundTrip(f)).as("try %d: %s", i, f).containsExactly(f);
        }
    }

    @Test
    void randomFrameSequencesRoundTripAtAnyOffset() throws FrameException {
        FuzzInputs inputs = new FuzzInputs("frame sequence round trip");
        RandomFrames random = new RandomFrames(inputs);
        for (int i = 0; i < 10_000; i++) {
            List<Frame> frames = random.frames();
            int offset = inputs.intBetween(0, 7);
            int slack = inputs.intBetween(0, 7);
            int length = FrameCodec.encodedLength(frames);
            ByteBuffer buf = ByteBuffer.allocate(offset + length + slack);
            buf.position(offset);
            FrameCodec.encodeAll(frames, buf);
            assertThat(buf.position()).isEqualTo(offset + length);
            // The slack after the payload is random, so reading past the limit would show.
            buf.put(inputs.bytes(slack));
            buf.position(offset).limit(offset + length);

            String what = "try " + i + ": " + frames;
            assertThat(FrameCodec.decodeAll(buf)).as(what).isEqualTo(frames);
            assertThat(buf.position()).as(what).isEqualTo(offset + length);
        }
    }

    @Test
    void streamRoomIsTheLargestFrameThatFits() throws FrameException {
        FuzzInputs inputs = new FuzzInputs("stream room");
        RandomFrames random = new RandomFrames(inputs);
        for (int i = 0; i < 5_000; i++) {
            long streamId = random.value();
            long offset = inputs.random().nextInt(4) == 0 ? 0 : random.value();
            int space = inputs.intBetween(0, 20_000);
            int n = FrameCodec.maxStreamDataLength(streamId, offset, space);
            String what = "try " + i + ": stream " + streamId + " offset " + offset + " space " + space + " -> " + n;
            if (n < 0) {
                assertThat(FrameCodec.encodedLength(new StreamFrame(streamId, offset, new byte[0], false)))
                        .as(what).isGreaterThan(space);
                continue;
            }
            StreamFrame fits = new StreamFrame(streamId, offset, new byte[n], true);
            assertThat(FrameCodec.encodedLength(fits)).as(what).isLessThanOrEqualTo(space);
            assertThat(FrameCodecTest.roundTrip(fits)).as(what).containsExactly(fits);
            if (n < VarInt.MAX_VALUE - offset) {
                StreamFrame tooBig = new StreamFrame(streamId, offset, new byte[n + 1], true);
                assertThat(FrameCodec.encodedLength(tooBig)).as(what).isGreaterThan(space);
            }
        }
    }

    @Test
    void datagramRoomIsTheLargestFrameThatFits() {
        FuzzInputs inputs = new FuzzInputs("datagram room");
        RandomFrames random = new RandomFrames(inputs);
        for (int i = 0; i < 5_000; i++) {
            long channelId = random.value();
            int space = inputs.intBetween(0, 20_000);
            int n = FrameCodec.maxDatagramDataLength(channelId, space);
            String what = "try " + i + ": channel " + channelId + " space " + space + " -> " + n;
            assertThat(FrameCodec.encodedLength(new DatagramFrame(channelId, new byte[n + 1])))
                    .as(what).isGreaterThan(space);
            if (n >= 0) {
                assertThat(FrameCodec.encodedLength(new DatagramFrame(channelId, new byte[n])))
                        .as(what).isLessThanOrEqualTo(space);
            }
        }
    }
}
