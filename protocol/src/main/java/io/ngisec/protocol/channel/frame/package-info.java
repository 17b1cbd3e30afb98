/**
 * The frames that fill the sealed payload of an NGISec DATA record (spec section 10): their
 * values as records, their type codes ({@link io.ngisec.protocol.channel.frame.FrameType}) and
 * their wire codec ({@link io.ngisec.protocol.channel.frame.FrameCodec}).
 *
 * <p>Every frame value has exactly one encoding, so a payload parses only if it is the encoding
 * of what it parses to. Every parse failure is a {@link io.ngisec.protocol.channel.frame.FrameException}
 * with a reason. Frame records are immutable; the codec is stateless and thread safe.
 */
package io.ngisec.protocol.channel.frame;
