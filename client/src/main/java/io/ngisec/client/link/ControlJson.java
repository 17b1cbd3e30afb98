package io.ngisec.client.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * The JSON of control messages: one object with a {@code "type"} field and the fields of a message
 * record. Decoding is strict about what a message needs (every record component present, no nulls for
 * numbers, no duplicate keys) and lenient about extra fields, so newer peers can add some.
 */
public final class ControlJson {

    /** Longest {@code "type"} value accepted. */
    public static final int MAX_TYPE_LENGTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ControlJson() {
    }

    /** Parses one received message; throws for anything that is not a JSON object with a short string type. */
    public static ControlMessage parse(String json) throws MalformedControlException {
        if (json == null || json.length() > PeerLink.MAX_CONTROL_BYTES
                || json.getBytes(StandardCharsets.UTF_8).length > PeerLink.MAX_CONTROL_BYTES) {
            throw new MalformedControlException("control message too long");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedControlException("control message is not JSON");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new MalformedControlException("control message is not a JSON object");
        }
        JsonNode type = object.get("type");
        if (type == null || !type.isTextual() || type.textValue().isEmpty() || type.textValue().length() > MAX_TYPE_LENGTH) {
            throw new MalformedControlException("control message has no type");
        }
        return new ControlMessage(type.textValue(), object);
    }

    /** The fields of {@code message} as {@code type}'s record; throws when one is missing or invalid. */
    public static <T> T decode(ControlMessage message, Class<T> type) throws MalformedControlException {
        try {
            T value = MAPPER.treeToValue(message.body(), type);
            if (value == null) {
                throw new MalformedControlException(message.type() + ": empty");
            }
            return value;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedControlException(message.type() + ": invalid fields");
        }
    }

    /** The JSON text of {@code message} with {@code "type"} first. */
    public static String encode(String type, Record message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", type);
        node.setAll((ObjectNode) MAPPER.valueToTree(message));
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a message record always serializes", e);
        }
    }

    /** Size in UTF-8 bytes of {@code value} as JSON, for splitting lists across messages. */
    public static int encodedLength(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a message value always serializes", e);
        }
    }
}
