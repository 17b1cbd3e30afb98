/**
 * UDP sockets the session's data path owns: send and receive in batches, with the DSCP of each
 * datagram, so one system call can carry many packets where the platform allows
 * ({@code sendmmsg}/{@code recvmmsg} on Linux) and one thread can wait for datagrams or a wake-up.
 * No ICE here: {@link io.ngisec.protocol.transport} puts ICE's STUN traffic and the session's
 * records on one socket of this package.
 *
 * <p>{@link io.ngisec.protocol.transport.udp.UdpSockets} opens the best implementation:
 * {@link io.ngisec.protocol.transport.udp.LinuxUdpSocket} (the C library's socket calls through
 * the Foreign Function &amp; Memory API; needs {@code --enable-native-access=ALL-UNNAMED} to run
 * without a warning) on Linux x86_64/aarch64, else the portable
 * {@link io.ngisec.protocol.transport.udp.NioUdpSocket}; {@code -Dngisec.udp=nio} forces the
 * latter. Both pass the same contract test ({@code UdpSocketContract}).
 */
package io.ngisec.protocol.transport.udp;
