package io.ngisec.protocol.session.stats;

import io.ngisec.protocol.transport.CandidateType;
import io.ngisec.protocol.transport.DatagramPath;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The UDP flow a session runs on: the ICE pair's addresses and candidate types, and the largest
 * datagram the session sends on it. Immutable.
 *
 * @param local our address on the selected pair (for a relayed candidate, the TURN allocation)
 * @param remote the peer's address we send to
 * @param localType our candidate's type: RELAYED means through a TURN server
 * @param remoteType the peer's candidate's type
 * @param pmtu the largest datagram sent, record header and tag included (the UDP payload size;
 *     1200 until path MTU discovery raises it)
 */
public record PathInfo(InetSocketAddress local, InetSocketAddress remote, CandidateType localType,
        CandidateType remoteType, int pmtu) {

    public PathInfo {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(localType, "localType");
        Objects.requireNonNull(remoteType, "remoteType");
    }

    /** The addresses and types of {@code path}, with {@code pmtu}. */
    public static PathInfo of(DatagramPath path, int pmtu) {
        return new PathInfo(path.localAddress(), path.remoteAddress(), path.localType(), path.remoteType(), pmtu);
    }
}
