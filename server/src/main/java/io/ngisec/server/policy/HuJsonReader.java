package io.ngisec.server.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.ngisec.server.policy.PolicyException.Reason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads HuJSON (JSON plus {@code //} and {@code /* *}{@code /} comments and trailing commas, as in
 * Tailscale's policy files) into {@link SourceValue}s that remember their positions. Refuses
 * duplicate keys, content after the top-level value, and nesting deeper than
 * {@link PolicyLimits#MAX_NESTING}. Thread safe.
 */
final class HuJsonReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /** Jackson's own "[Source: ...; line: 3, column: 5]" inside messages, reworded as ours. */
    private static final Pattern JACKSON_LOCATION =
            Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    private HuJsonReader() {
    }

    /** The value {@code text} holds; {@code what} names the text in messages ("the policy file"). */
    static SourceValue read(String text, String what) throws PolicyException {
        if (text.length() > PolicyLimits.MAX_TEXT_CHARS) {
            throw new PolicyException(Reason.TOO_LARGE,
                    what + " is longer than " + PolicyLimits.MAX_TEXT_CHARS + " chars");
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new PolicyException(Reason.SYNTAX, what + " is empty");
            }
            SourceValue value = value(parser, first, 1);
            if (parser.nextToken() != null) {
                throw PolicyException.at(position(parser.currentTokenLocation()), Reason.SYNTAX,
                        "unexpected content after the end of " + what);
            }
            return value;
        } catch (JacksonException e) {
            throw PolicyException.at(position(e.getLocation()), Reason.SYNTAX, reword(e.getOriginalMessage()));
        } catch (IOException e) {
            // Reading a String does no I/O; Jackson reports every malformed input as JacksonException.
            throw new PolicyException(Reason.SYNTAX, what + " could not be read");
        }
    }

    private static SourceValue value(JsonParser parser, JsonToken token, int depth) throws IOException, PolicyException {
        Position at = position(parser.currentTokenLocation());
        if (token == null) {
            throw PolicyException.at(at, Reason.SYNTAX, "unexpected end of text");
        }
        switch (token) {
            case START_OBJECT -> {
                nest(at, depth);
                Map<String, SourceValue.Member> members = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    if (t != JsonToken.FIELD_NAME) {
                        throw PolicyException.at(at, Reason.SYNTAX, "unexpected end of text in an object");
                    }
                    String key = parser.currentName();
                    Position keyAt = position(parser.currentTokenLocation());
                    SourceValue member = value(parser, parser.nextToken(), depth + 1);
                    if (members.putIfAbsent(key, new SourceValue.Member(key, keyAt, member)) != null) {
                        throw PolicyException.at(keyAt, Reason.DUPLICATE,
                                "key " + PolicyNames.quote(key) + " appears twice in the same object");
                    }
                }
                return new SourceValue.Obj(at, members);
            }
            case START_ARRAY -> {
                nest(at, depth);
                List<SourceValue> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    if (t == null) {
                        throw PolicyException.at(at, Reason.SYNTAX, "unexpected end of text in a list");
                    }
                    items.add(value(parser, t, depth + 1));
                }
                return new SourceValue.Arr(at, items);
            }
            case VALUE_STRING -> {
                return new SourceValue.Str(at, parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return new SourceValue.Num(at, parser.getText(), true);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new SourceValue.Num(at, parser.getText(), false);
            }
            case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
                return new SourceValue.Literal(at, parser.getText());
            }
            default -> throw PolicyException.at(at, Reason.SYNTAX, "unexpected " + token);
        }
    }

    private static void nest(Position at, int depth) throws PolicyException {
        if (depth > PolicyLimits.MAX_NESTING) {
            throw PolicyException.at(at, Reason.TOO_LARGE,
                    "objects and lists nested deeper than " + PolicyLimits.MAX_NESTING + " levels");
        }
    }

    private static Position position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return null;
        }
        return new Position(location.getLineNr(), Math.max(location.getColumnNr(), 0));
    }

    private static String reword(String message) {
        String text = message == null ? "not valid HuJSON" : message;
        text = JACKSON_LOCATION.matcher(text).replaceAll("line $1, column $2").replaceAll("\\s+", " ").strip();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
