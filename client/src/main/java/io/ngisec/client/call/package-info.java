/**
 * Voice calls: the Opus codec through concentus ({@link io.ngisec.client.call.VoiceEncoder},
 * {@link io.ngisec.client.call.VoiceDecoder}), the bitrate and FEC policy
 * ({@link io.ngisec.client.call.BitrateController}) and the estimated call quality
 * ({@link io.ngisec.client.call.EModel}). Nothing here touches sessions or devices yet.
 */
package io.ngisec.client.call;
