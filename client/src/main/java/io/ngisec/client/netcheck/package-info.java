/**
 * {@code ngisec netcheck}: which STUN and TURN servers answer over UDP, the address they see, how
 * the NAT in front of this host maps ports, and whether a TURN allocation works. A small
 * hand-written STUN client (RFC 8489, TURN's Allocate of RFC 8656), independent of ice4j.
 */
package io.ngisec.client.netcheck;
