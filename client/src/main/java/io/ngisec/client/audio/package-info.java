/**
 * Audio input and output for calls, behind two small interfaces: an
 * {@link io.ngisec.client.audio.AudioSource} gives 20 ms frames of 48 kHz mono 16-bit PCM
 * ({@link io.ngisec.client.audio.AudioFrame}) and an {@link io.ngisec.client.audio.AudioSink}
 * takes them, so a call runs the same with a microphone and speaker or headless.
 *
 * <ul>
 * <li>Devices through javax.sound: {@link io.ngisec.client.audio.AudioDevices} lists them and opens
 * a {@link io.ngisec.client.audio.LineSource} (capture) or {@link io.ngisec.client.audio.LineSink}
 * (playback) with line buffers of a few frames; every javax.sound call is bounded in time, so no device or a
 * stuck sound server is a one-line error, never a hang. Device lines are <em>paced</em>: reads and
 * writes follow the device's clock.</li>
 * <li>Files: {@link io.ngisec.client.audio.WavSource} reads 16-bit PCM WAV, mono or stereo, at 8 to
 * 192 kHz (converted to 48 kHz by a windowed-sinc {@link io.ngisec.client.audio.Resampler});
 * {@link io.ngisec.client.audio.WavSink} writes 48 kHz mono and keeps the header valid while it
 * writes, so a killed process leaves a playable file.</li>
 * <li>Generated: {@link io.ngisec.client.audio.ToneSource}, {@link io.ngisec.client.audio.SilenceSource},
 * and {@link io.ngisec.client.audio.NullSink} that discards. Files and generators are not paced:
 * the caller reads and writes by its own 20 ms clock.</li>
 * <li>The input level in dBFS ({@link io.ngisec.client.audio.InputLevel}), which the call's talker
 * measures on every frame for the meters; muting is the talker's too (it sends flagged silence).</li>
 * <li>For the command line: {@link io.ngisec.client.audio.AudioEndpoints#parse} reads {@code --in} and
 * {@code --out} ({@code DEVICE}, {@code FILE.wav}, {@code tone[:HZ]}, {@code none}) into an
 * {@link io.ngisec.client.audio.AudioEndpoint}.</li>
 * </ul>
 * Failures are {@link io.ngisec.client.audio.AudioException}s with a one-line message and a reason
 * (bad input, no device, failed while running).
 */
package io.ngisec.client.audio;
