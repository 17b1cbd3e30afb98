package io.ngisec.client.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ngisec.protocol.identity.DeviceId;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The signaling WebSocket's text frames (docs/policy-server.md, "Signaling over WebSocket"):
 * encodes what a device sends and decodes what the server sends into {@link SignalingEvent}s.
 */
final class SignalingFrames {

    /** Largest signal body, compact JSON, in bytes: a relayed frame must fit one PostgreSQL notification. */
    static final int MAX_BODY_BYTES = 3 * 1024;

    static final String PING = "{\"type\":\"ping\"}";

    private SignalingFrames() {
    }

    /** The frame relaying {@code bodyJson} to {@code to}; throws IllegalArgumentException unless it is a JSON object of at most 3 KiB compact. */
    static String signal(DeviceId to, String bodyJson) {
        JsonNode body;
        try {
            body = ApiCalls.JSON.readTree(bodyJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("signal body is not JSON");
        }
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("signal body must be a JSON object");
        }
        if (body.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("signal body is larger than " + MAX_BODY_BYTES + " bytes of compact JSON");
        }
        ObjectNode frame = ApiCalls.JSON.createObjectNode();
        frame.put("type", "signal");
        frame.put("to", to.toString());
        frame.set("body", body);
        return frame.toString();
    }

    /** The event a server frame carries; empty for pongs, unknown types and frames this client cannot read. */
    static Optional<SignalingEvent> decode(String text) {
        try {
            JsonNode frame = ApiCalls.JSON.readTree(text);
            return Optional.ofNullable(switch (frame.path("type").asText()) {
                case "signal" -> frame.path("body").isObject()
                        ? new SignalingEvent.Signal(id(frame, "from"), frame.get("body").toString()) : null;
                case "presence" -> new SignalingEvent.Presence(id(frame, "deviceId"), frame.path("online").asBoolean());
                case "revoked" -> new SignalingEvent.Revoked(id(frame, "deviceId"));
                case "policy" -> new SignalingEvent.PolicyChanged(frame.path("version").asLong());
                case "offline" -> new SignalingEvent.Offline(id(frame, "to"));
                case "denied" -> new SignalingEvent.Denied(id(frame, "to"), frame.path("reason").asText(""));
                case "error" -> new SignalingEvent.Error(frame.path("code").asText("unknown"));
                default -> null;
            });
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            // A frame we cannot read is dropped: the server is trusted, so this is a version mismatch at worst.
            return Optional.empty();
        }
    }

    private static DeviceId id(JsonNode frame, String field) {
        return DeviceId.parse(frame.path(field).asText());
    }
}
