package io.ngisec.server.http;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.ngisec.server.api.ApiException;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Strict JSON for the API: unknown fields, duplicate keys, trailing tokens, nulls (as fields or list
 * elements) and scalar coercions ("1" for a number, 1 for a string) are all refused. Thread safe.
 */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfigDefaults(c -> c
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .build();

    private Json() {
    }

    /** A reader for {@code type} that requires every field. */
    static ObjectReader strictReader(Class<?> type) {
        return MAPPER.readerFor(type);
    }

    /** A reader for {@code type} whose fields may be missing or null (they come out null). */
    static ObjectReader lenientReader(Class<?> type) {
        return MAPPER.readerFor(type)
                .without(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .without(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    }

    /** Parses a request body; ApiException 400 malformed_json or invalid_request says why not. */
    static <T> T read(ObjectReader reader, byte[] body) throws ApiException {
        if (body.length == 0) {
            throw ApiException.badRequest("malformed_json", "empty body: a JSON object is expected");
        }
        // Syntax first, binding second: Jackson reports a body cut short mid-object as a binding
        // problem, but to the client it is malformed JSON, not a wrong field.
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("malformed_json", "the body is not well-formed JSON");
        }
        if (tree == null || tree.isMissingNode()) {
            throw ApiException.badRequest("malformed_json", "empty body: a JSON object is expected");
        }
        T value;
        try {
            value = reader.readValue(tree);
        } catch (DatabindException e) {
            throw ApiException.badRequest("invalid_request", describe(e));
        } catch (IOException e) {
            throw ApiException.badRequest("invalid_request", "the body must be a JSON object with the documented fields");
        }
        if (value == null) {
            throw ApiException.badRequest("invalid_request", "the body must be a JSON object with the documented fields");
        }
        return value;
    }

    /** Parses a tree (for signaling frames); ApiException malformed_json if it is not one JSON value. */
    static JsonNode readTree(String text) throws ApiException {
        try {
            JsonNode node = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
            if (node == null || node.isMissingNode()) {
                throw ApiException.badRequest("malformed_json", "empty frame");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed_json", "the frame is not well-formed JSON");
        }
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    static String writeString(JsonNode value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree", e);
        }
    }

    /** A message naming the offending field, without Jackson's class names. */
    private static String describe(DatabindException e) {
        String path = e instanceof JsonMappingException m
                ? m.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."))
                : "";
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        return path.isEmpty() ? "the body must be a JSON object with the documented fields"
                : "missing or invalid field '" + path + "'";
    }
}
