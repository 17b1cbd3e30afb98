/**
 * The data path of an established session: {@link io.ngisec.protocol.session.SessionCore} packs
 * frames into DATA records under congestion control and takes received records apart, on
 * caller-supplied time over an abstract {@link io.ngisec.protocol.session.PacketLink}. No threads:
 * a driver loop calls it.
 */
package io.ngisec.protocol.session;
