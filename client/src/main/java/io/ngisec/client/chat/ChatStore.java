package io.ngisec.client.chat;

import io.ngisec.client.store.PeerDatabase;
import io.ngisec.client.store.StoreException;
import io.ngisec.protocol.identity.DeviceId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** The chat table of the peer database (V3__chat.sql). */
final class ChatStore {

    private final PeerDatabase db;

    ChatStore(PeerDatabase db) {
        this.db = db;
    }

    /** Stores {@code m}; false when a message with its id, peer device and direction is already there. */
    boolean insert(ChatMessage m) throws StoreException {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("MERGE INTO chat_messages (message_id, direction, peer_user, peer_device, body, at, state) "
                    + "KEY (peer_device, direction, message_id) SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM chat_messages "
                    + "WHERE peer_device = ? AND direction = ? AND message_id = ?)")) {
                s.setObject(1, m.id());
                s.setString(2, m.direction().name());
                s.setString(3, m.peerUser());
                s.setObject(4, m.peerDevice().value());
                s.setString(5, m.text());
                s.setObject(6, m.at().atOffset(ZoneOffset.UTC));
                s.setString(7, m.state().name());
                s.setObject(8, m.peerDevice().value());
                s.setString(9, m.direction().name());
                s.setObject(10, m.id());
                return s.executeUpdate() > 0;
            }
        });
    }

    void updateState(ChatMessage m, ChatState state) throws StoreException {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE chat_messages SET state = ? WHERE peer_device = ? AND direction = ? AND message_id = ?")) {
                s.setString(1, state.name());
                s.setObject(2, m.peerDevice().value());
                s.setString(3, m.direction().name());
                s.setObject(4, m.id());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The last {@code limit} messages with {@code peerUser} (any of their devices), oldest first. */
    List<ChatMessage> history(String peerUser, int limit) throws StoreException {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT message_id, peer_user, peer_device, direction, body, at, state FROM chat_messages "
                    + "WHERE peer_user = ? ORDER BY at DESC, id DESC LIMIT ?")) {
                s.setString(1, peerUser);
                s.setInt(2, limit);
                List<ChatMessage> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ChatMessage(rs.getObject(1, UUID.class), rs.getString(2), new DeviceId(rs.getObject(3, UUID.class)),
                                ChatDirection.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                                ChatState.valueOf(rs.getString(7))));
                    }
                }
                Collections.reverse(out);
                return out;
            }
        });
    }
}
