/**
 * Voice calls: the Opus codec through concentus ({@link io.ngisec.client.call.VoiceEncoder},
 * {@link io.ngisec.client.call.VoiceDecoder}), the bitrate and FEC policy
 * ({@link io.ngisec.client.call.BitrateController}), the estimated call quality
 * ({@link io.ngisec.client.call.EModel}), the media frame carried on the session's real-time
 * channel ({@link io.ngisec.client.call.MediaFrame}) and the adaptive playout buffer that turns
 * arriving frames into one decode decision per 20 ms ({@link io.ngisec.client.call.JitterBuffer}).
 * Call control ({@link io.ngisec.client.call.CallManager}) rings, answers and ends calls over a
 * link's control channel and starts and stops the media through
 * {@link io.ngisec.client.call.MediaStarter}.
 */
package io.ngisec.client.call;
