/**
 * The Noise Protocol Framework (revision 34): handshake patterns, the symmetric and handshake
 * state machines, and the X25519 / AESGCM / ChaChaPoly / SHA-2 / BLAKE2 primitives they run on.
 *
 * <p>Every failure a caller can meet is a {@link io.ngisec.protocol.noise.NoiseException} with a
 * {@link io.ngisec.protocol.noise.NoiseException.Reason}. None of the types here is thread safe
 * unless it says so; a handshake or a cipher state belongs to one session.
 */
package io.ngisec.protocol.noise;
