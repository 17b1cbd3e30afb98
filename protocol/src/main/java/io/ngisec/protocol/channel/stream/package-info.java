/**
 * The two halves of a reliable ordered byte stream with flow control, apart from packets and wire
 * codecs: {@link io.ngisec.protocol.channel.stream.SendStream} buffers what the application writes
 * until the peer acknowledges it and hands the packetizer chunks to send (lost ranges first);
 * {@link io.ngisec.protocol.channel.stream.ReceiveStream} reassembles chunks arriving out of order,
 * enforces the credit it advertised and the final size, and says when to advertise more credit.
 *
 * <p>Every failure the peer can cause is a {@link io.ngisec.protocol.channel.stream.StreamException}
 * with a {@link io.ngisec.protocol.channel.stream.StreamException.Reason}; memory on both sides is
 * bounded by a configured limit, whatever the peer sends. None of the types here is thread safe:
 * a stream belongs to the thread that runs its session.
 */
package io.ngisec.protocol.channel.stream;
