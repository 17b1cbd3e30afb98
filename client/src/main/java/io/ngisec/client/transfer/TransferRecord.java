package io.ngisec.client.transfer;

import io.ngisec.protocol.identity.DeviceId;
import java.time.Instant;

/** A transfer as the peer database remembers it (history, resume). */
public record TransferRecord(TransferId id, Direction direction, String peerUser, DeviceId peerDevice,
        TransferState state, String reason, long totalBytes, Instant createdAt, Instant updatedAt) {
}
