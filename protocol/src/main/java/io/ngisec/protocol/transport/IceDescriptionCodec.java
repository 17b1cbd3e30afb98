package io.ngisec.protocol.transport;

import static io.ngisec.protocol.transport.TransportFailure.Reason.MALFORMED_DESCRIPTION;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The signaling form of an {@link IceDescription}: one JSON object
 * {@code {"type":"ice","ufrag":..,"pwd":..,"candidates":[line, ..],"end-of-candidates":bool}} with
 * candidate lines as in {@link IceCandidate#toLine()}. The parser is strict, since the text comes
 * from the peer through the server: exactly these members, each once, of these JSON types, within
 * {@link DescriptionLimits}; anything else is a MALFORMED_DESCRIPTION failure. Thread safe.
 */
public final class IceDescriptionCodec {

    /** The value of the {@code type} member, so later signaling messages can be told apart. */
    public static final String TYPE = "ice";

    private static final Set<String> MEMBERS = Set.of("type", "ufrag", "pwd", "candidates", "end-of-candidates");
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private IceDescriptionCodec() {}

    /** {@code description} as signaling text. */
    public static String encode(IceDescription description) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", TYPE);
        o.put("ufrag", description.ufrag());
        o.put("pwd", description.pwd());
        ArrayNode lines = o.putArray("candidates");
        description.candidates().forEach(c -> lines.add(c.toLine()));
        o.put("end-of-candidates", description.endOfCandidates());
        return o.toString();
    }

    /** The description in {@code text}; a MALFORMED_DESCRIPTION failure for anything else. */
    public static IceDescription decode(String text) throws TransportFailure {
        if (text.length() > DescriptionLimits.MAX_DESCRIPTION_CHARS) {
            throw malformed("description too long");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed("not JSON");
        }
        if (root == null || !root.isObject() || root.size() != MEMBERS.size()) {
            throw malformed("not an object with " + MEMBERS.size() + " members");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            if (!MEMBERS.contains(it.next().getKey())) {
                throw malformed("unknown member");
            }
        }
        if (!TYPE.equals(text(root, "type"))) {
            throw malformed("type is not " + TYPE);
        }
        String ufrag = text(root, "ufrag");
        String pwd = text(root, "pwd");
        if (!IceDescription.validCredential(ufrag, DescriptionLimits.UFRAG_MIN_CHARS, DescriptionLimits.UFRAG_MAX_CHARS)
                || !IceDescription.validCredential(pwd, DescriptionLimits.PWD_MIN_CHARS, DescriptionLimits.PWD_MAX_CHARS)) {
            throw malformed("ufrag or pwd");
        }
        JsonNode lines = root.get("candidates");
        if (!lines.isArray() || lines.size() > DescriptionLimits.MAX_CANDIDATES) {
            throw malformed("candidates");
        }
        List<IceCandidate> candidates = new ArrayList<>(lines.size());
        for (JsonNode line : lines) {
            if (!line.isTextual()) {
                throw malformed("candidate is not a string");
            }
            candidates.add(IceCandidate.parse(line.textValue()));
        }
        JsonNode end = root.get("end-of-candidates");
        if (!end.isBoolean()) {
            throw malformed("end-of-candidates is not a boolean");
        }
        return new IceDescription(ufrag, pwd, candidates, end.booleanValue());
    }

    private static String text(JsonNode root, String member) throws TransportFailure {
        JsonNode n = root.get(member);
        if (!n.isTextual()) {
            throw malformed(member + " is not a string");
        }
        return n.textValue();
    }

    private static TransportFailure malformed(String detail) {
        return new TransportFailure(MALFORMED_DESCRIPTION, detail);
    }
}
