/**
 * The echo contact ({@code ngisec listen --echo}): a headless peer that a newcomer can call, send
 * files and chat to without a second person. Calls hear a spoken greeting, a tone, then their own
 * voice back a moment later; chat messages are answered with {@code echo: TEXT}. The greeting is
 * {@code greeting.wav} beside these classes, generated once with
 * {@code espeak-ng -s 185 -w g.wav "Hello, this is the NGISec echo contact. After the tone, speak and
 * you will hear yourself." && sox g.wav -r 16000 -c 1 -b 16 greeting.wav silence 1 0.02 0.5% reverse
 * silence 1 0.02 0.5% reverse} (espeak-ng 1.51; the silence effects trim the ends).
 */
package io.ngisec.client.echo;
