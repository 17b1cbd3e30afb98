package io.ngisec.server.signal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ngisec.protocol.identity.DeviceId;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The JSON frames the server sends to a device over its signaling connection
 * (docs/policy-server.md, "Signaling over WebSocket"). Stateless and thread safe.
 */
public final class SignalMessages {

    /**
     * Largest opaque signal body a device may send, in bytes of its compact JSON form. Small
     * enough that a relayed frame crosses instances in one PostgreSQL notification (under 8000
     * bytes) even when escaping doubles it; ICE offers, candidates and invitations are far smaller.
     */
    public static final int MAX_BODY_BYTES = 3 * 1024;

    private static final JsonFactory JSON = new JsonFactory();

    private SignalMessages() {
    }

    /** A relayed signal; {@code body} must be well-formed JSON (it is embedded as is). */
    public static String signal(DeviceId from, String body) {
        return write(g -> {
            g.writeStringField("type", "signal");
            g.writeStringField("from", from.toString());
            g.writeFieldName("body");
            g.writeRawValue(body);
        });
    }

    /** The recipient of a signal is connected to no instance. */
    public static String offline(DeviceId to) {
        return write(g -> {
            g.writeStringField("type", "offline");
            g.writeStringField("to", to.toString());
        });
    }

    /** The policy forbids signaling to {@code to}. */
    public static String denied(DeviceId to, String reason) {
        return write(g -> {
            g.writeStringField("type", "denied");
            g.writeStringField("to", to.toString());
            g.writeStringField("reason", reason);
        });
    }

    /** A device this one may contact came online or went offline. */
    public static String presence(DeviceId device, boolean online) {
        return write(g -> {
            g.writeStringField("type", "presence");
            g.writeStringField("deviceId", device.toString());
            g.writeBooleanField("online", online);
        });
    }

    /** A device was revoked: end live sessions with it. */
    public static String revoked(DeviceId device) {
        return write(g -> {
            g.writeStringField("type", "revoked");
            g.writeStringField("deviceId", device.toString());
        });
    }

    /** The policy is now at {@code version}: fetch the directory and new tickets as needed. */
    public static String policy(long version) {
        return write(g -> {
            g.writeStringField("type", "policy");
            g.writeNumberField("version", version);
        });
    }

    /** The answer to a device's ping. */
    public static String pong() {
        return write(g -> g.writeStringField("type", "pong"));
    }

    /** A frame from the device was refused; the connection stays up. */
    public static String error(String code) {
        return write(g -> {
            g.writeStringField("type", "error");
            g.writeStringField("code", code);
        });
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Fields fields) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            // A StringWriter does not fail.
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
