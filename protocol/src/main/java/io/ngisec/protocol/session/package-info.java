/**
 * The data path of an established session: {@link io.ngisec.protocol.session.SessionCore} packs
 * frames into DATA records under congestion control and takes received records apart, on
 * caller-supplied time over an abstract {@link io.ngisec.protocol.session.PacketLink}, and runs its
 * lifecycle (CLOSE, idle timeout, keepalive, PLPMTUD); {@link io.ngisec.protocol.session.PathMigrator}
 * moves it between paths after path validation, and {@link io.ngisec.protocol.session.ConnectedSession}
 * keeps a session on a working ICE path.
 * No threads: a driver loop ({@link io.ngisec.protocol.session.UdpSession} over a real path) calls it.
 */
package io.ngisec.protocol.session;
