/**
 * UDP sockets the session's data path owns: send and receive in batches, with the DSCP of each
 * datagram, so one system call can carry many packets where the platform allows
 * ({@code sendmmsg}/{@code recvmmsg} on Linux) and one thread can wait for datagrams or a wake-up.
 * No ICE here: {@link io.ngisec.protocol.transport} puts ICE's STUN traffic and the session's
 * records on one socket of this package.
 */
package io.ngisec.protocol.transport.udp;
