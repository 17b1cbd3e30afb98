package io.ngisec.client.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One signal between two devices' session layers, as the body of a policy-server signal:
 * {@code {"s": SESSION, "r": "i"|"r", "k": "ice", "d": <ICE message>}} carries an ICE message of
 * one session setup, {@code {"s": SESSION, "r": .., "k": "abort", "d": "why"}} ends a setup early.
 * The session id (16 hex digits, chosen by the initiator) keeps concurrent setups between the
 * same devices apart; {@code "r"} says whether the initiator ({@code "i"}) or the responder
 * ({@code "r"}) sent it. The server delivers a device's signals to every process it has online,
 * so a responder's signal can reach a process of the initiating device that did not start that
 * setup: only an initiator's signal may start one.
 */
record SignalEnvelope(String session, boolean fromInitiator, Kind kind, String data) {

    enum Kind {
        ICE("ice"), ABORT("abort");

        final String token;

        Kind(String token) {
            this.token = token;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SESSION_ID = Pattern.compile("[0-9a-f]{16}");

    /** The compact JSON body; an ICE message is embedded as JSON, an abort reason as a string. */
    String encode() {
        ObjectNode body = JSON.createObjectNode();
        body.put("s", session);
        body.put("r", fromInitiator ? "i" : "r");
        body.put("k", kind.token);
        if (kind == Kind.ICE) {
            try {
                body.set("d", JSON.readTree(data));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("ICE message is not JSON", e);
            }
        } else {
            body.put("d", data);
        }
        return body.toString();
    }

    /** The envelope in {@code body}, or empty when it is not one (dropped and counted by the caller). */
    static Optional<SignalEnvelope> parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            String session = node.path("s").asText("");
            String role = node.path("r").asText("");
            String kind = node.path("k").asText("");
            JsonNode data = node.get("d");
            if (!SESSION_ID.matcher(session).matches() || !(role.equals("i") || role.equals("r")) || data == null) {
                return Optional.empty();
            }
            boolean initiator = role.equals("i");
            if (kind.equals(Kind.ICE.token) && data.isObject()) {
                return Optional.of(new SignalEnvelope(session, initiator, Kind.ICE, data.toString()));
            }
            if (kind.equals(Kind.ABORT.token) && data.isTextual()) {
                return Optional.of(new SignalEnvelope(session, initiator, Kind.ABORT, data.asText()));
            }
            return Optional.empty();
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
