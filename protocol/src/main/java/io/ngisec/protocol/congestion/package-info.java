/**
 * How fast a session may send: RTT estimation and loss detection after RFC 9002 (one packet-number
 * space), delivery-rate sampling, a BBR-style congestion controller and a pacer. Every method takes
 * the time as nanoseconds from an arbitrary origin, supplied by the caller; nothing reads a clock,
 * so the whole package runs unchanged in a simulation.
 */
package io.ngisec.protocol.congestion;
