/**
 * Runs Noise test-vector files (the JSON format of cacophony and snow) against
 * {@link io.ngisec.protocol.noise}: every handshake message, transport message and handshake hash
 * must match. A file that is not such JSON is a {@link io.ngisec.protocol.noise.vectors.VectorFileException};
 * a bad single vector is a failed {@link io.ngisec.protocol.noise.vectors.VectorOutcome}.
 */
package io.ngisec.protocol.noise.vectors;
