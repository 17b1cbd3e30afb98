package io.ngisec.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.server.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;

/** A signaling frame from a device, parsed; anything else is refused with the error code to send back. */
sealed interface ClientFrame {

    /** {@code {"type":"ping"}}: the device checks the connection (and keeps it from going idle). */
    record Ping() implements ClientFrame {
    }

    /** {@code {"type":"signal","to":DEVICE,"body":{...}}}; {@code body} is the compact JSON of the object. */
    record Signal(DeviceId to, String body) implements ClientFrame {
    }

    /**
     * Parses one text frame. Throws ApiException whose code is malformed_json (not JSON),
     * invalid_frame (not an object of the documented fields and types), unknown_type, or
     * body_too_large (body over {@link HttpSpec#MAX_SIGNAL_BODY_BYTES}); never anything else.
     */
    static ClientFrame parse(String text) throws ApiException {
        JsonNode frame = Json.readTree(text);
        if (!frame.isObject() || !frame.path("type").isTextual()) {
            throw invalid("a frame is a JSON object with a string \"type\"");
        }
        return switch (frame.get("type").textValue()) {
            case "ping" -> {
                onlyFields(frame, Set.of("type"));
                yield new Ping();
            }
            case "signal" -> {
                onlyFields(frame, Set.of("type", "to", "body"));
                yield new Signal(deviceId(frame.get("to")), body(frame.get("body")));
            }
            default -> throw ApiException.badRequest("unknown_type", "unknown frame type");
        };
    }

    private static void onlyFields(JsonNode frame, Set<String> allowed) throws ApiException {
        for (Iterator<String> names = frame.fieldNames(); names.hasNext(); ) {
            if (!allowed.contains(names.next())) {
                throw invalid("unknown field");
            }
        }
    }

    private static DeviceId deviceId(JsonNode to) throws ApiException {
        if (to == null || !to.isTextual()) {
            throw invalid("\"to\" must be a device id");
        }
        try {
            return DeviceId.parse(to.textValue());
        } catch (IllegalArgumentException e) {
            throw invalid("\"to\" must be a device id");
        }
    }

    private static String body(JsonNode body) throws ApiException {
        if (body == null || !body.isObject()) {
            throw invalid("\"body\" must be a JSON object");
        }
        String compact = Json.writeString(body);
        if (compact.getBytes(StandardCharsets.UTF_8).length > HttpSpec.MAX_SIGNAL_BODY_BYTES) {
            throw ApiException.badRequest("body_too_large", "the body is larger than "
                    + HttpSpec.MAX_SIGNAL_BODY_BYTES + " bytes");
        }
        return compact;
    }

    private static ApiException invalid(String message) {
        return ApiException.badRequest("invalid_frame", message);
    }
}
