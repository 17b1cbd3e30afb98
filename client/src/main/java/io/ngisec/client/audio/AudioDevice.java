package io.ngisec.client.audio;

/**
 * An audio device the JDK can use for calls, as {@code ngisec devices} lists it.
 *
 * @param name        the name {@code --in} and {@code --out} accept, e.g. {@code default [default]}
 * @param description the driver's description
 * @param capture     whether it can record 48 kHz mono 16-bit audio
 * @param playback    whether it can play 48 kHz mono 16-bit audio
 */
public record AudioDevice(String name, String description, boolean capture, boolean playback) {
}
