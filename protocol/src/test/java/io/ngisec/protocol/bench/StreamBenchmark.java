package io.ngisec.protocol.bench;

import io.ngisec.protocol.channel.stream.ReceiveStream;
import io.ngisec.protocol.channel.stream.SendStream;
import io.ngisec.protocol.channel.stream.StreamChunk;
import io.ngisec.protocol.channel.stream.StreamException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Stream buffer overhead on a bulk transfer without loss: one op = one chunk of {@code payloadSize}
 * written by the application, taken by the packetizer, copied into a packet (sealing's stand-in),
 * received, read and acked, with credit advertised as the reader consumes. Multiply ops/s by
 * payloadSize for bytes/s. Run with {@code BENCHMARK=StreamBenchmark protocol/bench.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StreamBenchmark {

    @Param({"1200", "16384"})
    public int payloadSize;

    private SendStream sender;
    private ReceiveStream receiver;
    private ByteBuffer source;
    private ByteBuffer packet;
    private ByteBuffer sink;

    @Setup
    public void setUp() {
        receiver = new ReceiveStream(ReceiveStream.DEFAULT_WINDOW, ReceiveStream.DEFAULT_MAX_RANGES);
        sender = new SendStream(ReceiveStream.DEFAULT_WINDOW, receiver.maxOffset());
        source = ByteBuffer.allocate(payloadSize);
        packet = ByteBuffer.allocate(payloadSize);
        sink = ByteBuffer.allocate(payloadSize);
    }

    @Benchmark
    public int transferOneChunk() throws StreamException {
        source.clear();
        sender.write(source);
        StreamChunk chunk = sender.nextChunk(payloadSize).orElseThrow();
        packet.clear();
        packet.put(chunk.data()).flip();
        receiver.onData(chunk.offset(), packet, chunk.fin());
        sink.clear();
        int n = receiver.read(sink);
        sender.onAcked(chunk.offset(), chunk.length());
        receiver.pendingCreditUpdate().ifPresent(sender::updateCredit);
        return n;
    }
}
